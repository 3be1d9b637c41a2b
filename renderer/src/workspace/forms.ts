import type { TFunction } from 'i18next';
import { localIsoDate } from '../../../shared/domain/dates';
import { isApiError } from '../api/client';
import { errorText } from '../components/errorText';

export const todayIso = () => localIsoDate(new Date());

/**
 * Field messages from a VALIDATION error of the main process, keyed by field name (the
 * last path segment that is not an index, so "changes.statement" → statement and
 * "options.2" → options). Anything not field-shaped goes to `form`.
 */
export function errorsFrom(t: TFunction, err: unknown): { fields: Record<string, string>; form: string | null } {
  if (!err) return { fields: {}, form: null };
  if (isApiError(err, 'VALIDATION')) {
    const issues = ((err.details as { issues?: { path: string[]; message: string; code?: string }[] } | undefined)?.issues ?? []).filter((i) => i.path.length > 0);
    const fields: Record<string, string> = {};
    for (const issue of issues) {
      const key = [...issue.path].reverse().find((p) => !/^\d+$/.test(p) && p !== 'changes');
      if (!key || fields[key]) continue;
      fields[key] = fieldMessage(t, issue);
    }
    return { fields, form: Object.keys(fields).length ? null : errorText(t, err) };
  }
  if (isApiError(err, 'CONFLICT')) return { fields: {}, form: t('workspace.common.conflict') };
  return { fields: {}, form: errorText(t, err) };
}

function fieldMessage(t: TFunction, issue: { message: string; code?: string }): string {
  const m = issue.message;
  const max = /(?:<=|at most|too big).*?(\d+)/i.exec(m);
  if (issue.code === 'too_big' && max) return t('workspace.common.tooLong', { max: max[1] });
  if (/YYYY-MM-DD|date/i.test(m)) return t('workspace.common.invalidDate');
  if (/Required|too_small|>=1/i.test(m) || issue.code === 'too_small') return t('workspace.common.required');
  if (/future/i.test(m)) return t('workspace.checkIns.future');
  if (/closed referral/i.test(m)) return t('workspace.referrals.needOutcome');
  if (/what kind of referral/i.test(m)) return t('workspace.referrals.needKind');
  if (/who decided/i.test(m)) return t('workspace.decisions.needDecider');
  return t('common.errors.VALIDATION');
}
