import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scores as en } from '../../../shared/i18n/en/scores';
import { scores as es } from '../../../shared/i18n/es/scores';

/** Every problem and note code the score importers can emit has a short name in both languages (shown above the detail). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('score import problem codes are translated', () => {
  const text = [...sources(__dirname), readFileSync(join(__dirname, '../../services/scores/importService.ts'), 'utf8')].join('\n');
  const problems = new Set([...text.matchAll(/'(?:error|warning)', '([a-z0-9-]+)'/g)].map((m) => m[1]));
  const notes = new Set([...text.matchAll(/\{ code: '([a-z0-9-]+)', message/g)].map((m) => m[1]));
  it('finds the codes', () => {
    expect(problems.size).toBeGreaterThan(30);
    expect(notes.size).toBeGreaterThan(2);
  });
  it.each([...problems, ...notes])('%s', (code) => {
    const known = (d: typeof en) => code in d.importDialog.problemCode || code in d.importDialog.noteCode;
    expect(known(en), 'en').toBe(true);
    expect(known(es), 'es').toBe(true);
  });
});
