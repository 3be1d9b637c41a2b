import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { caseloadViewQuery, type CaseloadView, type saveCaseloadViewInput } from '../../../shared/ipc/contract/caseloadViews';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';

interface ViewRow {
  id: number;
  name: string;
  query: string;
  updated_at: string;
}

/**
 * Saved caseload views, kept inside the vault (a view's search text or filters can say
 * something about students, so they are not preferences).
 */
export class CaseloadViewsService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly now: () => Date,
  ) {}

  private get db(): RawDatabase {
    return this.session().db;
  }

  list(): CaseloadView[] {
    const rows = this.db.prepare('SELECT id, name, query, updated_at FROM caseload_views ORDER BY name COLLATE NOCASE').all() as ViewRow[];
    const out: CaseloadView[] = [];
    for (const r of rows) {
      // A view saved by an older version with a filter value that no longer exists is read as far as it goes.
      const parsed = caseloadViewQuery.safeParse(safeJson(r.query));
      if (parsed.success) out.push({ id: r.id, name: r.name, query: parsed.data, updatedAt: r.updated_at });
    }
    return out;
  }

  save(input: z.output<typeof saveCaseloadViewInput>): CaseloadView {
    const db = this.db;
    const ts = this.now().toISOString();
    const json = JSON.stringify(input.query);
    const id = db.transaction(() => {
      const existing = db.prepare('SELECT id FROM caseload_views WHERE name = ? COLLATE NOCASE').get(input.name) as { id: number } | undefined;
      if (existing && !input.replace) throw new AppError('DUPLICATE', 'A view with this name already exists.', { field: 'name' });
      if (existing) {
        db.prepare('UPDATE caseload_views SET name = ?, query = ?, updated_at = ? WHERE id = ?').run(input.name, json, ts, existing.id);
        return existing.id;
      }
      return Number(db.prepare('INSERT INTO caseload_views (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)').run(input.name, json, ts, ts).lastInsertRowid);
    })();
    return this.list().find((v) => v.id === id)!;
  }

  remove(id: number): void {
    const r = this.db.prepare('DELETE FROM caseload_views WHERE id = ?').run(id);
    if (r.changes === 0) throw new AppError('NOT_FOUND', 'This view was already deleted.');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
