/**
 * Interpretations are data, not sentences: a message is an i18n key plus parameters, so the
 * same interpretation reads in English or Spanish on screen (renderer) and in family
 * documents (main process). A parameter can itself be a message (a section name, a level).
 */
export type MessageParam = string | number | Message | Message[];

export interface Message {
  key: string;
  params?: Record<string, MessageParam>;
}

export function msg(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface FormatOptions {
  /** Number formatting for the reader's language ("1,310" / "1310"; "3.5" / "3,5"). */
  locale: string;
}

function isMessage(v: MessageParam): v is Message {
  if (Array.isArray(v)) return false;
  return typeof v === 'object' && v !== null && typeof (v as Message).key === 'string';
}

/** Renders a message with a translator: nested messages first, numbers in the reader's format. */
export function renderMessage(t: Translate, m: Message, options: FormatOptions): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (Array.isArray(v)) params[k] = new Intl.ListFormat(options.locale === 'es' ? 'es' : 'en', { type: 'conjunction' }).format(v.map((x) => renderMessage(t, x, options)));
    else if (isMessage(v)) params[k] = renderMessage(t, v, options);
    else if (typeof v === 'number') params[k] = new Intl.NumberFormat(options.locale === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: 2 }).format(v);
    else params[k] = v;
  }
  // `count` drives i18next plurals and must stay a number.
  if (typeof m.params?.count === 'number') params.count = m.params.count;
  return t(m.key, params);
}
