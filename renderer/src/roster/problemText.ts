import type { i18n as I18n, TFunction } from 'i18next';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';

/**
 * A problem in the counselor's language: the wording for its template (shared/i18n/…/
 * rosterProblems.ts) with the values the importer quoted; `@term` values are translated too.
 * Falls back to the importer's English only when there is no wording or a value is missing.
 */
export function problemText(t: TFunction, i18n: I18n, p: Pick<ImportProblem, 'code' | 'message' | 'params' | 'template'>): string {
  const key = p.template ?? p.code;
  const params = p.params ?? {};
  const plural = typeof params.count === 'number' && i18n.exists(`rosterProblems.${key}_one`);
  const resource = i18n.getResource(i18n.language, 'translation', `rosterProblems.${key}${plural ? '_other' : ''}`) as unknown;
  if (typeof resource !== 'string') return p.message;
  const needed = [...resource.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
  if (needed.some((n) => params[n] === undefined)) return p.message;
  const values = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('@') ? t(`rosterProblems.terms.${v.slice(1)}`, { defaultValue: v.slice(1) }) : v]),
  );
  return t(`rosterProblems.${key}`, values);
}
