import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import { errorText } from '../components/errorText';

/** A counselor-readable sentence for a conference error: the specific reason when the main process gave one. */
export function conferenceErrorText(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    if (reason) {
      const key = `conference.errors.${reason}`;
      const text = t(key);
      if (text !== key) return text;
    }
  }
  return errorText(t, err);
}
