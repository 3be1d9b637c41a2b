import { describe, expect, it } from 'vitest';
import { assessPassphrase } from './passphrase';
import { en } from '../i18n/en';
import { es } from '../i18n/es';

const ours = (t: typeof en | typeof es) => [...Object.values(t.vault.strength.feedback.warnings), ...Object.values(t.vault.strength.feedback.suggestions)];

describe('passphrase feedback', () => {
  it.each([
    { locale: 'en' as const, text: en, input: 'password' },
    { locale: 'es' as const, text: es, input: 'contraseña' },
    { locale: 'es' as const, text: es, input: 'abcabcabc' },
    { locale: 'es' as const, text: es, input: 'María' },
  ])('speaks Waypoint’s $locale wording for "$input"', ({ locale, text, input }) => {
    const r = assessPassphrase(input, locale);
    expect(r.acceptable).toBe(false);
    const said = [r.warning, ...r.suggestions].filter((s): s is string => !!s);
    expect(said.length).toBeGreaterThan(0);
    for (const s of said) expect(ours(text)).toContain(s);
  });

  it('addresses a Spanish-speaking counselor as usted, never tú', () => {
    const all = ours(es).join(' ');
    expect(all).not.toMatch(/\b(Evita|Añade|Usa|Escribe|Puedes|tu|contigo)\b/);
  });

  it('accepts a long passphrase of unrelated words', () => {
    expect(assessPassphrase('orchard lantern velvet harbor', 'es').acceptable).toBe(true);
  });
});
