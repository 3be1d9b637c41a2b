/**
 * Checks on a catalog's prerequisite graph. A catalog that names an unknown prerequisite or
 * contains a cycle (A needs B, B needs A) is refused: no student could ever take those
 * courses in order, and the plan checks would go round in circles.
 */
export interface PrerequisiteNode {
  code: string;
  prerequisites: readonly (readonly string[])[];
}

export type GraphIssue =
  | { kind: 'unknown'; code: string; prerequisite: string }
  | { kind: 'cycle'; code: string; cycle: string[] };

/** Unknown prerequisite codes, and each distinct cycle once (starting at its smallest code). */
export function checkPrerequisiteGraph(nodes: readonly PrerequisiteNode[]): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const byCode = new Map<string, PrerequisiteNode>();
  for (const n of nodes) byCode.set(n.code, n);
  for (const n of nodes) {
    const seen = new Set<string>();
    for (const group of n.prerequisites) {
      for (const p of group) {
        if (seen.has(p)) continue;
        seen.add(p);
        if (!byCode.has(p)) issues.push({ kind: 'unknown', code: n.code, prerequisite: p });
      }
    }
  }
  // Iterative DFS (catalogs can be long chains): white 0, on the stack 1, done 2.
  const state = new Map<string, number>();
  const cycles = new Set<string>();
  for (const start of byCode.keys()) {
    if (state.get(start)) continue;
    const stack: { code: string; next: string[]; i: number }[] = [];
    const path: string[] = [];
    const push = (code: string) => {
      state.set(code, 1);
      path.push(code);
      const next = [...new Set((byCode.get(code)?.prerequisites ?? []).flat())].filter((p) => byCode.has(p));
      stack.push({ code, next, i: 0 });
    };
    push(start);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i >= top.next.length) {
        state.set(top.code, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const p = top.next[top.i++];
      const s = state.get(p) ?? 0;
      if (s === 0) push(p);
      else if (s === 1) {
        const cycle = path.slice(path.indexOf(p));
        const min = cycle.reduce((a, b, idx) => (b < cycle[a] ? idx : a), 0);
        const rotated = [...cycle.slice(min), ...cycle.slice(0, min)];
        const key = rotated.join('\u0000');
        if (!cycles.has(key)) {
          cycles.add(key);
          issues.push({ kind: 'cycle', code: rotated[0], cycle: rotated });
        }
      }
    }
  }
  return issues;
}

/** "ALG-2 needs PRE-CALC needs ALG-2" as a readable chain: A → B → A. */
export function describeCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}

/** "ALG1; GEOM|GEOM-H" → [["ALG1"], ["GEOM", "GEOM-H"]]: semicolons separate requirements, bars alternatives. */
export function parsePrerequisites(raw: string): string[][] {
  return raw
    .split(/[;,]/)
    .map((g) =>
      g
        .split(/\s*\|\s*|\s+(?:or|o|ó)\s+/i)
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);
}

export function formatPrerequisites(groups: readonly (readonly string[])[]): string {
  return groups.map((g) => g.join('|')).join('; ');
}
