import { localIsoDate } from '../../../shared/domain/dates';
import type { LinkedDecision } from '../../../shared/ipc/contract/decisions';
import type { AttendeeRole, ConferencePurpose, DecisionKind, Endorsement } from '../../../shared/ipc/contract/conferences';
import type { AgreedRole } from '../../../shared/ipc/contract/coursePlans';
import type { RawDatabase } from '../../vault/database';
import { parseJsonArray } from './support';

/**
 * Decisions the decisions log shows but does not hold. Each decision has one home and is
 * never copied into `decisions`:
 *  - a decision taken in a conference lives in `conference_decisions` (what, detail, who
 *    agreed); the log lists those of ended conferences, read-only, with a link to the meeting;
 *    when it chose a plan, the course plan's own record of the change (`plan_decisions` with
 *    `conference_id`) is its effect, shown here as "made the active plan", not as a second row;
 *  - a plan chosen on the Course plan tab ("Choose this plan") lives in `plan_decisions`.
 * So the counselor sees every decision in one place and nothing is entered twice.
 */
export function decisionsRecordedElsewhere(db: RawDatabase, studentId: number): LinkedDecision[] {
  const fromConferences = db
    .prepare(`SELECT d.id, d.kind, d.what, d.detail, d.endorsement, d.scenario_id, c.id AS conference_id, c.purpose, c.title,
        coalesce(c.started_at, c.ended_at) AS held_at, p.name AS plan_name,
        EXISTS (SELECT 1 FROM plan_decisions pd WHERE pd.conference_id = c.id AND pd.plan_id = d.scenario_id) AS applied,
        (SELECT json_group_array(json_object('name', a.name, 'role', a.role)) FROM (
          SELECT a.name, a.role FROM conference_decision_agreements g JOIN conference_attendees a ON a.id = g.attendee_id
          WHERE g.decision_id = d.id ORDER BY a.position, a.id) a) AS agreed
      FROM conference_decisions d JOIN conferences c ON c.id = d.conference_id LEFT JOIN course_plans p ON p.id = d.scenario_id
      WHERE c.student_id = ? AND c.status = 'ended' ORDER BY held_at DESC, d.position ASC`)
    .all(studentId) as {
    id: number;
    kind: DecisionKind;
    what: string;
    detail: string | null;
    endorsement: Endorsement | null;
    scenario_id: number | null;
    conference_id: number;
    purpose: ConferencePurpose;
    title: string | null;
    held_at: string;
    plan_name: string | null;
    applied: 0 | 1;
    agreed: string;
  }[];
  const fromPlans = db
    .prepare(`SELECT id, plan_id, plan_name, agreed_by, decided_on FROM plan_decisions WHERE student_id = ? AND conference_id IS NULL ORDER BY decided_on DESC, id DESC`)
    .all(studentId) as { id: number; plan_id: number | null; plan_name: string; agreed_by: string; decided_on: string }[];
  const out: LinkedDecision[] = [
    ...fromConferences.map(
      (r): LinkedDecision => ({
        key: `conference-decision:${r.id}`,
        source: 'conference',
        decidedOn: localIsoDate(new Date(r.held_at)),
        kind: r.kind,
        decision: r.what,
        detail: r.detail,
        endorsement: r.endorsement,
        planName: r.plan_name,
        agreedBy: parseJsonArray<{ name: string; role: AttendeeRole }>(r.agreed),
        conference: { id: r.conference_id, purpose: r.purpose, title: r.title },
        planMadeActive: r.applied === 1,
      }),
    ),
    ...fromPlans.map(
      (r): LinkedDecision => ({
        key: `plan-decision:${r.id}`,
        source: 'course-plan',
        decidedOn: r.decided_on,
        kind: 'scenario',
        decision: r.plan_name,
        detail: null,
        endorsement: null,
        planName: r.plan_name,
        agreedBy: parseJsonArray<{ name: string; role: AgreedRole }>(r.agreed_by),
        conference: null,
        planMadeActive: true,
      }),
    ),
  ];
  return out.sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0));
}
