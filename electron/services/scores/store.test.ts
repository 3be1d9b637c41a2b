import { describe, expect, it } from 'vitest';
import { contentHash, decodeScores, encodeScores } from './store';
import { makeResult } from '../../../shared/domain/scores/testing';
import { emptyScore } from '../../../shared/domain/scores/types';

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
});
