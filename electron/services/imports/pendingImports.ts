import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/errors';

/**
 * Parsed files waiting between "preview" and "commit". The renderer only ever holds the
 * token; the parsed rows stay in the main process. Everything is dropped when the vault
 * locks (the parsed rows are student data) and after `ttlMs` without a commit.
 */
export class PendingImports {
  private readonly items = new Map<string, { kind: string; payload: unknown; expires: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  put<T>(kind: string, payload: T): string {
    this.sweep();
    const token = randomUUID();
    this.items.set(token, { kind, payload, expires: this.now().getTime() + this.ttlMs });
    return token;
  }

  /** The payload for `token` if it is of `kind`; the token stays valid until `drop`. */
  get<T>(kind: string, token: string): T {
    this.sweep();
    const item = this.items.get(token);
    if (!item || item.kind !== kind) {
      throw new AppError('NOT_FOUND', 'This import preview is no longer available (the vault was locked or it expired). Choose the file again.');
    }
    return item.payload as T;
  }

  drop(token: string): void {
    this.items.delete(token);
  }

  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [k, v] of this.items) if (v.expires <= t) this.items.delete(k);
  }
}
