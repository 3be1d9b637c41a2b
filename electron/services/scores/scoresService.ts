import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { localIsoDate } from '../../../shared/domain/dates';
import { searchTokens } from '../../../shared/domain/text';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import { ccmrStatus } from '../../../shared/domain/scores/ccmr';
import { tsiStatus } from '../../../shared/domain/scores/tsi';
import { scaleOf, type TestFamily } from '../../../shared/domain/scores/types';
import type { CaseloadScoreRow, CaseloadScoresResult, ScoreImportBatchView, StudentScoresView, caseloadScoresInput } from '../../../shared/ipc/contract/scores';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';
import { recordAudit } from '../../vault/auditLog';
import { loadResultsByFamily, loadStudentResults } from './store';
import { buildStudentView, type Provenance } from './views';

type CaseloadInput = z.output<typeof caseloadScoresInput>;

const TSI_FAMILIES: TestFamily[] = ['SAT', 'SAT_LEGACY', 'ACT', 'TSIA1', 'TSIA2'];
const CCMR_FAMILIES: TestFamily[] = [...TSI_FAMILIES, 'AP', 'IB'];
const PSAT_FAMILIES: TestFamily[] = ['PSAT_NMSQT', 'PSAT_10', 'PSAT_89'];
/** A TSI result "expiring soon" stops counting within this many days. */
const EXPIRING_DAYS = 180;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

interface StudentRow {
  id: number;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  local_id: string | null;
  grade_level: GradeLevel | null;
}

export function batchProvenance(db: RawDatabase): Map<number, Provenance> {
  const rows = db.prepare('SELECT id, format, imported_at FROM score_import_batches').all() as { id: number; format: string; imported_at: string }[];
  return new Map(rows.map((r) => [r.id, { format: r.format, importedAt: r.imported_at }]));
}

