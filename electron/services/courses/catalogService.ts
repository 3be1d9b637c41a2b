import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { courseKinds } from '../../../shared/domain/graduation/catalog';
import { leadingZeroTwin } from '../../../shared/domain/graduation/codes';
import { checkPrerequisiteGraph, describeCycle } from '../../../shared/domain/graduation/prerequisites';
import type { CatalogImportPreview, CatalogImportRow, CatalogList, CourseFields, CourseImportProblem, CourseView, MissingCourse, saveCourseInput } from '../../../shared/ipc/contract/courses';
import type { ImportCommitResult } from '../../../shared/ipc/contract/imports';
import type { AppContext } from '../context';
import type { PendingImports } from '../imports/pendingImports';
import { recordAudit } from '../../vault/auditLog';
import { parseCatalogCsv, type CatalogParseResult, type CourseField } from '../../importers/courses/catalogCsv';
import { parseEdfiCatalog } from '../../importers/courses/catalogEdfi';
import { problemAt } from '../../importers/courses/common';
import { sortProblems } from '../../../shared/domain/roster/problems';
import { CourseStore, toCourseView, type CourseDbRow } from './store';

/**
 * The course catalog: list, edit, and import from CSV or Ed-Fi through preview → commit.
 * A catalog with a prerequisite cycle or an unknown prerequisite code is refused with the
 * cycle or the code named; a blank cell or an absent column never blanks a stored value.
 */

const FIELDS: CourseField[] = ['code', 'title', 'credits', 'subject', 'gradeLevels', 'prerequisites', 'flags', 'endorsements', 'tags', 'cluster', 'language', 'equivalents', 'repeatable', 'collegeHours', 'highSchoolCredit', 'description'];

const EMPTY: Omit<CourseFields, 'code' | 'title' | 'subject'> = {
  credits: null,
  gradeLevels: [],
  prerequisites: [],
  flags: [],
  endorsements: [],
  tags: [],
  cluster: null,
  language: null,
  equivalents: [],
  repeatable: false,
  collegeHours: null,
  highSchoolCredit: true,
  description: null,
};

