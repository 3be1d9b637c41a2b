import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { fold } from '../../../shared/domain/text';
import { GUARDIAN_FIELDS, type GuardianField } from '../../../shared/domain/studentRecord/fields';
import type { addGuardianInput, removeGuardianInput, StudentDetail, updateGuardianInput } from '../../../shared/ipc/contract/students';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';
import { recordAudit } from '../../vault/auditLog';
import type { StudentsService } from '../students';
import { guardianDisplayName, guardianFieldValue, insertGuardianSql, readGuardians, type StoredGuardian } from './guardians';
import { markCounselorSet, markCreatedByCounselor } from './provenance';

/** Tombstone key for an imported guardian the counselor removed (see removeGuardian). */
export function guardianTombstoneField(source: string, sourceId: string): string {
  return `guardian:${source}:${sourceId}`;
}

/**
 * Guardians are part of the student's record: every change carries the student's version and
 * bumps it, so an edit made from a stale screen is refused as CONFLICT like any other.
 */
export class GuardiansService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly students: StudentsService,
    private readonly now: () => Date,
  ) {}

  private get db(): RawDatabase {
    return this.session().db;
  }

  private begin(studentId: number, version: number): void {
    const current = this.db.prepare('SELECT version FROM students WHERE id = ?').get(studentId) as { version: number } | undefined;
    if (!current) throw new AppError('NOT_FOUND', 'No such student.');
    this.students.requireVersion(current, version);
  }

  private finish(studentId: number, version: number, action: string, summary: string): void {
    this.db.prepare('UPDATE students SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(this.now().toISOString(), studentId, version);
    recordAudit(this.db, this.now(), { action, entityType: 'student', entityId: studentId, summary });
  }

  private guardianOf(studentId: number, guardianId: number): StoredGuardian {
    const g = readGuardians(this.db, studentId).find((x) => x.id === guardianId);
    if (!g) throw new AppError('NOT_FOUND', 'This guardian is no longer on the student’s record.');
    return g;
  }

  add(input: z.output<typeof addGuardianInput>): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      this.begin(input.studentId, input.version);
      const g = input.guardian;
      const ts = this.now().toISOString();
      const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM guardians WHERE student_id = ?').get(input.studentId) as { n: number }).n;
      const id = Number(
        db
          .prepare(insertGuardianSql)
          .run(
            input.studentId, g.firstName, g.lastName, guardianDisplayName(g.firstName, g.lastName), g.relationship, g.phone, g.email, g.language,
            g.mayReceiveInformation == null ? null : g.mayReceiveInformation ? 1 : 0, 'counselor', null, 1, order, ts, ts,
          ).lastInsertRowid,
      );
      markCreatedByCounselor(db, 'guardian_field_overrides', id, GUARDIAN_FIELDS.filter((f) => g[f] != null), this.now());
      this.finish(input.studentId, input.version, 'guardian.add', 'guardian added');
    })();
    return this.students.get(input.studentId, { audit: false });
  }

  update(input: z.output<typeof updateGuardianInput>): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      this.begin(input.studentId, input.version);
      const g = this.guardianOf(input.studentId, input.guardianId);
      const next: StoredGuardian = { ...g };
      const changed: GuardianField[] = [];
      for (const field of GUARDIAN_FIELDS) {
        if (!(field in input.changes)) continue;
        const value = input.changes[field];
        if (value === undefined || value === g[field]) continue;
        (next as unknown as Record<string, unknown>)[field] = value;
        changed.push(field);
      }
      if (!next.firstName && !next.lastName) {
        throw new AppError('VALIDATION', 'A guardian needs a first or last name.', { issues: [{ path: ['changes', 'firstName'], message: 'Required', code: 'custom' }] });
      }
      if (changed.length === 0) return;
      db.prepare(`UPDATE guardians SET first_name = ?, last_name = ?, display_name = ?, relationship = ?, phone = ?, email = ?, language = ?,
        may_receive_information = ?, updated_at = ? WHERE id = ?`).run(
        next.firstName, next.lastName, guardianDisplayName(next.firstName, next.lastName), next.relationship, next.phone, next.email, next.language,
        next.mayReceiveInformation == null ? null : next.mayReceiveInformation ? 1 : 0, this.now().toISOString(), g.id,
      );
      for (const field of changed) markCounselorSet(db, 'guardian_field_overrides', g.id, field, guardianFieldValue(g, field), this.now());
      this.finish(input.studentId, input.version, 'guardian.update', changed.join(','));
    })();
    return this.students.get(input.studentId, { audit: false });
  }

  /**
   * Removes a guardian from the record. For one that came from a roster, a tombstone with the
   * person's name is kept so re-importing the same file does not bring them back unasked.
   */
  remove(input: z.output<typeof removeGuardianInput>): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      this.begin(input.studentId, input.version);
      const g = this.guardianOf(input.studentId, input.guardianId);
      if (g.source !== 'counselor' && g.sourceId) {
        db.prepare(
          `INSERT INTO student_field_overrides (student_id, field, file_value, entered_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (student_id, field) DO UPDATE SET file_value = excluded.file_value, entered_at = excluded.entered_at`,
        ).run(input.studentId, guardianTombstoneField(g.source, g.sourceId), JSON.stringify(fold(g.displayName)), this.now().toISOString());
      }
      db.prepare('DELETE FROM guardians WHERE id = ?').run(g.id);
      this.finish(input.studentId, input.version, 'guardian.remove', 'guardian removed');
    })();
    return this.students.get(input.studentId, { audit: false });
  }
}
