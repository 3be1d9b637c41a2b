import { describe, expect, it } from 'vitest';
import { courseKinds, normalizeTitle, prepareCatalog, titleMatches } from './catalog';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';
import type { SubjectArea } from './vocabulary';

const def = shippedRuleSet('texas-fhsp')!;
const kinds = (title: string, subject: SubjectArea, tags: string[] = []) => [...courseKinds(def, { title, subject, tags })].sort();

describe('titles', () => {
  it.each([
    ['English I', 'english i'],
    ['Algebra 1', 'algebra i'],
    ['U.S. History', 'us history'],
    ['Creative/Imaginative Writing', 'creative imaginative writing'],
    ['Álgebra II', 'algebra ii'],
    ['Principles of Business, Marketing, & Finance', 'principles of business marketing and finance'],
  ])('normalizes %j', (raw, norm) => expect(normalizeTitle(raw)).toBe(norm));

  it('matches whole words only, and "=" means the whole title', () => {
    expect(titleMatches('english ii', 'english i')).toBe(false);
    expect(titleMatches('pre ap english i', 'english i')).toBe(true);
    expect(titleMatches('principles of government and public administration', '=government')).toBe(false);
    expect(titleMatches('government', '=government')).toBe(true);
  });
});

describe('course kinds under the Texas rules', () => {
  it.each([
    // Titles as the public Ed-Fi Grand Bend catalog writes them.
    ['English I', 'english', ['english-1']],
    ['English IV', 'english', ['english-4', 'english-advanced']],
    ['Creative/Imaginative Writing', 'english', ['english-advanced']],
    ['Humanities', 'science', ['english-advanced']],
    ['Algebra II', 'math', ['algebra-2', 'math-4th']],
    ['Precalculus', 'math', ['math-4th']],
    ['Geometry', 'math', ['geometry']],
    ['Integrated Physics and Chemistry', 'science', ['ipc']],
    ['Chemistry', 'science', ['chemistry']],
    ['AP Physics 1', 'science', ['physics']],
    ['United States History Since Reconstruction', 'social-studies', ['us-history']],
    ['United States Government', 'social-studies', ['us-government']],
    ['Economics With Free System Emphasis', 'social-studies', ['economics']],
    ['World History Studies', 'social-studies', ['world-history']],
    ['World Geography Studies', 'social-studies', ['world-geography']],
    ['Computer Science I', 'technology', ['cs-programming', 'cs-stem']],
    ['Principles of Government and Public Administration', 'cte', []],
    ['Marine Biology', 'science', []],
    ['Languages Other Than English Level I', 'lote', []],
  ] as const)('%s (%s) → %j', (title, subject, expected) => {
    expect(kinds(title, subject)).toEqual([...expected].sort());
  });

  it('a kind named for a subject needs that subject ("Chemistry" in a CTE course title is not Chemistry)', () => {
    expect(kinds('Food Science and Chemistry', 'cte')).toEqual([]);
  });

  it('tags add a kind, and "!kind" removes one read from the title', () => {
    expect(kinds('College Algebra (dual credit)', 'math', ['math-4th'])).toEqual(['math-4th']);
    expect(kinds('Humanities', 'science', ['!english-advanced'])).toEqual([]);
  });
});

describe('prepared catalog', () => {
  const prepared = prepareCatalog(def, testCatalog());
  it('groups equivalent courses and reads languages and clusters', () => {
    expect(prepared.byCode.get('ENG3')!.group).toBe(prepared.byCode.get('ENG3H')!.group);
    expect(prepared.byCode.get('SPAN2')!.language).toBe('spanish');
    expect(prepared.byCode.get('SPAN4')!.language).toBe('spanish');
    expect(prepared.byCode.get('LOTE1')!.language).toBeNull();
    expect(prepared.byCode.get('PHS')!.cluster).toBe('health-science');
  });
  it('knows which courses have Algebra II upstream', () => {
    expect(prepared.byCode.get('APCALC')!.prerequisiteKinds.has('algebra-2')).toBe(true);
    expect(prepared.byCode.get('GEOM')!.prerequisiteKinds.has('algebra-2')).toBe(false);
  });
  it('never lets a course without high-school credit match a requirement', () => {
    expect(prepared.matches({ subjects: ['math'] }).has('MATH8')).toBe(false);
  });
});
