import type { i18n as I18n, TFunction } from 'i18next';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';

/**
 * A problem in the counselor's language: the translated wording for its code with the values
 * the importer quoted. Falls back to the importer's English text only when a translation
 * would be missing one of those values.
 */
export function problemText(t: TFunction, i18n: I18n, p: Pick<ImportProblem, 'code' | 'message' | 'params'>): string {
  const key = `rosterProblems.${p.code}`;
  const template = i18n.getResource(i18n.language, 'translation', key) as string | undefined;
  if (typeof template !== 'string') return p.message;
  const needed = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
  if (needed.some((n) => p.params?.[n] === undefined)) return p.message;
  return t(key, p.params ?? {});
}
