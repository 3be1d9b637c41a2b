import type { RawDatabase } from './database';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: number;
  /** What happened, without copying sensitive content (e.g. which fields changed, not their values). */
  summary?: string;
}

/** Append one row to the vault's append-only audit log (inside the encrypted database). */
export function recordAudit(db: RawDatabase, at: Date, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_events (at, action, entity_type, entity_id, summary) VALUES (?, ?, ?, ?, ?)').run(
    at.toISOString(),
    entry.action,
    entry.entityType ?? null,
    entry.entityId ?? null,
    entry.summary ?? null,
  );
}
