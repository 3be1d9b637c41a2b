import { describe, expect, it } from 'vitest';
import { createTranslator } from './index';

describe('counts in sentences', () => {
  it.each([
    { locale: 'en' as const, count: 1, want: '1 row' },
    { locale: 'en' as const, count: 50000, want: '50,000 rows' },
    { locale: 'es' as const, count: 1, want: '1 fila' },
    // US Spanish, as Texas families read numbers.
    { locale: 'es' as const, count: 50000, want: '50,000 filas' },
  ])('$locale: $count → "$want"', ({ locale, count, want }) => {
    expect(createTranslator(locale)('roster.mapping.rowCount', { count })).toBe(want);
  });

  it('says "1 student", not "1 students", in a score preview', () => {
    const t = createTranslator('es');
    expect(t('scores.importDialog.matched', { results: t('scores.importDialog.resultCount', { count: 4 }), students: t('scores.importDialog.studentCount', { count: 1 }) })).toBe('4 resultados de 1 estudiante de su grupo.');
  });
});
