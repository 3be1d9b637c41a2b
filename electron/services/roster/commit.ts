import { AppError } from '../../../shared/ipc/errors';
import type { FieldValue } from '../../../shared/domain/roster/merge';
import type { SisMapping } from '../../../shared/domain/roster/sisFields';
import type { RosterStudent } from '../../../shared/domain/roster/types';
import type { GuardianField, StudentRecordField } from '../../../shared/domain/studentRecord/fields';
import type { RosterCommitResult } from '../../../shared/ipc/contract/roster';
import type { RawDatabase } from '../../vault/database';
import { recordAudit } from '../../vault/auditLog';
import { studentSearchText, studentSortName } from '../students';
import { insertGuardianSql, guardianDisplayName } from '../studentRecord/guardians';
import { insertSpanSql } from '../studentRecord/programs';
import { encodeFileValue } from '../studentRecord/provenance';
import type { CampusRef, FileSpan, RosterPlan, RowPlan } from './plan';
import { loadVersions, type VaultSnapshot } from './snapshot';
import { saveSisMapping } from './sisMappings';

export type ConflictChoice = 'mine' | 'file';

export interface CommitOptions {
  plan: RosterPlan;
  snapshot: VaultSnapshot;
  choices: Map<string, ConflictChoice>;
  conflictDefault?: ConflictChoice;
  now: Date;
  sisMapping?: { signature: string; mapping: SisMapping };
}

const GUARDIAN_COLUMN: Record<GuardianField, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  relationship: 'relationship',
  phone: 'phone',
  email: 'email',
  language: 'language',
  mayReceiveInformation: 'may_receive_information',
};

/** Every conflict needs a choice: individually, or through `conflictDefault`. */
export function unresolvedConflicts(plan: RosterPlan, choices: Map<string, ConflictChoice>, conflictDefault?: ConflictChoice): number {
  if (conflictDefault) return 0;
  let n = 0;
  for (const r of plan.rows) for (const c of r.changes) if (c.view.conflict && !choices.has(c.view.key)) n++;
  return n;
}

/**
 * Writes a previewed plan in one transaction: all of it or, on any failure, none of it. First
 * re-checks that no student changed since the preview (every version as the plan saw it);
 * otherwise nothing is written and the counselor is asked to preview again.
 */