/** Test results as the counselor's screens read them: a student's Tests tab and the caseload views. */
export class ScoresService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly now: () => Date,
  ) {}

  private get db(): RawDatabase {
    return this.session().db;
  }

  private today(): string {
    return localIsoDate(this.now());
  }

  student(studentId: number): StudentScoresView {
    const db = this.db;
    if (!db.prepare('SELECT 1 FROM students WHERE id = ?').get(studentId)) throw new AppError('NOT_FOUND', 'No such student.');
    return buildStudentView(studentId, loadStudentResults(db, studentId), this.today(), batchProvenance(db));
  }

  imports(): ScoreImportBatchView[] {
    const rows = this.db.prepare(`SELECT id, format, families, file_names, imported_at, results_new, results_updated, results_unchanged, unmatched_rows FROM score_import_batches ORDER BY id DESC LIMIT 200`).all() as {
      id: number;
      format: string;
      families: string;
      file_names: string;
      imported_at: string;
      results_new: number;
      results_updated: number;
      results_unchanged: number;
      unmatched_rows: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      format: r.format,
      families: JSON.parse(r.families) as TestFamily[],
      fileNames: JSON.parse(r.file_names) as string[],
      importedAt: r.imported_at,
      counts: { new: r.results_new, updated: r.results_updated, unchanged: r.results_unchanged, rejected: 0 },
      unmatched: r.unmatched_rows,
    }));
  }

  deleteResult(id: number, version: number): void {
    const db = this.db;
    db.transaction(() => {
      const row = db.prepare('SELECT student_id, version FROM test_results WHERE id = ?').get(id) as { student_id: number; version: number } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'That test result no longer exists.');
      if (row.version !== version) throw new AppError('CONFLICT', 'This result was updated by an import since you opened it. Reload before deleting.');
      db.prepare('DELETE FROM test_results WHERE id = ?').run(id);
      recordAudit(db, this.now(), { action: 'scores.delete_result', entityType: 'student', entityId: row.student_id, summary: '1 test result' });
    })();
  }

  caseload(input: CaseloadInput): CaseloadScoresResult {
    const db = this.db;
    const asOf = this.today();
    const where = [`s.status = 'active'`];
    const params: unknown[] = [];
    for (const token of searchTokens(input.search)) {
      where.push(`s.search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (input.gradeLevels.length) {
      where.push(`s.grade_level IN (${input.gradeLevels.map(() => '?').join(',')})`);
      params.push(...input.gradeLevels);
    }
    const students = db.prepare(`SELECT s.id, s.first_name, s.last_name, s.preferred_name, s.local_id, s.grade_level FROM students s WHERE ${where.join(' AND ')} ORDER BY s.sort_name, s.id`).all(...params) as StudentRow[];
    const families = input.view === 'no-sat-act' ? [...TSI_FAMILIES, ...PSAT_FAMILIES] : input.view === 'ccmr' ? CCMR_FAMILIES : TSI_FAMILIES;
    const results = loadResultsByFamily(db, families);
    const soon = addDays(asOf, EXPIRING_DAYS);
    const counts: CaseloadScoresResult['counts'] = { students: students.length, tsiReady: 0, tsiElarOnly: 0, tsiMathOnly: 0, tsiNone: 0, tsiExpiringSoon: 0, noSatAct: 0, ccmrTsiBoth: 0, ccmrAp: 0, ccmrIb: 0, ccmrAny: 0 };
    const rows: (CaseloadScoreRow & { status: Set<string> })[] = [];
    for (const s of students) {
      const mine = (results.get(s.id) ?? []).map((r) => ({ id: r.id, result: r.result }));
      const status = new Set<string>(['all']);
      const row: CaseloadScoreRow & { status: Set<string> } = { studentId: s.id, firstName: s.first_name, lastName: s.last_name, preferredName: s.preferred_name, localId: s.local_id, gradeLevel: s.grade_level, tsi: null, ccmr: null, latestPsat: null, status };
      const tsi = tsiStatus(mine, asOf);
      const tsiRow = { ready: tsi.ready, elar: tsi.elar.via, math: tsi.math.via, elarPossible: tsi.elar.possible.length > 0, mathPossible: tsi.math.possible.length > 0 };
      if (tsi.ready) {
        counts.tsiReady++;
        status.add('ready');
      } else if (tsi.elar.met) {
        counts.tsiElarOnly++;
        status.add('elar-only');
      } else if (tsi.math.met) {
        counts.tsiMathOnly++;
        status.add('math-only');
      } else {
        counts.tsiNone++;
        status.add('none');
      }
      const expiring = [tsi.elar.via, tsi.math.via].some((v) => v && v.expiresOn <= soon);
      if (expiring) {
        counts.tsiExpiringSoon++;
        status.add('expiring');
      }
      const satAct = mine.some((r) => r.result.family === 'SAT' || r.result.family === 'SAT_LEGACY' || r.result.family === 'ACT');
      if (!satAct) counts.noSatAct++;
      if (input.view === 'tsi') row.tsi = tsiRow;
      if (input.view === 'ccmr') {
        const c = ccmrStatus(mine, asOf, tsi);
        const has = (id: string) => c.indicators.find((i) => i.id === id)!.met;
        row.ccmr = { tsiBoth: has('tsi-both'), ap: has('ap-3'), ib: has('ib-4') };
        if (row.ccmr.tsiBoth) counts.ccmrTsiBoth++;
        if (row.ccmr.ap) counts.ccmrAp++;
        if (row.ccmr.ib) counts.ccmrIb++;
        if (c.anyMet) counts.ccmrAny++;
        status.add(c.anyMet ? 'met' : 'not-met');
      }
      if (input.view === 'no-sat-act') {
        if (satAct) continue;
        const psat = mine.filter((r) => PSAT_FAMILIES.includes(r.result.family)).sort((a, b) => b.result.administrationDate.localeCompare(a.result.administrationDate))[0];
        row.latestPsat = psat ? { family: psat.result.family, administrationDate: psat.result.administrationDate, total: scaleOf(psat.result, 'total') } : null;
      }
      rows.push(row);
    }
    const filtered = input.view === 'no-sat-act' ? rows : rows.filter((r) => r.status.has(input.status));
    const start = input.page * input.pageSize;
    const page = filtered.slice(start, start + input.pageSize).map(({ status: _s, ...r }) => r);
    return { view: input.view, asOf, rows: page, total: filtered.length, page: input.page, pageSize: input.pageSize, counts };
  }
}
