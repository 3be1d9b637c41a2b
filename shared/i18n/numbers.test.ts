import { describe, expect, it } from 'vitest';
import { createTranslator } from './index';
import { renderMessage } from '../domain/scores/messages';

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

describe('score margins', () => {
  it.each([
    { locale: 'en' as const, margin: 1, want: 'Math: 531. That is 1 point above the benchmark of 530.' },
    { locale: 'en' as const, margin: 10, want: 'Math: 540. That is 10 points above the benchmark of 530.' },
    { locale: 'es' as const, margin: 1, want: 'Matemáticas: 531. Está 1 punto por encima del punto de referencia de 530.' },
  ])('$locale, $margin over', ({ locale, margin, want }) => {
    const t = createTranslator(locale);
    const m = { key: 'scores.explain.benchmarkAbove', params: { section: { key: 'scores.section.math' }, score: 530 + margin, cut: 530, margin, count: margin } };
    expect(renderMessage((k, p) => t(k, p as Record<string, unknown>), m, { locale })).toBe(want);
  });
});
