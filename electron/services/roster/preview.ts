import { searchTokens, fold } from '../../../shared/domain/text';
import { displayName } from '../../../shared/domain/roster/names';
import { rejectedRowCount } from '../../../shared/domain/roster/problems';
import { PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';
import type { RosterFormat, RosterProblem } from '../../../shared/domain/roster/types';
import type { Page } from '../../../shared/ipc/contract/common';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type { RosterCampusView, RosterConflictView, RosterOutcome, RosterPreview, RosterPreviewRow } from '../../../shared/ipc/contract/roster';
import type { RosterPlan, RowPlan } from './plan';

/** How many problems travel with the preview itself; the rest are paged. */
export const FIRST_PROBLEMS = 50;

export interface PreviewIndex {
  problems: ImportProblem[];
  conflicts: RosterConflictView[];
  /** Row views and their folded search text, built on first request (a 10,000-row file may never be paged). */
  rows(outcome: RosterOutcome): { rows: RosterPreviewRow[]; search: string[] };
}

function toImportProblem(p: RosterProblem): ImportProblem {
  const out: ImportProblem = { fileName: p.fileName, row: p.row, column: p.column, severity: p.severity, code: p.code, message: p.message };
  if (p.line != null) out.line = p.line;
  if (p.params) out.params = p.params;
  if (p.template) out.template = p.template;
  return out;
}

const rowKey = (fileName: string, row: number | null) => `${fileName}\u0000${row ?? ''}`;

function order(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.fileName.localeCompare(b.fileName) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

export function buildIndex(plan: RosterPlan | null, parserProblems: RosterProblem[]): PreviewIndex {
  const problems = order([...parserProblems, ...(plan?.problems ?? [])].map(toImportProblem));
  const conflicts: RosterConflictView[] = [];
  for (const r of plan?.rows ?? []) {
    for (const c of r.changes) {
      if (!c.view.conflict) continue;
      const s = r.student;
      conflicts.push({ change: c.view, rowKey: r.key, studentId: r.studentId!, studentName: displayName(s.firstName, s.lastName), localId: s.localId, fileName: s.origin.fileName, row: s.origin.row });
    }
  }
  let built: Record<RosterOutcome, { rows: RosterPreviewRow[]; search: string[] }> | null = null;
  return {
    problems,
    conflicts,
    rows(outcome) {
      built ??= buildRows(plan, problems);
      return built[outcome];
    },
  };
}

function buildRows(plan: RosterPlan | null, problems: ImportProblem[]): Record<RosterOutcome, { rows: RosterPreviewRow[]; search: string[] }> {
  const byRow = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    if (p.row === null) continue;
    const k = rowKey(p.fileName, p.row);
    const list = byRow.get(k);
    if (list) list.push(p);
    else byRow.set(k, [p]);
  }
  const out: Record<RosterOutcome, { rows: RosterPreviewRow[]; search: string[] }> = {
    new: { rows: [], search: [] },
    updated: { rows: [], search: [] },
    unchanged: { rows: [], search: [] },
    rejected: { rows: [], search: [] },
  };
  const planned = new Set<string>();
  for (const r of plan?.rows ?? []) {
    const s = r.student;
    const k = rowKey(s.origin.fileName, s.origin.row);
    planned.add(k);
    out[r.outcome].rows.push({
      key: r.key,
      outcome: r.outcome,
      fileName: s.origin.fileName,
      row: s.origin.row,
      line: s.origin.line ?? null,
      firstName: s.firstName,
      lastName: s.lastName,
      preferredName: s.preferredName,
      localId: s.localId,
      stateId: s.stateId,
      gradeLevel: s.gradeLevel,
      programs: s.programs,
      guardians: s.guardians.length,
      matchedBy: r.matchedBy,
      studentId: r.studentId,
      archived: r.archived,
      changes: r.changes.map((c) => c.view),
      problems: byRow.get(k) ?? [],
    });
    out[r.outcome].search.push(fold([s.firstName, s.middleName, s.lastName, s.preferredName, s.localId, s.stateId].filter(Boolean).join(' ')));
  }
  // Rows the parser refused (no student could be read from them).
  let extra = (plan?.rows.length ?? 0) + 1_000_000;
  const refused: { r: RosterPreviewRow; s: string }[] = out.rejected.rows.map((r, i) => ({ r, s: out.rejected.search[i] }));
  for (const [k, list] of byRow) {
    if (planned.has(k) || !list.some((p) => p.severity === 'error')) continue;
    const first = list[0];
    refused.push({
      r: {
        key: extra++,
        outcome: 'rejected',
        fileName: first.fileName,
        row: first.row,
        line: first.line ?? null,
        firstName: null,
        lastName: null,
        preferredName: null,
        localId: null,
        stateId: null,
        gradeLevel: null,
        programs: [],
        guardians: 0,
        matchedBy: null,
        studentId: null,
        archived: false,
        changes: [],
        problems: list,
      },
      s: fold(list.map((p) => p.message).join(' ')),
    });
  }
  refused.sort((a, b) => a.r.fileName.localeCompare(b.r.fileName) || (a.r.row ?? 0) - (b.r.row ?? 0));
  out.rejected = { rows: refused.map((x) => x.r), search: refused.map((x) => x.s) };
  return out;
}

export function page<T>(list: T[], pageNo: number, pageSize: number): Page<T> {
  return { rows: list.slice(pageNo * pageSize, pageNo * pageSize + pageSize), total: list.length, page: pageNo, pageSize };
}

export function rowsPage(index: PreviewIndex, outcome: RosterOutcome, query: string, pageNo: number, pageSize: number): Page<RosterPreviewRow> {
  const { rows, search } = index.rows(outcome);
  const tokens = searchTokens(query);
  if (tokens.length === 0) return page(rows, pageNo, pageSize);
  return page(rows.filter((_r, i) => tokens.every((t) => search[i].includes(t))), pageNo, pageSize);
}

export interface PreviewInput {
  token: string;
  format: RosterFormat;
  version: string | null;
  sourceName: string;
  fileNames: string[];
  plan: RosterPlan | null;
  index: PreviewIndex;
  notStored: RosterPreview['notStored'];
  mapping: RosterPreview['mapping'];
}

export function buildPreview(i: PreviewInput): RosterPreview {
  const { plan, index } = i;
  const rows = plan?.rows ?? [];
  const counted = (o: RosterOutcome) => rows.filter((r) => r.outcome === o).length;
  const errors = index.problems.filter((p) => p.severity === 'error').length;
  const campuses: RosterCampusView[] = (plan?.campuses ?? []).map((c) => ({
    sourceId: c.sourceId,
    name: c.name,
    outcome: c.action === 'insert' ? 'new' : c.action === 'none' ? 'unchanged' : 'updated',
    beforeName: c.beforeName,
    students: c.students,
  }));
  const live = rows.filter((r) => r.outcome !== 'rejected');
  const programs = programSummary(live);
  const guardians = { added: 0, updated: 0, notInRoster: 0, inFile: 0 };
  const touched = new Set<string>();
  for (const r of live) {
    guardians.inFile += r.student.guardians.length;
    if (r.outcome === 'new') guardians.added += r.student.guardians.length;
    for (const c of r.changes) {
      if (c.view.subject !== 'guardian') continue;
      if (c.view.change === 'added') guardians.added++;
      if (c.view.change === 'not-in-roster') guardians.notInRoster++;
      if (c.view.change === 'field' && c.op.kind === 'guardian-field') touched.add(`${c.op.guardianId}`);
    }
  }
  guardians.updated = touched.size;
  const counts = { new: counted('new'), updated: counted('updated'), unchanged: counted('unchanged'), rejected: rejectedRowCount(index.problems) };
  const campusChanges = campuses.some((c) => c.outcome !== 'unchanged');
  const somethingToDo = counts.new + counts.updated > 0 || campusChanges;
  return {
    token: i.token,
    fileNames: i.fileNames,
    counts,
    problems: index.problems.slice(0, FIRST_PROBLEMS),
    canCommit: errors === 0 && somethingToDo && plan !== null,
    format: i.format,
    version: i.version,
    sourceName: i.sourceName,
    problemCounts: { error: errors, warning: index.problems.length - errors },
    conflicts: index.conflicts.length,
    gradeNotRecorded: live.filter((r) => r.student.gradeLevel === null).length,
    notInFile: plan?.notInFile ?? 0,
    nothingToChange: errors === 0 && plan !== null && !somethingToDo,
    campuses,
    guardians,
    programs,
    covers: { programs: plan ? PROGRAM_CODES.filter((p) => plan.coverage.programs.has(p)) : [], guardians: plan?.coverage.guardians ?? false },
    notStored: i.notStored,
    mapping: i.mapping,
  };
}

function programSummary(rows: RowPlan[]): RosterPreview['programs'] {
  const current = new Map<ProgramCode, number>();
  const added = new Map<ProgramCode, number>();
  const ended = new Map<ProgramCode, number>();
  const bump = (m: Map<ProgramCode, number>, p: ProgramCode) => m.set(p, (m.get(p) ?? 0) + 1);
  for (const r of rows) {
    for (const p of r.student.programs) {
      bump(current, p);
      if (r.outcome === 'new') bump(added, p);
    }
    for (const c of r.changes) {
      if (c.view.subject !== 'program') continue;
      const before = c.view.before.some((s) => s.current);
      const after = c.view.after.some((s) => s.current);
      if (after && !before) bump(added, c.view.program);
      if (before && !after) bump(ended, c.view.program);
    }
  }
  return PROGRAM_CODES.filter((p) => current.has(p) || added.has(p) || ended.has(p)).map((program) => ({
    program,
    current: current.get(program) ?? 0,
    added: added.get(program) ?? 0,
    ended: ended.get(program) ?? 0,
  }));
}
