/** Failures allowed before the app starts making people wait. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 300;

/**
 * Counts wrong passphrases and recovery keys. After a few, each further try must wait longer
 * (2 s, 4 s, 8 s … up to 5 minutes). Kept in memory: the real protection against guessing is
 * the slow key derivation, this only slows down someone at the keyboard.
 */
export class AttemptLimiter {
  private failures = 0;
  private nextAllowedAtMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before another attempt is accepted (0 = go ahead). */
  retryAfterSeconds(): number {
    return Math.max(0, Math.ceil((this.nextAllowedAtMs - this.now()) / 1000));
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      const delay = Math.min(MAX_DELAY_SECONDS, 2 ** (this.failures - FREE_ATTEMPTS + 1));
      this.nextAllowedAtMs = this.now() + delay * 1000;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.nextAllowedAtMs = 0;
  }
}
