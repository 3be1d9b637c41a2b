import { describe, expect, it } from 'vitest';
import { checkPrerequisiteGraph, describeCycle, formatPrerequisites, parsePrerequisites } from './prerequisites';

const node = (code: string, ...prereqs: string[]) => ({ code, prerequisites: prereqs.map((g) => g.split('|')) });

describe('prerequisite graph', () => {
  it.each([
    ['a chain', [node('A'), node('B', 'A'), node('C', 'B')], []],
    ['a diamond', [node('A'), node('B', 'A'), node('C', 'A'), node('D', 'B', 'C')], []],
    ['alternatives', [node('A'), node('AH'), node('B', 'A|AH')], []],
  ] as const)('accepts %s', (_n, nodes, expected) => {
    expect(checkPrerequisiteGraph(nodes.map((n) => ({ ...n })))).toEqual(expected);
  });

  it('names an unknown prerequisite code and the course that needs it', () => {
    expect(checkPrerequisiteGraph([node('ALG-2', 'ALG-1'), node('GEOM', 'ALG-1|ALG-1H'), node('ALG-1H')])).toEqual([
      { kind: 'unknown', code: 'ALG-2', prerequisite: 'ALG-1' },
      { kind: 'unknown', code: 'GEOM', prerequisite: 'ALG-1' },
    ]);
  });

  it.each([
    ['two courses', [node('ALG-2', 'PRE-CALC'), node('PRE-CALC', 'ALG-2')], ['ALG-2', 'PRE-CALC']],
    ['three courses', [node('C', 'A'), node('A', 'B'), node('B', 'C')], ['A', 'B', 'C']],
    ['a course needing itself', [node('X', 'X')], ['X']],
    ['a cycle through an alternative', [node('A', 'B|Z'), node('B', 'A'), node('Z')], ['A', 'B']],
  ] as const)('finds a cycle of %s, once, from its first code', (_n, nodes, cycle) => {
    const issues = checkPrerequisiteGraph(nodes.map((n) => ({ ...n })));
    expect(issues).toEqual([{ kind: 'cycle', code: cycle[0], cycle }]);
    expect(describeCycle(cycle)).toBe([...cycle, cycle[0]].join(' → '));
  });

  it('handles a 5,000-course chain without recursion limits', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(`C${i}`, ...(i ? [`C${i - 1}`] : [])));
    expect(checkPrerequisiteGraph(nodes)).toEqual([]);
  });
});

describe('prerequisite text', () => {
  it.each([
    ['ALG1', [['ALG1']]],
    ['ALG1; GEOM', [['ALG1'], ['GEOM']]],
    ['ALG1, GEOM|GEOM-H', [['ALG1'], ['GEOM', 'GEOM-H']]],
    ['ENG1 or ESOL1', [['ENG1', 'ESOL1']]],
    ['ENG1 o ESOL1', [['ENG1', 'ESOL1']]],
    ['OR-1 | ORAL-1', [['OR-1', 'ORAL-1']]],
    ['0700', [['0700']]],
    ['  ', []],
  ])('reads %j', (raw, groups) => {
    expect(parsePrerequisites(raw)).toEqual(groups);
    if (groups.length) expect(parsePrerequisites(formatPrerequisites(groups))).toEqual(groups);
  });
});
