import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { es } from './es';

/**
 * One Spanish term per Texas planning concept, across screens, reference data and family
 * summaries — a family reading two documents should not meet two names for one thing.
 * Chosen terms: "reconocimiento (endorsement)", "reconocimiento por desempeño",
 * "Programa Básico de Preparatoria", "Nivel de Logro Distinguido", "preparatoria" for high school
 * (in Mexican usage "secundaria" is grades 7–9).
 */
const VARIANTS: { wrong: RegExp; use: string }[] = [
  { wrong: /\bendosos?\b/i, use: 'reconocimiento' },
  { wrong: /reconocimientos? de desempeño/i, use: 'reconocimiento por desempeño' },
  { wrong: /Programa (de Preparatoria (Básico|Fundamental)|Básico de Escuela Secundaria)/i, use: 'Programa Básico de Preparatoria' },
  { wrong: /programa fundamental/i, use: 'programa básico' },
  { wrong: /Nivel Distinguido/i, use: 'Nivel de Logro Distinguido' },
  { wrong: /escuela secundaria|estudiantes de secundaria de EE/i, use: 'preparatoria' },
];

function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

/** The Spanish strings of a resource file: values under an "es" key. */
function spanishOf(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => spanishOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) (k === 'es' ? strings : spanishOf)(v, `${path}.${k}`, out);
}

function resourceStrings(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const root = join(__dirname, '../../resources');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.json')) spanishOf(JSON.parse(readFileSync(p, 'utf8')), p.slice(root.length + 1), out);
    }
  };
  walk(root);
  return out;
}

describe('Spanish glossary', () => {
  const ui: { path: string; text: string }[] = [];
  strings(es, 'es', ui);
  const data = resourceStrings();

  it('reads Spanish from both the screens and the reference data', () => {
    expect(ui.length).toBeGreaterThan(500);
    expect(data.length).toBeGreaterThan(100);
  });

  it.each(VARIANTS)('uses $use rather than $wrong', ({ wrong }) => {
    const found = [...ui, ...data].filter((s) => wrong.test(s.text)).map((s) => `${s.path}: ${s.text}`);
    expect(found).toEqual([]);
  });
});
