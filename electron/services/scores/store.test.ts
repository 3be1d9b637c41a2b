import { describe, expect, it } from 'vitest';
import { contentHash, decodeScores, encodeScores } from './store';
import { makeResult } from '../../../shared/domain/scores/testing';
import { emptyScore, type ScoreResult, type ScoreValue } from '../../../shared/domain/scores/types';
import { parseScoreFiles } from '../../importers/scores';
import { edfiAssessmentFiles, sampleFile } from './testing';

/**
 * The stored text and content hash as first released, written the plain way. Every vault
 * holds hashes made like this: an import of the same file must keep finding them unchanged.
 */
function referenceEncode(scores: ScoreValue[]): string {
  const fields = ['label', 'scale', 'text', 'percentiles', 'sem', 'band', 'level', 'levelCode', 'benchmarkMet', 'stanine', 'raw'] as const;
  let out = '[';
  scores.forEach((s, i) => {
    out += `${i ? ',' : ''}{"section":${JSON.stringify(s.section)}`;
    for (const k of fields) {
      const v = s[k];
      if (v === null || (Array.isArray(v) && v.length === 0)) continue;
      out += `,"${k}":${typeof v === 'number' ? String(v) : JSON.stringify(v)}`;
    }
    out += '}';
  });
  return `${out}]`;
}
function referenceHash(r: ScoreResult): string {
  const body = `${r.form ?? ''}\u0001${r.datePrecision}\u0001${r.administrationLabel ?? ''}\u0001${r.gradeAtTesting ?? ''}\u0001${r.flags.join('\u0002')}\u0001${referenceEncode(r.scores)}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < body.length; i++) {
    h1 = Math.imul(h1 ^ body.charCodeAt(i), 2654435761);
    h2 = Math.imul(h2 ^ body.charCodeAt(i), 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${body.length.toString(36)}.${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

describe('stored sections', () => {
  const scores = [
    emptyScore('rw', { scale: 480, percentiles: [{ norm: 'sat-nationally-representative', value: 41 }], benchmarkMet: true }),
    emptyScore('lexile', { text: 'BR120L', label: 'Lexile "reader" measure' }),
    emptyScore('rit', { scale: 208.5, sem: 3.4, band: { low: 204, high: 212 }, level: 'Avg', stanine: 5, raw: 0 }),
  ];
  it('round-trips exactly, leaving absent fields out of the text', () => {
    const text = encodeScores(scores);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(scores, (_k, v) => (v === null || (Array.isArray(v) && v.length === 0) ? undefined : v))));
    expect(decodeScores(text)).toEqual(scores);
    expect(text).not.toContain('null');
    // A raw score of 0 is a score, not an absent one.
    expect(decodeScores(text)[2].raw).toBe(0);
  });
  it('a changed score, level, grade or flag changes the content hash; the same content does not', () => {
    const r = makeResult('SAT', '2024-10-12', { rw: 480, math: 520 }, { grade: '11' });
    const same = makeResult('SAT', '2024-10-12', { rw: 480, math: 520 }, { grade: '11' });
    expect(contentHash(r)).toBe(contentHash(same));
    expect(contentHash(makeResult('SAT', '2024-10-12', { rw: 480, math: 530 }, { grade: '11' }))).not.toBe(contentHash(r));
    expect(contentHash(makeResult('SAT', '2024-10-12', { rw: 480, math: 520 }, { grade: '12' }))).not.toBe(contentHash(r));
    expect(contentHash(makeResult('SAT', '2024-10-12', { rw: 480, math: 520 }, { grade: '11', flags: ['x'] }))).not.toBe(contentHash(r));
  });

  it('keeps the stored text and hash of every sample result exactly as first released', () => {
    const files = [
      'PSAT_SAT/sample_anonymized_file_sat.csv',
      'PSAT_SAT/sample_anonymized_file_psat_nmsqt.csv',
      'ACT/sample_anonymized_file.csv',
      'AP/SAMPLE_AP_2324.csv',
      'IB/sample_anonymized_file.csv',
      'ASVAB/sample_anonymized_file.csv',
      'MAP_Growth/sample_anonymized_file.csv',
      'CogAT/sample_anonymized_file.csv',
      'STAAR_Summative/sample_anonymized_file.csv',
    ];
    const results: ScoreResult[] = [];
    for (const f of [...files.map((n) => [sampleFile(n)]), edfiAssessmentFiles()]) {
      const o = parseScoreFiles(f, { today: '2026-03-01' });
      if (o.kind === 'parsed') results.push(...o.result.rows.map((r) => r.result));
    }
    // Text that needs escaping, a lone surrogate, flags and every field kind.
    results.push({ ...makeResult('SAT', '2024-10-12', { rw: 480 }, { grade: '11', flags: ['a', 'b'] }), scores: [
        ...scores,
        // A field left undefined by a reader: written as it always was.
        { ...emptyScore('u', { scale: 3 }), label: undefined as unknown as null },
        ...['say "hi"', 'back\\slash', 'line\nbreak', 'tab\there', 'lone \ud800 surrogate', 'pair 😀', 'separator \u2028', 'Peña ñ'].map((label, i) => emptyScore(`x${i}`, { label, level: 'Meets', levelCode: 'meets', stanine: 0 })),
      ],
    });
    expect(results.length).toBeGreaterThan(80);
    for (const r of results) {
      expect(encodeScores(r.scores)).toBe(referenceEncode(r.scores));
      expect(contentHash(r)).toBe(referenceHash(r));
    }
  });
});
