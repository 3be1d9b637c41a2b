/**
 * Errors cross the IPC boundary as plain `{ code, message }` objects: Electron only
 * forwards `.message` of a thrown error, so codes would otherwise be lost.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'VAULT_LOCKED',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'NOT_A_VAULT',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'UNLOCK_THROTTLED',
  'WEAK_PASSPHRASE',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'IMPORT_INVALID',
  'CANCELLED',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. field issues or a retry delay. Never student data in logs. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toJSON(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
