import type { ApiError, ErrorCode } from '../contract/errors';

/** An expected failure with a stable code and a sentence a patient understands. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    return error;
  }
}

/** The answer to anything that needs the journal while it is locked. */
export function journalLocked(): AppError {
  return new AppError('VAULT_LOCKED', 'Your journal is locked. Unlock it to continue.');
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

const STORAGE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  SQLITE_FULL: 'the disk is full',
  EACCES: 'it is not allowed to write there',
  EPERM: 'it is not allowed to write there',
  EROFS: 'the disk is read-only',
  SQLITE_READONLY: 'the disk is read-only',
  EIO: 'the disk reported an error',
  SQLITE_IOERR: 'the disk reported an error',
};

/** Turns a file-system or database write failure into words, or null if it is something else. */
export function storageFailure(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const problem =
    STORAGE_PROBLEMS[code] ?? (code.startsWith('SQLITE_IOERR') ? STORAGE_PROBLEMS.SQLITE_IOERR : undefined);
  if (!problem) return null;
  return new AppError(
    'STORAGE_FAILED',
    `Axis Journal could not save, because ${problem}. What was saved before is safe; please fix this and try again.`,
  );
}
