/** Stable error codes: tests and the renderer branch on these, people read the message. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_IN_USE',
  'VAULT_TOO_NEW',
  'KEY_FILE_MISSING',
  'KEY_FILE_DAMAGED',
  'JOURNAL_MISSING',
  'JOURNAL_DAMAGED',
  'BACKUP_DAMAGED',
  'IMPORT_INVALID',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_AVAILABLE',
  'STORAGE_FAILED',
  'HOST_UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** A sentence a patient understands. Never contains a passphrase or key. */
  message: string;
  /** For TOO_MANY_ATTEMPTS: how long to wait before the next try. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