function fieldsOf(r: CourseDbRow): CourseFields {
  const v = toCourseView(r);
  return {
    code: v.code,
    title: v.title,
    credits: v.credits,
    subject: v.subject,
    gradeLevels: v.gradeLevels,
    prerequisites: v.prerequisites,
    flags: v.flags,
    endorsements: v.endorsements,
    tags: v.tags,
    cluster: v.cluster,
    language: v.language,
    equivalents: v.equivalents,
    repeatable: v.repeatable,
    collegeHours: v.collegeHours,
    highSchoolCredit: v.highSchoolCredit,
    description: v.description,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedList = (k: CourseField) => ['flags', 'endorsements', 'gradeLevels'].includes(k);

interface PendingCatalog {
  kind: 'catalog-csv' | 'catalog-edfi';
  fileName: string;
  writes: { code: string; fields: CourseFields; existingId: number | null; existingVersion: number | null }[];
  unchanged: number;
  /** The preview had errors: commit refuses. */
  blocked: boolean;
  stamp: string;
}

export class CatalogService {
  constructor(
    private readonly store: CourseStore,
    private readonly ctx: Pick<AppContext, 'dialogs' | 'now'>,
    private readonly pending: PendingImports,
  ) {}

  private get db() {
    return this.store.db;
  }

  /** Codes used anywhere (plans, transcripts, requests, recommendations) with how often. */
  private uses(): Map<string, { uses: number; title: string | null }> {
    const rows = this.db
      .prepare(
        `SELECT code, count(*) AS n, max(title) AS title FROM (
          SELECT course_code AS code, NULL AS title FROM plan_entries
          UNION ALL SELECT course_code, title FROM course_records
          UNION ALL SELECT course_code, NULL FROM course_requests
          UNION ALL SELECT course_code, NULL FROM placement_recommendations
        ) GROUP BY code`,
      )
      .all() as { code: string; n: number; title: string | null }[];
    return new Map(rows.map((r) => [r.code, { uses: r.n, title: r.title }]));
  }

  list(): CatalogList {
    const rs = this.store.defaultRuleSet();
    const rows = this.store.courseRows();
    const uses = this.uses();
    const codes = new Set(rows.map((r) => r.code));
    const courses: CourseView[] = rows.map((r) => {
      const v = toCourseView(r);
      const kinds = courseKinds(rs.def, v);
      return {
        ...v,
        kinds: [...kinds].map((k) => ({ id: k, label: rs.def.courseKinds[k]?.label ?? { en: k, es: k }, fromTag: v.tags.includes(k) })),
        usedBy: uses.get(r.code)?.uses ?? 0,
      };
    });
    const missing: MissingCourse[] = [...uses.entries()]
      .filter(([code]) => !codes.has(code))
      .map(([code, u]) => ({ code, title: u.title, uses: u.uses, likely: leadingZeroTwin(code, codes) }))
      .sort((a, b) => b.uses - a.uses || a.code.localeCompare(b.code));
    return { courses, missing, kindsRuleSet: { ref: rs.ref, name: rs.def.name } };
  }

  private view(code: string): CourseView {
    const row = this.store.courseByCode(code);
    if (!row) throw new AppError('NOT_FOUND', 'That course no longer exists.');
    const rs = this.store.defaultRuleSet();
    const v = toCourseView(row);
    const kinds = courseKinds(rs.def, v);
    return { ...v, kinds: [...kinds].map((k) => ({ id: k, label: rs.def.courseKinds[k]?.label ?? { en: k, es: k }, fromTag: v.tags.includes(k) })), usedBy: this.uses().get(code)?.uses ?? 0 };
  }

  /** Unknown prerequisite codes and cycles once `changes` are applied to the catalog. */
  private graphProblems(changes: Map<string, CourseFields>, removed: Set<string> = new Set()): ReturnType<typeof checkPrerequisiteGraph> {
    const nodes = new Map<string, { code: string; prerequisites: string[][] }>();
    for (const r of this.store.courseRows()) if (!removed.has(r.code)) nodes.set(r.code, { code: r.code, prerequisites: JSON.parse(r.prerequisites) as string[][] });
    for (const [code, f] of changes) nodes.set(code, { code, prerequisites: f.prerequisites });
    return checkPrerequisiteGraph([...nodes.values()]);
  }

  save(input: z.output<typeof saveCourseInput>): CourseView {
    const f: CourseFields = { ...input.fields, equivalents: input.fields.equivalents.filter((e) => e !== input.fields.code) };
    const db = this.db;
    const ts = this.ctx.now().toISOString();
    const code = db.transaction(() => {
      let existing: CourseDbRow | undefined;
      if (input.id !== undefined) {
        existing = db.prepare('SELECT * FROM courses WHERE id = ?').get(input.id) as CourseDbRow | undefined;
        if (!existing) throw new AppError('NOT_FOUND', 'That course no longer exists.');
        if (existing.version !== input.version) throw new AppError('CONFLICT', 'This course was changed since you opened it. Reload it before saving.', { currentVersion: existing.version });
        if (existing.code !== f.code && (this.uses().get(existing.code)?.uses ?? 0) > 0) {
          throw new AppError('VALIDATION', `The code "${existing.code}" is used in plans, transcripts or requests, so it cannot be renamed. Add a new course instead.`, { field: 'code', reason: 'code-in-use', code: existing.code });
        }
      }
      const clash = this.store.courseByCode(f.code);
      if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', `Another course already has the code "${f.code}".`, { field: 'code', code: f.code });
      if (f.prerequisites.some((g) => g.includes(f.code))) {
        throw new AppError('VALIDATION', `"${f.code}" cannot be its own prerequisite.`, { field: 'prerequisites', reason: 'self', code: f.code });
      }
      const removed = new Set(existing && existing.code !== f.code ? [existing.code] : []);
      const graph = this.graphProblems(new Map([[f.code, f]]), removed);
      const unknown = graph.find((g) => g.kind === 'unknown' && g.code === f.code);
      if (unknown && unknown.kind === 'unknown') {
        throw new AppError('VALIDATION', `The prerequisite "${unknown.prerequisite}" is not in the catalog.`, { field: 'prerequisites', reason: 'unknown', code: unknown.prerequisite });
      }
      const dangling = graph.find((g) => g.kind === 'unknown');
      if (dangling && dangling.kind === 'unknown') {
        throw new AppError('VALIDATION', `"${dangling.code}" lists "${dangling.prerequisite}" as a prerequisite, so that code cannot change.`, { field: 'code', reason: 'prerequisite-of', code: dangling.code });
      }
      const cycle = graph.find((g) => g.kind === 'cycle');
      if (cycle && cycle.kind === 'cycle') {
        throw new AppError('VALIDATION', `These prerequisites would make a cycle: ${describeCycle(cycle.cycle)}.`, { field: 'prerequisites', reason: 'cycle', cycle: describeCycle(cycle.cycle) });
      }
      const params = this.params(f);
      if (existing) {
        const changed = FIELDS.filter((k) => !same(fieldsOf(existing!)[k], f[k]));
        if (changed.length === 0) return f.code;
        db.prepare(`UPDATE courses SET code=?, title=?, credits=?, subject=?, grade_levels=?, prerequisites=?, flags=?, endorsements=?, tags=?, cluster=?, language=?,
          equivalents=?, repeatable=?, college_hours=?, high_school_credit=?, description=?, version = version + 1, updated_at=? WHERE id=? AND version=?`).run(...params, ts, existing.id, existing.version);
        recordAudit(db, this.ctx.now(), { action: 'catalog.update', entityType: 'course', entityId: existing.id, summary: changed.join(',') });
      } else {
        const id = Number(
          db
            .prepare(`INSERT INTO courses (code, title, credits, subject, grade_levels, prerequisites, flags, endorsements, tags, cluster, language, equivalents, repeatable,
              college_hours, high_school_credit, description, source, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'manual',1,?,?)`)
            .run(...params, ts, ts).lastInsertRowid,
        );
        recordAudit(db, this.ctx.now(), { action: 'catalog.create', entityType: 'course', entityId: id });
      }
      return f.code;
    })();
    this.store.clear();
    return this.view(code);
  }

  private params(f: CourseFields): unknown[] {
    return [
      f.code, f.title, f.credits, f.subject, JSON.stringify(f.gradeLevels), JSON.stringify(f.prerequisites), JSON.stringify([...f.flags].sort()), JSON.stringify([...f.endorsements].sort()),
      JSON.stringify(f.tags), f.cluster, f.language, JSON.stringify(f.equivalents), f.repeatable ? 1 : 0, f.collegeHours, f.highSchoolCredit ? 1 : 0, f.description,
    ];
  }

  remove(id: number, version: number): null {
    const db = this.db;
    db.transaction(() => {
      const row = db.prepare('SELECT * FROM courses WHERE id = ?').get(id) as CourseDbRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'That course no longer exists.');
      if (row.version !== version) throw new AppError('CONFLICT', 'This course was changed since you opened it.', { currentVersion: row.version });
      const uses = this.uses().get(row.code)?.uses ?? 0;
      if (uses > 0) throw new AppError('VALIDATION', `"${row.code}" is used ${uses} times in plans, transcripts or requests; it cannot be deleted.`, { reason: 'in-use', uses });
      const needing = (db.prepare('SELECT code, prerequisites FROM courses WHERE id <> ?').all(id) as { code: string; prerequisites: string }[]).filter((r) =>
        (JSON.parse(r.prerequisites) as string[][]).some((g) => g.includes(row.code)),
      );
      if (needing.length) {
        throw new AppError('VALIDATION', `"${row.code}" is a prerequisite of ${needing.map((n) => n.code).join(', ')}; change those courses first.`, { reason: 'prerequisite-of', codes: needing.map((n) => n.code).join(', ') });
      }
      db.prepare('DELETE FROM courses WHERE id = ?').run(id);
      recordAudit(db, this.ctx.now(), { action: 'catalog.delete', entityType: 'course', entityId: id });
    })();
    this.store.clear();
    return null;
  }

  // ---- imports ------------------------------------------------------------------------------

  async previewCsv(): Promise<CatalogImportPreview | null> {
    const paths = await this.ctx.dialogs.chooseOpenFiles('import', [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }]);
    if (!paths?.length) return null;
    const bytes = new Uint8Array(await readFile(paths[0]));
    return this.preview('catalog-csv', parseCatalogCsv(bytes, basename(paths[0])));
  }

  async previewEdfi(): Promise<CatalogImportPreview | null> {
    const paths = await this.ctx.dialogs.chooseOpenFiles('import', [{ name: 'Ed-Fi XML', extensions: ['xml'] }]);
    if (!paths?.length) return null;
    const bytes = new Uint8Array(await readFile(paths[0]));
    return this.preview('catalog-edfi', parseEdfiCatalog({ name: basename(paths[0]), bytes }));
  }

  /** Diff a parsed file against the catalog; the result is stored for an all-or-nothing commit. */
  preview(kind: PendingCatalog['kind'], parsed: CatalogParseResult): CatalogImportPreview {
    const problems: CourseImportProblem[] = [...parsed.problems];
    const existing = new Map(this.store.courseRows().map((r) => [r.code, r]));
    const rows: CatalogImportRow[] = [];
    const writes: PendingCatalog['writes'] = [];
    const merged = new Map<string, CourseFields>();
    const rowOf = new Map<string, number | null>();
    for (const c of parsed.courses) {
      const old = existing.get(c.code);
      const base: CourseFields = old ? fieldsOf(old) : { code: c.code, title: c.code, subject: 'elective', ...EMPTY };
      const next: CourseFields = { ...base };
      for (const k of c.present) (next as Record<string, unknown>)[k] = c.fields[k];
      for (const k of FIELDS) if (sortedList(k)) (next as Record<string, unknown>)[k] = [...(next[k] as string[])].sort();
      const changed = old ? FIELDS.filter((k) => !same(sortedList(k) ? [...(base[k] as string[])].sort() : base[k], next[k])) : [];
      merged.set(c.code, next);
      rowOf.set(c.code, c.row);
      rows.push({ row: c.row, code: c.code, title: next.title, outcome: !old ? 'new' : changed.length ? 'updated' : 'unchanged', changed });
      if (!old || changed.length) writes.push({ code: c.code, fields: next, existingId: old?.id ?? null, existingVersion: old?.version ?? null });
    }
    const prereqColumn = parsed.columnNames?.prerequisites ?? (kind === 'catalog-csv' ? 'prerequisites' : 'Course');
    for (const issue of this.graphProblems(merged)) {
      if (issue.kind === 'unknown') {
        // Only problems the file causes: an existing course pointing at a code the file does not touch was already checked.
        if (!merged.has(issue.code)) continue;
        problems.push(
          problemAt({ fileName: parsed.fileName, row: rowOf.get(issue.code) ?? null, column: prereqColumn }, 'error', 'prerequisite-unknown', `"${issue.code}" needs "${issue.prerequisite}", which is neither in this file nor in the catalog. Add that course or correct the code.`, {
            code: issue.code,
            prerequisite: issue.prerequisite,
          }),
        );
      } else {
        const fromFile = issue.cycle.find((c) => merged.has(c)) ?? issue.code;
        problems.push(
          problemAt({ fileName: parsed.fileName, row: rowOf.get(fromFile) ?? null, column: prereqColumn }, 'error', 'prerequisite-cycle', `The prerequisites form a cycle: ${describeCycle(issue.cycle)}. No student could take these courses in order.`, {
            cycle: describeCycle(issue.cycle),
          }),
        );
      }
    }
    for (const [code, f] of merged) {
      for (const e of f.equivalents) {
        if (!merged.has(e) && !existing.has(e)) {
          problems.push(problemAt({ fileName: parsed.fileName, row: rowOf.get(code) ?? null, column: parsed.columnNames?.equivalents ?? 'equivalents' }, 'warning', 'equivalent-unknown', `"${code}" is equivalent to "${e}", which is not in the catalog yet.`, { code, equivalent: e }));
        }
      }
    }
    const withoutCredits = [...merged.values()].filter((f) => f.credits === null && f.highSchoolCredit).length;
    if (kind === 'catalog-edfi' && withoutCredits > 0) {
      problems.push(
        problemAt({ fileName: parsed.fileName, row: null, column: null }, 'warning', 'edfi-no-credits', `${withoutCredits} high-school courses in this file carry no credit value. They are imported with credits not set and count for nothing until you set them (edit them, or import a CSV with credits).`, {
          count: withoutCredits,
        }),
      );
    }
    const rejectedRows = new Set(problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row));
    const canCommit = !problems.some((p) => p.severity === 'error');
    const counts = {
      new: rows.filter((r) => r.outcome === 'new').length,
      updated: rows.filter((r) => r.outcome === 'updated').length,
      unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
      rejected: rejectedRows.size,
    };
    const token = this.pending.put<PendingCatalog>('catalog', { kind, fileName: parsed.fileName, writes: canCommit ? writes : [], unchanged: counts.unchanged, blocked: !canCommit, stamp: this.store.catalogStamp() });
    return { token, kind, fileNames: [parsed.fileName], counts, problems: sortProblems(problems) as CourseImportProblem[], canCommit, rows, withoutCredits };
  }

  commit(token: string): ImportCommitResult {
    const payload = this.pending.get<PendingCatalog>('catalog', token);
    if (payload.blocked) throw new AppError('IMPORT_INVALID', 'This file has errors; fix them and choose it again. Nothing was imported.');
    const db = this.db;
    const counts = db.transaction(() => {
      if (this.store.catalogStamp() !== payload.stamp) {
        throw new AppError('CONFLICT', 'The catalog changed after this preview. Choose the file again to see the current differences.');
      }
      const changes = new Map(payload.writes.map((w) => [w.code, w.fields]));
      const graph = this.graphProblems(changes).filter((g) => g.kind === 'cycle' || changes.has(g.code));
      if (graph.length) throw new AppError('IMPORT_INVALID', 'The catalog would have prerequisite problems; nothing was imported.');
      const c = { new: 0, updated: 0, unchanged: payload.unchanged, rejected: 0 };
      if (payload.writes.length === 0) return c;
      const ts = this.ctx.now().toISOString();
      const importId = Number(db.prepare('INSERT INTO course_imports (kind, file_name, imported_at, counts) VALUES (?, ?, ?, ?)').run(payload.kind, payload.fileName, ts, '{}').lastInsertRowid);
      const source = payload.kind === 'catalog-csv' ? 'csv' : 'edfi';
      const insert = db.prepare(`INSERT INTO courses (code, title, credits, subject, grade_levels, prerequisites, flags, endorsements, tags, cluster, language, equivalents, repeatable,
        college_hours, high_school_credit, description, source, import_id, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)`);
      const update = db.prepare(`UPDATE courses SET code=?, title=?, credits=?, subject=?, grade_levels=?, prerequisites=?, flags=?, endorsements=?, tags=?, cluster=?, language=?,
        equivalents=?, repeatable=?, college_hours=?, high_school_credit=?, description=?, source=?, import_id=?, version = version + 1, updated_at=? WHERE id=? AND version=?`);
      for (const w of payload.writes) {
        if (w.existingId === null) {
          insert.run(...this.params(w.fields), source, importId, ts, ts);
          c.new++;
        } else {
          const r = update.run(...this.params(w.fields), source, importId, ts, w.existingId, w.existingVersion);
          if (r.changes !== 1) throw new AppError('CONFLICT', 'A course changed after this preview. Choose the file again.');
          c.updated++;
        }
      }
      db.prepare('UPDATE course_imports SET counts = ? WHERE id = ?').run(JSON.stringify(c), importId);
      recordAudit(db, this.ctx.now(), { action: 'catalog.import', entityType: 'course_import', entityId: importId, summary: `${c.new} new, ${c.updated} updated (${payload.kind})` });
      return c;
    })();
    this.pending.drop(token);
    this.store.clear();
    return { counts };
  }

  cancel(token: string): null {
    // Only drop catalog previews: a token from another importer is left alone.
    this.pending.get<PendingCatalog>('catalog', token);
    this.pending.drop(token);
    return null;
  }
}

