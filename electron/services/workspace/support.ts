import { AppError } from '../../../shared/ipc/errors';
import { localIsoDate } from '../../../shared/domain/dates';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';
import { recordAudit, type AuditEntry } from '../../vault/auditLog';

/** What every workspace service is built from: the open vault and a clock. */
export interface WorkspaceDeps {
  session: () => VaultSession;
  now: () => Date;
}

export abstract class WorkspaceServiceBase {
  constructor(protected readonly deps: WorkspaceDeps) {}

  protected get db(): RawDatabase {
    return this.deps.session().db;
  }

  protected timestamp(): string {
    return this.deps.now().toISOString();
  }

  protected today(): string {
    return localIsoDate(this.deps.now());
  }

  protected audit(entry: AuditEntry): void {
    recordAudit(this.db, this.deps.now(), entry);
  }

  /** The student must exist (archived students keep their plan and can still be edited). */
  protected requireStudent(studentId: number): void {
    if (!this.db.prepare('SELECT 1 FROM students WHERE id = ?').get(studentId)) throw new AppError('NOT_FOUND', 'No such student.');
  }
}

export function requireVersion(current: { version: number }, version: number, what: string): void {
  if (current.version !== version) {
    throw new AppError('CONFLICT', `This ${what} was changed since you opened it. Reload to see the latest before saving.`, {
      currentVersion: current.version,
    });
  }
}

export function notFound(what: string): never {
  throw new AppError('NOT_FOUND', `That ${what} no longer exists.`);
}

/** A cross-field rule failed: same shape as the dispatcher's schema errors, so forms can mark the field. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', `${field}: ${message}`, { issues: [{ path: [field], message, code: 'custom' }] });
}

export function parseJsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? (v as T[]) : [];
}

/**
 * Which of `keys` an edit changes: present in `changes`, not undefined, and different from
 * the current value (arrays compared by content). The audit log records these names only.
 */
export function changedKeys<K extends string>(current: { [P in K]: unknown }, changes: { [P in K]?: unknown }, keys: readonly K[]): K[] {
  const out: K[] = [];
  for (const key of keys) {
    if (!(key in changes)) continue;
    const next = changes[key];
    if (next === undefined) continue;
    const prev = current[key];
    const same = Array.isArray(prev) && Array.isArray(next) ? JSON.stringify(prev) === JSON.stringify(next) : prev === next;
    if (!same) out.push(key);
  }
  return out;
}
