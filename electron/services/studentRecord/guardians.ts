import type { GuardianField, RecordSource } from '../../../shared/domain/studentRecord/fields';
import type { Guardian } from '../../../shared/ipc/contract/students';
import type { RawDatabase } from '../../vault/database';

export interface StoredGuardian {
  id: number;
  studentId: number;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
  mayReceiveInformation: boolean | null;
  source: RecordSource;
  sourceId: string | null;
  inRoster: boolean;
  sortOrder: number;
}

interface GuardianRow {
  id: number;
  student_id: number;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
  may_receive_information: number | null;
  source: RecordSource;
  source_id: string | null;
  in_roster: number;
  sort_order: number;
}

const toGuardian = (r: GuardianRow): StoredGuardian => ({
  id: r.id,
  studentId: r.student_id,
  firstName: r.first_name,
  lastName: r.last_name,
  displayName: r.display_name,
  relationship: r.relationship,
  phone: r.phone,
  email: r.email,
  language: r.language,
  mayReceiveInformation: r.may_receive_information === null ? null : r.may_receive_information === 1,
  source: r.source,
  sourceId: r.source_id,
  inRoster: r.in_roster === 1,
  sortOrder: r.sort_order,
});

export function readGuardians(db: RawDatabase, studentId: number): StoredGuardian[] {
  return (db.prepare('SELECT * FROM guardians WHERE student_id = ? ORDER BY sort_order, id').all(studentId) as GuardianRow[]).map(toGuardian);
}

export function readAllGuardians(db: RawDatabase): Map<number, StoredGuardian[]> {
  const out = new Map<number, StoredGuardian[]>();
  for (const r of db.prepare('SELECT * FROM guardians ORDER BY student_id, sort_order, id').iterate() as Iterable<GuardianRow>) {
    let list = out.get(r.student_id);
    if (!list) out.set(r.student_id, (list = []));
    list.push(toGuardian(r));
  }
  return out;
}

export function guardianView(g: StoredGuardian, overrides: Map<string, unknown> | undefined): Guardian {
  return {
    id: g.id,
    firstName: g.firstName,
    lastName: g.lastName,
    displayName: g.displayName,
    relationship: g.relationship,
    phone: g.phone,
    email: g.email,
    language: g.language,
    mayReceiveInformation: g.mayReceiveInformation,
    source: g.source,
    inRoster: g.inRoster,
    enteredByCounselor: overrides ? [...overrides.keys()] : [],
  };
}

/** The stored value of a guardian field in its comparable form (booleans as 1/0). */
export function guardianFieldValue(g: Pick<StoredGuardian, GuardianField>, field: GuardianField): string | number | null {
  const v = g[field];
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

export function guardianDisplayName(firstName: string | null, lastName: string | null): string {
  return [firstName, lastName].filter(Boolean).join(' ');
}

export const insertGuardianSql = `INSERT INTO guardians (student_id, first_name, last_name, display_name, relationship, phone, email, language,
  may_receive_information, source, source_id, in_roster, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
