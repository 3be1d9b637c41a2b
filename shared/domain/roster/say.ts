import { rosterProblems } from '../../i18n/en/rosterProblems';

/**
 * A problem's words: the English text, plus the template and values that let the renderer say
 * the same thing in the counselor's language (see shared/i18n/en/rosterProblems.ts).
 */
export interface Said {
  message: string;
  params?: Record<string, string | number>;
  /** Template key when it is not the problem's code ("encoding-mojibake~repaired"). */
  template?: string;
}

type Templates = Record<string, string | Record<string, string>>;
const EN = rosterProblems as unknown as Templates;
const TERMS = rosterProblems.terms as Record<string, string>;

/** `{{x}}` → value; `@term` values → the term's wording; `count` picks `_one` / `_other`. */
export function interpolate(template: string, params: Record<string, string | number>, terms: Record<string, string> = TERMS): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'string' && v.startsWith('@') && v.slice(1) in terms ? terms[v.slice(1)] : String(v);
  });
}

/** The template key to use for `key` with these values (plural forms by `count`). */
export function templateKey(templates: Templates, key: string, params: Record<string, string | number>): string {
  if (typeof params.count === 'number' && `${key}_one` in templates) return params.count === 1 ? `${key}_one` : `${key}_other`;
  return key;
}

export function say(key: string, params: Record<string, string | number> = {}): Said {
  const template = EN[templateKey(EN, key, params)];
  if (typeof template !== 'string') throw new Error(`No roster problem template "${key}"`);
  const out: Said = { message: interpolate(template, params) };
  if (Object.keys(params).length) out.params = params;
  out.template = key;
  return out;
}
