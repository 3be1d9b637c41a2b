import type { BenchGroup, Figures } from './lib';
import { studentsBench } from './figures/students';
import { rosterBench } from './figures/roster';
import { workspaceBench } from './figures/workspace';
import { conferenceBench } from './figures/conference';
import { plansBench } from './figures/plans';
import { scoresBench } from './figures/scores';
import { caseloadBench } from './figures/caseload';

/**
 * `npm run bench [-- --only=<prefix>]`: builds its own synthetic data in temp folders,
 * prints a table, and prints one JSON object on the last line (format: ../shared/BENCH.md).
 */
const GROUPS: BenchGroup[] = [studentsBench, rosterBench, caseloadBench, plansBench, scoresBench, workspaceBench, conferenceBench];

const TARGETS: Record<string, string> = {
  'students.insert10k.ratio': '≤ 2',
  'students.open.p95_ms': '≤ 5',
  'import.sisCsv10k.ms': '≤ 3000',
  'import.sisCsv10k.ratio': '≤ 2',
  'caseload.page.p95_ms': '≤ 20',
  'caseload.page.facts.p95_ms': '≤ 20',
  'notes.search.p95_ms': '≤ 20',
  'conference.open.p95_ms': '≤ 50',
  'conference.summaryPdf.ms': '≤ 2000',
  'plan.audit.p95_ms': '≤ 1',
  'report.offTrack10k.ms': '≤ 2000',
  'report.offTrack10k.warm_ms': 'report',
  'scores.import200k.ms': '≤ 15000',
  'scores.import200k.ratio': '≤ 2',
  'scores.interpretHistory.p95_ms': '≤ 2',
};

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const figures: Figures = {};
  for (const group of GROUPS) {
    if (only && !group.names.some((n) => n.startsWith(only))) continue;
    const result = await group.run();
    for (const [k, v] of Object.entries(result)) if (!only || k.startsWith(only)) figures[k] = v;
  }
  const width = Math.max(...Object.keys(figures).map((k) => k.length), 10);
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(12)}  target`);
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(width)}  ${String(v).padStart(12)}  ${TARGETS[k] ?? 'report'}`);
  console.log(JSON.stringify({ figures, node: process.version }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
