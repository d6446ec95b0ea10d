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

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
