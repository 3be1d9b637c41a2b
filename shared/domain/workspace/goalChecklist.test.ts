import { describe, expect, it } from 'vitest';
import { goalChecklist, type GoalChecklistInput } from './goalChecklist';

const good: GoalChecklistInput = {
  statement: 'Raise my Algebra I grade from 68 to at least 75 by the end of this grading period.',
  successMeasure: 'Report card shows 75 or higher.',
  targetDate: '2026-10-13',
  basedOn: ['school'],
  basedOnNote: null,
  stepCount: 2,
};

describe('goalChecklist', () => {
  it.each<[string, Partial<GoalChecklistInput>, string[], string[]]>([
    ['a complete goal', {}, [], []],
    ['template brackets left in the statement', { statement: 'Raise my grade in [course] to [target grade] this grading period.' }, ['specific'], ['[course]', '[target grade]']],
    ['too short to be specific', { statement: 'Do better' }, ['specific'], []],
    ['no measure', { successMeasure: null }, ['measurable'], []],
    ['blank measure', { successMeasure: '  ' }, ['measurable'], []],
    ['brackets in the measure', { successMeasure: 'Grade of [target grade] or higher' }, ['measurable'], ['[target grade]']],
    ['no target date', { targetDate: null }, ['timeBound'], []],
    ['based on nothing', { basedOn: [] }, ['basedOn'], []],
    ['based on a note only', { basedOn: [], basedOnNote: 'Her interest inventory' }, [], []],
    ['no steps', { stepCount: 0 }, ['hasSteps'], []],
  ])('%s', (_label, patch, missing, unfilled) => {
    const r = goalChecklist({ ...good, ...patch });
    expect(r.missing).toEqual(missing);
    expect(r.unfilled).toEqual(unfilled);
    expect(r.passed.length + r.missing.length).toBe(5);
  });
});
