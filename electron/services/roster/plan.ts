import { fold } from '../../../shared/domain/text';
import { decideField, writesFileValue, type FieldDecision, type FieldValue } from '../../../shared/domain/roster/merge';
import { displayName } from '../../../shared/domain/roster/names';
import { problem } from '../../../shared/domain/roster/problems';
import { say, type Said } from '../../../shared/domain/roster/say';
import { PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';
import type { RosterCampus, RosterFormat, RosterGuardian, RosterProblem, RosterStudent } from '../../../shared/domain/roster/types';
import { GUARDIAN_FIELDS, STUDENT_RECORD_FIELDS, type GuardianField, type StudentRecordField } from '../../../shared/domain/studentRecord/fields';
import type { MatchedBy, RosterChange, RosterSpanView } from '../../../shared/ipc/contract/roster';
import { guardianFieldValue, type StoredGuardian } from '../studentRecord/guardians';
import { programStateKey, undatedKey, type StoredSpan } from '../studentRecord/programs';
import { storedField } from '../studentRecord/provenance';
import { guardianTombstoneField } from '../studentRecord/guardianService';
import { nameKey, type StoredStudent, type VaultSnapshot } from './snapshot';

/**
 * Compares a parsed roster with the vault and decides, per student and per field, what an
 * import would do. Pure given the snapshot: the preview shows this plan and the commit applies
 * it (after checking that the vault has not changed since).
 *
 * Matching is by ID only, in this order:
 *  1. state ID — issued by the state (Texas: TSDS Unique ID), follows the student across
 *     districts and SIS changes, and is never reused;
 *  2. local ID — the district's number: stable inside the district, but it changes when a
 *     district renumbers or changes SIS;
 *  3. source ID — the export system's own key (a OneRoster sourcedId, often a GUID), only
 *     compared with records that came from the same format; it changes with the vendor.
 * Two IDs pointing at two different students, or a student matched by one ID whose other ID
 * disagrees with the file, is refused for that row rather than merged. A name alone never
 * matches: a new student with the name of one already in the caseload gets a warning.
 */

export interface Coverage {
  /** Programs the file speaks for: each is set or ended per student; others are left alone. */
  programs: ReadonlySet<ProgramCode>;
  /** The file dates participation (Ed-Fi): compare spans, not just yes/no. */
  programDates: boolean;
  /** The file lists guardians: a stored guardian from this source that it no longer lists is flagged. */
  guardians: boolean;
}

export type CampusRef = { kind: 'existing'; id: number } | { kind: 'new'; index: number };

export interface CampusPlan {
  index: number;
  /** Null for a campus a SIS export names without a number. */
  sourceId: string | null;
  name: string;
  /** insert: new campus; rename: the file renames a known one; adopt: a campus typed by name gets its number. */
  action: 'insert' | 'rename' | 'adopt' | 'none';
  id: number | null;
  beforeName: string | null;
  students: number;
}

export interface FileSpan {
  beginDate: string | null;
  endDate: string | null;
  current: boolean;
}

export type WriteOp =
  | { kind: 'field'; field: StudentRecordField; value: FieldValue | CampusRef }
  | { kind: 'program'; program: ProgramCode; spans: FileSpan[]; withDates: boolean; fileKey: string }
  | { kind: 'guardian-add'; guardian: RosterGuardian; sourceId: string }
  | { kind: 'guardian-field'; guardianId: number; field: GuardianField; value: FieldValue }
  | { kind: 'guardian-roster'; guardianId: number; inRoster: boolean }
  | { kind: 'guardian-link'; guardianId: number; sourceId: string };

export interface PlannedChange {
  view: RosterChange;
  op: WriteOp;
}

export interface RowPlan {
  key: number;
  student: RosterStudent;
  outcome: 'new' | 'updated' | 'unchanged' | 'rejected';
  studentId: number | null;
  version: number | null;
  matchedBy: MatchedBy | null;
  archived: boolean;
  /** New students: their campus. */
  campus: CampusRef | null;
  changes: PlannedChange[];
}

export interface RosterPlan {
  format: RosterFormat;
  coverage: Coverage;
  rows: RowPlan[];
  campuses: CampusPlan[];
  /** Problems found by comparing with the vault (identity clashes, likely duplicates). */
  problems: RosterProblem[];
  notInFile: number;
  /** Vault state the plan was made against: every student's version. */
  versions: Map<number, number>;
}

const PROGRAM_FIELD = (p: ProgramCode) => `program:${p}`;

function campusPlans(campuses: RosterCampus[], snap: VaultSnapshot): CampusPlan[] {
  const bySource = new Map(snap.campuses.filter((c) => c.sourceId !== null).map((c) => [c.sourceId!, c]));
  const byName = new Map<string, (typeof snap.campuses)[number]>();
  for (const c of snap.campuses) if (!byName.has(fold(c.name))) byName.set(fold(c.name), c);
  return campuses.map((c, index) => {
    const sourceId = c.identifiedByName ? null : c.sourceId;
    if (sourceId !== null) {
      const known = bySource.get(sourceId);
      if (known) return { index, sourceId, name: c.name, action: known.name === c.name ? 'none' : 'rename', id: known.id, beforeName: known.name === c.name ? null : known.name, students: 0 };
      const typed = byName.get(fold(c.name));
      if (typed && typed.sourceId === null) return { index, sourceId, name: c.name, action: 'adopt', id: typed.id, beforeName: typed.name === c.name ? null : typed.name, students: 0 };
      return { index, sourceId, name: c.name, action: 'insert', id: null, beforeName: null, students: 0 };
    }
    const known = byName.get(fold(c.name));
    return known ? { index, sourceId, name: known.name, action: 'none', id: known.id, beforeName: null, students: 0 } : { index, sourceId, name: c.name, action: 'insert', id: null, beforeName: null, students: 0 };
  });
}

function spanView(s: { beginDate: string | null; endDate: string | null; current: boolean }): RosterSpanView {
  return { beginDate: s.beginDate, endDate: s.endDate, current: s.current };
}

/** The file's participation in one program, as spans. */
export function fileSpans(s: RosterStudent, program: ProgramCode, withDates: boolean): FileSpan[] {
  if (withDates) return (s.programHistory ?? []).filter((h) => h.program === program).map(({ beginDate, endDate, current }) => ({ beginDate, endDate, current }));
  return s.programs.includes(program) ? [{ beginDate: null, endDate: null, current: true }] : [];
}

/** The file's value for a record field (the campus is resolved to a campus row separately). */
function studentValue(s: RosterStudent, field: Exclude<StudentRecordField, 'campus'>): FieldValue | null {
  return (s[field] as FieldValue | null | undefined) ?? null;
}

function guardianKey(g: RosterGuardian, position: number): string {
  return g.sourceId ?? `guardian${position + 1}`;
}

function fileGuardianValue(g: RosterGuardian, field: GuardianField): FieldValue | null {
  const v = g[field];
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

interface PlanOptions {
  format: RosterFormat;
  students: RosterStudent[];
  campuses: RosterCampus[];
  coverage: Coverage;
}

export function planRosterImport(opts: PlanOptions, snap: VaultSnapshot): RosterPlan {
  const { format, coverage } = opts;
  const problems: RosterProblem[] = [];
  const campuses = campusPlans(opts.campuses, snap);
  const campusBySource = new Map<string, CampusPlan>();
  opts.campuses.forEach((c, i) => campusBySource.set(c.sourceId, campuses[i]));
  const campusRef = (s: RosterStudent): CampusRef | null => {
    if (!s.campusSourceId) return null;
    const c = campusBySource.get(s.campusSourceId);
    if (!c) return null;
    c.students++;
    return c.id !== null ? { kind: 'existing', id: c.id } : { kind: 'new', index: c.index };
  };
  const campusName = (v: FieldValue | CampusRef | null): string | null => {
    if (v === null) return null;
    if (typeof v === 'object') return v.kind === 'new' ? campuses[v.index].name : (snap.campuses.find((c) => c.id === v.id)?.name ?? null);
    return snap.campuses.find((c) => c.id === v)?.name ?? null;
  };
  // "Ana Díaz (000123 · S900101)": the same in any language.
  const describe = (st: StoredStudent) => {
    const v = st.values;
    const ids = [v.localId, v.stateId].filter(Boolean).join(' · ');
    return `${displayName(v.firstName as string, v.lastName as string)}${ids ? ` (${ids})` : ''}`;
  };

  const claimed = new Map<number, RowPlan>();
  const rows: RowPlan[] = [];

  opts.students.forEach((s, key) => {
    const at = (column: string | null) => ({ fileName: s.origin.fileName, row: s.origin.row, line: s.origin.line, column });
    const base: RowPlan = { key, student: s, outcome: 'new', studentId: null, version: null, matchedBy: null, archived: false, campus: null, changes: [] };
    const reject = (code: string, text: Said, column: string | null = null) => {
      problems.push(problem(at(column), 'error', code, text));
      rows.push({ ...base, outcome: 'rejected' });
    };

    const hits: { by: MatchedBy; id: number }[] = [];
    const byState = s.stateId ? snap.byStateId.get(s.stateId) : undefined;
    if (byState !== undefined) hits.push({ by: 'stateId', id: byState });
    const byLocal = s.localId ? snap.byLocalId.get(s.localId) : undefined;
    if (byLocal !== undefined) hits.push({ by: 'localId', id: byLocal });
    const bySource = snap.bySource.get(`${format}\u0000${s.sourceId}`);
    if (bySource !== undefined) hits.push({ by: 'sourceId', id: bySource });
    const distinct = [...new Set(hits.map((h) => h.id))];

    if (distinct.length > 1) {
      const first = hits[0];
      const second = hits.find((h) => h.id !== first.id)!;
      reject(
        'id-matches-two-students',
        say('id-matches-two-students', { firstKind: `@${first.by}`, first: describe(snap.students.get(first.id)!), secondKind: `@${second.by}`, second: describe(snap.students.get(second.id)!) }),
      );
      return;
    }

    if (distinct.length === 0) {
      // --- a new student ----------------------------------------------------------------
      const same = snap.byName.get(nameKey(s.firstName, s.lastName)) ?? [];
      const likely = same.map((id) => snap.students.get(id)!).filter((st) => !s.birthDate || !st.values.birthDate || st.values.birthDate === s.birthDate);
      if (likely.length) {
        const sameBirth = !!s.birthDate && likely.some((l) => l.values.birthDate);
        problems.push(problem(at(null), 'warning', 'likely-duplicate', say(sameBirth ? 'likely-duplicate~birth' : 'likely-duplicate', { students: likely.map(describe).join('; ') })));
      }
      rows.push({ ...base, outcome: 'new', campus: campusRef(s) });
      return;
    }

    // --- an existing student ------------------------------------------------------------
    const id = distinct[0];
    const stored = snap.students.get(id)!;
    const matchedBy = hits[0].by;
    if (s.stateId && stored.values.stateId && s.stateId !== stored.values.stateId) {
      reject(
        'id-state-mismatch',
        say('id-state-mismatch', { kind: `@${matchedBy}`, student: describe(stored), storedStateId: String(stored.values.stateId), stateId: s.stateId }),
      );
      return;
    }
    const earlier = claimed.get(id);
    if (earlier) {
      reject('id-same-student-twice', say('id-same-student-twice', { row: earlier.student.origin.row, student: describe(stored) }));
      return;
    }
    const plan: RowPlan = { ...base, outcome: 'unchanged', studentId: id, version: stored.version, matchedBy, archived: stored.status === 'archived' };
    claimed.set(id, plan);
    const overrides = snap.overrides.get(id);

    // Fields.
    const ref = campusRef(s);
    for (const field of STUDENT_RECORD_FIELDS) {
      let fileValue: FieldValue | null;
      let opValue: FieldValue | CampusRef;
      if (field === 'campus') {
        if (!ref) continue;
        fileValue = ref.kind === 'existing' ? ref.id : `new:${ref.index}`;
        opValue = ref;
      } else {
        fileValue = studentValue(s, field);
        if (fileValue === null) continue;
        opValue = fileValue;
      }
      const decision = decideField(storedField(stored.values[field], overrides, field), fileValue);
      if (!changes(decision)) continue;
      const show = (v: FieldValue | CampusRef | null) => (field === 'campus' ? campusName(v) : (v as FieldValue | null));
      plan.changes.push({
        view: { key: `${key}:s:${field}`, subject: 'student', field, before: show(stored.values[field]), after: show(opValue), conflict: decision === 'conflict' },
        op: { kind: 'field', field, value: opValue },
      });
    }

    // Programs the file speaks for.
    const storedSpans = snap.spans.get(id) ?? [];
    for (const program of PROGRAM_CODES) {
      if (!coverage.programs.has(program)) continue;
      const mine = storedSpans.filter((x: StoredSpan) => x.program === program);
      const file = fileSpans(s, program, coverage.programDates);
      const fileKey = programStateKey(file, coverage.programDates);
      const storedKey = programStateKey(mine, coverage.programDates);
      const override = overrides?.get(PROGRAM_FIELD(program));
      const remembered = override === undefined ? null : { fileValue: override === null ? null : coverage.programDates ? String(override) : undatedKey(String(override)) };
      const decision = decideField({ value: storedKey, override: remembered }, fileKey);
      if (!changes(decision)) continue;
      plan.changes.push({
        view: { key: `${key}:p:${program}`, subject: 'program', program, before: mine.map(spanView), after: file.map(spanView), conflict: decision === 'conflict' },
        op: { kind: 'program', program, spans: file, withDates: coverage.programDates, fileKey },
      });
    }

    // Guardians, when the file lists them.
    if (coverage.guardians) planGuardians(plan, s, snap.guardians.get(id) ?? [], snap, overrides, format);

    plan.outcome = plan.changes.length ? 'updated' : 'unchanged';
    rows.push(plan);
  });

  let notInFile = 0;
  for (const st of snap.students.values()) if (st.status === 'active' && !claimed.has(st.id)) notInFile++;
  return { format, coverage, rows, campuses, problems, notInFile, versions: new Map([...snap.students.values()].map((st) => [st.id, st.version])) };
}

function changes(d: FieldDecision): boolean {
  return writesFileValue(d) || d === 'conflict';
}

function planGuardians(
  plan: RowPlan,
  s: RosterStudent,
  stored: StoredGuardian[],
  snap: VaultSnapshot,
  studentOverrides: Map<string, FieldValue | null> | undefined,
  format: RosterFormat,
): void {
  const used = new Set<number>();
  s.guardians.forEach((g, position) => {
    const sourceId = guardianKey(g, position);
    const keyBase = `${plan.key}:g:${sourceId}`;
    // The same source record first; then the same person by name on this student's record
    // (typed by the counselor, or from another roster format) rather than a second copy.
    const match =
      stored.find((x) => !used.has(x.id) && x.source === format && x.sourceId === sourceId) ??
      stored.find((x) => !used.has(x.id) && fold(x.displayName) === fold(g.displayName) && g.displayName !== '');
    if (!match) {
      const tomb = studentOverrides?.get(guardianTombstoneField(format, sourceId));
      if (tomb !== undefined && tomb === fold(g.displayName)) return; // the counselor removed this person
      plan.changes.push({
        view: { key: `${keyBase}:added`, subject: 'guardian', guardian: g.displayName, change: 'added', before: null, after: g.displayName, relationship: g.relationship, conflict: false },
        op: { kind: 'guardian-add', guardian: g, sourceId },
      });
      return;
    }
    used.add(match.id);
    const overrides = snap.guardianOverrides.get(match.id);
    for (const field of GUARDIAN_FIELDS) {
      const fileValue = fileGuardianValue(g, field);
      if (fileValue === null) continue;
      const decision = decideField(storedField(guardianFieldValue(match, field), overrides, field), fileValue);
      if (!changes(decision)) continue;
      plan.changes.push({
        view: { key: `${keyBase}:${field}`, subject: 'guardian', guardian: match.displayName, change: 'field', field, before: guardianFieldValue(match, field), after: fileValue, conflict: decision === 'conflict' },
        op: { kind: 'guardian-field', guardianId: match.id, field, value: fileValue },
      });
    }
    if (match.source === format && !match.inRoster) {
      plan.changes.push({
        view: { key: `${keyBase}:back`, subject: 'guardian', guardian: match.displayName, change: 'back-in-roster', before: null, after: null, conflict: false },
        op: { kind: 'guardian-roster', guardianId: match.id, inRoster: true },
      });
    }
    if (match.source !== format || match.sourceId !== sourceId) {
      plan.changes.push({
        view: { key: `${keyBase}:linked`, subject: 'guardian', guardian: match.displayName, change: 'linked', before: null, after: null, conflict: false },
        op: { kind: 'guardian-link', guardianId: match.id, sourceId },
      });
    }
  });
  for (const g of stored) {
    if (used.has(g.id) || g.source !== format || !g.inRoster) continue;
    plan.changes.push({
      view: { key: `${plan.key}:g:${g.sourceId ?? g.id}:gone`, subject: 'guardian', guardian: g.displayName, change: 'not-in-roster', before: null, after: null, conflict: false },
      op: { kind: 'guardian-roster', guardianId: g.id, inRoster: false },
    });
  }
}
