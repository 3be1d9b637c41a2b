import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seams between concerns, after they were merged:
 *  - `conferences.compared_scenario_ids`: the plans last put side by side on the family screen
 *    in this conference (JSON array of course_plans ids), so the family summary can show the
 *    comparison the family saw, even after the vault was locked in between;
 *  - `conference_reviewed`: what the family looked at (goals, test results, the plan
 *    comparison) as it stood when the conference ended, one copy per language, so every copy
 *    of the summary shows the same thing and later imports cannot rewrite a past meeting;
 * The caseload's fact filters need no new index: they are sets built once per query from
 * 0007's indexes (conferences by status, action items by done and due date).
 */
export class Integration1764800000008 implements MigrationInterface {
  name = 'Integration1764800000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conferences ADD COLUMN compared_scenario_ids TEXT`);
    await q.query(`CREATE TABLE conference_reviewed (
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      locale TEXT NOT NULL CHECK (locale IN ('en','es')),
      -- {"goals":[…]|null,"tests":{…}|null,"plans":{…}|null}: family-visible data only.
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (conference_id, locale)
    ) WITHOUT ROWID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conference_reviewed`);
    await q.query(`ALTER TABLE conferences DROP COLUMN compared_scenario_ids`);
  }
}
