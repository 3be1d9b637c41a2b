import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

function duration(t: TFunction, ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? t('common.time.seconds', { count: seconds }) : t('common.time.minutes', { count: Math.ceil(seconds / 60) });
}

const REASON_KEYS: Record<string, string> = {
  'plain-sqlite': 'NOT_A_VAULT_plainSqlite',
  'missing-key-file': 'VAULT_DAMAGED_missingKeyFile',
  'bad-key-file': 'VAULT_DAMAGED_badKeyFile',
  'missing-database': 'VAULT_DAMAGED_missingDatabase',
  'file-unreadable': 'IMPORT_INVALID_fileUnreadable',
  'file-too-large': 'IMPORT_INVALID_fileTooLarge',
};

/** A sentence for the counselor, in their language, from any error the API returned. */
export function errorText(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('common.errors.INTERNAL');
  const details = (err.details ?? {}) as { reason?: string; retryAfterMs?: number; file?: string; size?: number; issues?: { code?: string; maximum?: number }[] };
  const tooLong = err.code === 'VALIDATION' ? details.issues?.find((i) => i.code === 'too_big' && typeof i.maximum === 'number') : undefined;
  if (tooLong) return t('common.errors.VALIDATION_tooLong', { max: tooLong.maximum });
  if (err.code === 'UNLOCK_THROTTLED') return t('common.errors.UNLOCK_THROTTLED', { time: duration(t, details.retryAfterMs ?? 0) });
  const reasonKey = details.reason ? REASON_KEYS[details.reason] : undefined;
  if (reasonKey) return t(`common.errors.${reasonKey}`, { file: details.file ?? '', size: details.size ?? 0 });
  return t(`common.errors.${err.code}`);
}

export function formatWait(t: TFunction, ms: number): string {
  return duration(t, ms);
}