export function commitPlan(db: RawDatabase, o: CommitOptions): RosterCommitResult {
  const { plan, snapshot } = o;
  const ts = o.now.toISOString();
  const result: RosterCommitResult = {
    counts: { new: 0, updated: 0, unchanged: 0, rejected: 0 },
    campuses: { new: 0, updated: 0 },
    guardians: { added: 0, updated: 0, notInRoster: 0 },
    programChanges: 0,
    conflicts: { keptMine: 0, tookFile: 0 },
  };
  const choiceFor = (key: string): ConflictChoice => o.choices.get(key) ?? o.conflictDefault ?? 'mine';

  const run = db.transaction(() => {
    // --- re-check -------------------------------------------------------------------------
    const now = loadVersions(db);
    let changed = 0;
    if (now.size !== plan.versions.size) changed = Math.abs(now.size - plan.versions.size) || 1;
    for (const [id, v] of plan.versions) if (now.get(id) !== v) changed++;
    if (changed > 0) {
      throw new AppError('CONFLICT', 'Students in your caseload changed after this preview was made. Nothing was imported: compare the file again to see the current differences.', {
        changedStudents: changed,
      });
    }

    // --- campuses -------------------------------------------------------------------------
    const campusIds: (number | null)[] = plan.campuses.map((c) => c.id);
    const insertCampus = db.prepare('INSERT INTO campuses (source_id, name, created_at) VALUES (?, ?, ?)');
    for (const c of plan.campuses) {
      if (c.action === 'insert') {
        campusIds[c.index] = Number(insertCampus.run(c.sourceId, c.name, ts).lastInsertRowid);
        result.campuses.new++;
      } else if (c.action === 'rename') {
        db.prepare('UPDATE campuses SET name = ? WHERE id = ?').run(c.name, c.id);
        result.campuses.updated++;
      } else if (c.action === 'adopt') {
        db.prepare('UPDATE campuses SET source_id = ?, name = ? WHERE id = ?').run(c.sourceId, c.name, c.id);
        result.campuses.updated++;
      }
    }
    const campusId = (v: FieldValue | CampusRef | null): number | null => {
      if (v === null || typeof v !== 'object') return (v as number | null) ?? null;
      return v.kind === 'existing' ? v.id : campusIds[v.index];
    };

    // --- statements -----------------------------------------------------------------------
    const insertStudent = db.prepare(`INSERT INTO students (local_id, state_id, first_name, middle_name, last_name, preferred_name, birth_date,
      grade_level, expected_graduation_year, campus_id, home_language, family_language, roster_source, roster_source_id, last_imported_at,
      status, search_text, sort_name, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 1, ?, ?)`);
    const updateStudent = db.prepare(`UPDATE students SET local_id = ?, state_id = ?, first_name = ?, middle_name = ?, last_name = ?, preferred_name = ?,
      birth_date = ?, grade_level = ?, expected_graduation_year = ?, campus_id = ?, home_language = ?, family_language = ?, roster_source = ?,
      roster_source_id = ?, last_imported_at = ?, search_text = ?, sort_name = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`);
    const insertSpan = db.prepare(insertSpanSql);
    const deleteSpans = db.prepare('DELETE FROM student_programs WHERE student_id = ? AND program = ?');
    const endSpans = db.prepare('UPDATE student_programs SET current = 0, updated_at = ? WHERE student_id = ? AND program = ? AND current = 1');
    const hasCurrent = db.prepare('SELECT 1 FROM student_programs WHERE student_id = ? AND program = ? AND current = 1');
    const insertGuardian = db.prepare(insertGuardianSql);
    const upsertOverride = db.prepare(`INSERT INTO student_field_overrides (student_id, field, file_value, entered_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (student_id, field) DO UPDATE SET file_value = excluded.file_value`);
    const deleteOverride = db.prepare('DELETE FROM student_field_overrides WHERE student_id = ? AND field = ?');
    const upsertGuardianOverride = db.prepare(`INSERT INTO guardian_field_overrides (guardian_id, field, file_value, entered_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (guardian_id, field) DO UPDATE SET file_value = excluded.file_value`);
    const deleteGuardianOverride = db.prepare('DELETE FROM guardian_field_overrides WHERE guardian_id = ? AND field = ?');
    const guardianField = Object.fromEntries(
      (Object.entries(GUARDIAN_COLUMN) as [GuardianField, string][]).map(([f, c]) => [f, db.prepare(`UPDATE guardians SET ${c} = ?, updated_at = ? WHERE id = ?`)]),
    ) as unknown as Record<GuardianField, { run: (...params: unknown[]) => unknown }>;
    const renameGuardian = db.prepare('UPDATE guardians SET display_name = ? WHERE id = ?');
    const guardianNames = db.prepare('SELECT first_name, last_name, display_name FROM guardians WHERE id = ?');
    const flagGuardian = db.prepare('UPDATE guardians SET in_roster = ?, updated_at = ? WHERE id = ?');
    const linkGuardian = db.prepare('UPDATE guardians SET source = ?, source_id = ?, in_roster = 1, updated_at = ? WHERE id = ?');
    const nextOrder = db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM guardians WHERE student_id = ?');

    const addGuardians = (studentId: number, list: { g: RosterStudent['guardians'][number]; sourceId: string }[], firstOrder: number) => {
      list.forEach(({ g, sourceId }, i) => {
        insertGuardian.run(
          studentId, g.firstName, g.lastName, g.displayName, g.relationship, g.phone, g.email, g.language,
          g.mayReceiveInformation === null ? null : g.mayReceiveInformation ? 1 : 0, plan.format, sourceId, 1, firstOrder + i, ts, ts,
        );
        result.guardians.added++;
      });
    };
    const writeSpans = (studentId: number, program: string, spans: FileSpan[]) => {
      for (const s of spans) insertSpan.run(studentId, program, s.beginDate, s.endDate, s.current ? 1 : 0, plan.format, ts, ts);
    };

    // --- new students ---------------------------------------------------------------------
    // Table by table (students, then their programs, then guardians): appends stay on the same pages.
    const created: { id: number; s: RosterStudent }[] = [];
    for (const r of plan.rows) {
      if (r.outcome !== 'new') continue;
      const s = r.student;
      const id = Number(
        insertStudent.run(
          s.localId, s.stateId, s.firstName, s.middleName, s.lastName, s.preferredName, s.birthDate, s.gradeLevel, s.expectedGraduationYear,
          campusId(r.campus), s.homeLanguage, s.familyLanguage, plan.format, s.sourceId, ts, studentSearchText(s), studentSortName(s), ts, ts,
        ).lastInsertRowid,
      );
      created.push({ id, s });
    }
    for (const { id, s } of created) {
      if (plan.coverage.programDates) {
        for (const h of s.programHistory ?? []) if (plan.coverage.programs.has(h.program)) insertSpan.run(id, h.program, h.beginDate, h.endDate, h.current ? 1 : 0, plan.format, ts, ts);
      } else {
        for (const p of s.programs) insertSpan.run(id, p, null, null, 1, plan.format, ts, ts);
      }
    }
    for (const { id, s } of created) addGuardians(id, s.guardians.map((g, i) => ({ g, sourceId: g.sourceId ?? `guardian${i + 1}` })), 1);
    result.counts.new += created.length;

    // --- students that change -------------------------------------------------------------
    for (const r of plan.rows) {
      if (r.outcome === 'unchanged') result.counts.unchanged++;
      if (r.outcome !== 'updated') continue;
      const stored = snapshot.students.get(r.studentId!)!;
      const id = stored.id;
      const merged = { ...stored.values } as Record<StudentRecordField, FieldValue | null>;
      let dataChanged = false;
      const renamed = new Set<number>();
      let order: number | null = null;
      for (const c of r.changes) {
        const take = !c.view.conflict || choiceFor(c.view.key) === 'file';
        if (c.view.conflict) {
          if (take) result.conflicts.tookFile++;
          else result.conflicts.keptMine++;
        }
        const op = c.op;
        switch (op.kind) {
          case 'field': {
            const value = op.field === 'campus' ? campusId(op.value) : (op.value as FieldValue);
            if (take) {
              merged[op.field] = value;
              if (c.view.conflict) deleteOverride.run(id, op.field);
              dataChanged = true;
            } else upsertOverride.run(id, op.field, encodeFileValue(value), ts);
            break;
          }
          case 'program': {
            const field = `program:${op.program}`;
            if (!take) {
              upsertOverride.run(id, field, encodeFileValue(op.fileKey), ts);
              break;
            }
            if (c.view.conflict) deleteOverride.run(id, field);
            if (op.withDates) {
              deleteSpans.run(id, op.program);
              writeSpans(id, op.program, op.spans);
            } else if (op.spans.some((x) => x.current)) {
              if (!hasCurrent.get(id, op.program)) insertSpan.run(id, op.program, null, null, 1, plan.format, ts, ts);
            } else endSpans.run(ts, id, op.program);
            result.programChanges++;
            dataChanged = true;
            break;
          }
          case 'guardian-add': {
            order ??= (nextOrder.get(id) as { n: number }).n;
            addGuardians(id, [{ g: op.guardian, sourceId: op.sourceId }], order++);
            dataChanged = true;
            break;
          }
          case 'guardian-field': {
            if (!take) {
              upsertGuardianOverride.run(op.guardianId, op.field, encodeFileValue(op.value), ts);
              break;
            }
            guardianField[op.field].run(op.value, ts, op.guardianId);
            if (c.view.conflict) deleteGuardianOverride.run(op.guardianId, op.field);
            if (op.field === 'firstName' || op.field === 'lastName') renamed.add(op.guardianId);
            result.guardians.updated++;
            dataChanged = true;
            break;
          }
          case 'guardian-roster':
            flagGuardian.run(op.inRoster ? 1 : 0, ts, op.guardianId);
            if (!op.inRoster) result.guardians.notInRoster++;
            dataChanged = true;
            break;
          case 'guardian-link':
            linkGuardian.run(plan.format, op.sourceId, ts, op.guardianId);
            dataChanged = true;
            break;
        }
      }
      for (const gid of renamed) {
        const n = guardianNames.get(gid) as { first_name: string | null; last_name: string | null; display_name: string };
        const name = guardianDisplayName(n.first_name, n.last_name);
        if (name && name !== n.display_name) renameGuardian.run(name, gid);
      }
      if (!dataChanged) {
        result.counts.unchanged++;
        continue;
      }
      // The source key is recorded the first time, or refreshed from the same kind of file.
      const source = stored.rosterSource === null || stored.rosterSource === plan.format ? { format: plan.format, id: r.student.sourceId } : { format: stored.rosterSource, id: stored.rosterSourceId };
      const names = { firstName: merged.firstName as string, middleName: merged.middleName as string | null, lastName: merged.lastName as string, preferredName: merged.preferredName as string | null, localId: merged.localId as string | null, stateId: merged.stateId as string | null };
      const done = updateStudent.run(
        merged.localId, merged.stateId, merged.firstName, merged.middleName, merged.lastName, merged.preferredName, merged.birthDate, merged.gradeLevel,
        merged.expectedGraduationYear, merged.campus, merged.homeLanguage, merged.familyLanguage, source.format, source.id, ts,
        studentSearchText(names), studentSortName(names), ts, id, r.version,
      );
      if (done.changes !== 1) throw new AppError('CONFLICT', 'A student changed while the import was being written. Nothing was imported: compare the file again.');
      result.counts.updated++;
    }
    result.counts.rejected = plan.rows.filter((r: RowPlan) => r.outcome === 'rejected').length;

    const wrote = result.counts.new + result.counts.updated > 0 || result.conflicts.keptMine > 0 || result.campuses.new + result.campuses.updated > 0;
    if (o.sisMapping && wrote) saveSisMapping(db, o.sisMapping.signature, o.sisMapping.mapping, o.now);
    if (wrote) {
      // Counts and the format only: no names, IDs or file names.
      recordAudit(db, o.now, {
        action: 'roster.import',
        entityType: 'import',
        summary: [
          `format=${plan.format}`,
          `new=${result.counts.new}`,
          `updated=${result.counts.updated}`,
          `unchanged=${result.counts.unchanged}`,
          `campuses+${result.campuses.new}~${result.campuses.updated}`,
          `guardians+${result.guardians.added}~${result.guardians.updated}!${result.guardians.notInRoster}`,
          `programs~${result.programChanges}`,
          `conflicts mine=${result.conflicts.keptMine} file=${result.conflicts.tookFile}`,
        ].join('; '),
      });
    }
  });

  try {
    run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && /UNIQUE constraint failed/.test(err.message)) {
      throw new AppError('CONFLICT', 'Another student in your caseload now has one of these IDs. Nothing was imported: compare the file again.');
    }
    throw err;
  }
  return result;
}
