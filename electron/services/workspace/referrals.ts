import type { z } from 'zod';
import type { Referral, createReferralInput, listReferralsInput, updateReferralInput } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import type { ReferralKind, ReferralOutcome, ReferralStatus } from '../../../shared/domain/workspace/vocabulary';
import { referralProblems } from '../../../shared/domain/workspace/referrals';
import { changedKeys, fieldError, notFound, requireVersion, WorkspaceServiceBase } from './support';

interface ReferralRow {
  id: number;
  student_id: number;
  kind: ReferralKind;
  kind_other: string | null;
  referred_on: string;
  reason: string;
  status: ReferralStatus;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  parent_consulted_on: string | null;
  visibility: NoteVisibility;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `r.id, r.student_id, r.kind, r.kind_other, r.referred_on, r.reason, r.status, r.outcome, r.outcome_note, r.parent_consulted_on,
  r.visibility, r.archived_at, r.version, r.created_at, r.updated_at`;

function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    studentId: r.student_id,
    kind: r.kind,
    kindOther: r.kind_other,
    referredOn: r.referred_on,
    reason: r.reason,
    status: r.status,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    parentConsultedOn: r.parent_consulted_on,
    visibility: r.visibility,
    archivedAt: r.archived_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const EDITABLE = ['kind', 'kindOther', 'referredOn', 'reason', 'status', 'outcome', 'outcomeNote', 'parentConsultedOn', 'visibility'] as const;

/** Referrals to gifted/talented, at-risk, Section 504 and special-education processes: private by default. */
export class ReferralsService extends WorkspaceServiceBase {
  get(id: number): Referral {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM referrals r WHERE r.id = ?`).get(id) as ReferralRow | undefined;
    return row ? toReferral(row) : notFound('referral');
  }

  /** Open referrals first, then newest first. */
  list(input: z.output<typeof listReferralsInput>): Referral[] {
    this.requireStudent(input.studentId);
    const archived = input.status === 'active' ? 'AND r.archived_at IS NULL' : input.status === 'archived' ? 'AND r.archived_at IS NOT NULL' : '';
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM referrals r WHERE r.student_id = ? ${archived} ORDER BY (r.status = 'closed'), r.referred_on DESC, r.id DESC`)
      .all(input.studentId) as ReferralRow[];
    return rows.map(toReferral);
  }

  create(input: z.output<typeof createReferralInput>): Referral {
    const db = this.db;
    const id = db.transaction(() => {
      this.requireStudent(input.studentId);
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare(`INSERT INTO referrals (student_id, kind, kind_other, referred_on, reason, status, outcome, outcome_note, parent_consulted_on, visibility,
            version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(input.studentId, input.kind, input.kindOther, input.referredOn, input.reason, input.status, input.outcome ?? null, input.outcomeNote,
            input.parentConsultedOn, input.visibility, ts, ts).lastInsertRowid,
      );
      this.audit({ action: 'referral.create', entityType: 'referral', entityId: id });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateReferralInput>): Referral {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'referral');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.changes[k]])) } as Referral;
      const problem = referralProblems(next)[0];
      if (problem) throw fieldError(problem.field, problem.message);
      db.prepare(`UPDATE referrals SET kind = ?, kind_other = ?, referred_on = ?, reason = ?, status = ?, outcome = ?, outcome_note = ?,
        parent_consulted_on = ?, visibility = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
        next.kind, next.kindOther, next.referredOn, next.reason, next.status, next.outcome, next.outcomeNote, next.parentConsultedOn, next.visibility,
        this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'referral.update', entityType: 'referral', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  setArchived(input: z.output<typeof versioned>, archived: boolean): Referral {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'referral');
      if ((current.archivedAt !== null) === archived) return;
      const ts = this.timestamp();
      db.prepare('UPDATE referrals SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(archived ? ts : null, ts, input.id);
      this.audit({ action: archived ? 'referral.archive' : 'referral.restore', entityType: 'referral', entityId: input.id });
    })();
    return this.get(input.id);
  }

  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      requireVersion(this.get(input.id), input.version, 'referral');
      db.prepare('DELETE FROM referrals WHERE id = ?').run(input.id);
      this.audit({ action: 'referral.delete', entityType: 'referral', entityId: input.id });
    })();
  }
}
