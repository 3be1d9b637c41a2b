import { describe, expect, it } from 'vitest';
import { PendingImports } from './pendingImports';
import { fakeClock } from '../../testing/tempVault';

describe('PendingImports', () => {
  it('hands a payload back only for its own kind and token', () => {
    const p = new PendingImports(() => new Date());
    const token = p.put('roster', { rows: 3 });
    expect(p.get('roster', token)).toEqual({ rows: 3 });
    expect(() => p.get('scores', token)).toThrow(/no longer available/);
    expect(() => p.get('roster', 'nope')).toThrow(/no longer available/);
  });
  it('forgets everything on clear (vault lock) and after the time limit', () => {
    const clock = fakeClock();
    const p = new PendingImports(clock.now, 1000);
    const a = p.put('roster', 1);
    p.clear();
    expect(() => p.get('roster', a)).toThrow();
    const b = p.put('roster', 2);
    clock.advance(999);
    expect(p.get('roster', b)).toBe(2);
    clock.advance(2);
    expect(() => p.get('roster', b)).toThrow();
    expect(p.size).toBe(0);
  });
});
