import { randomBytes } from 'node:crypto';
import { RECOVERY_ALPHABET, RECOVERY_KEY_LENGTH, formatRecoveryKey } from '../../contract/recoveryKey';

/** A fresh recovery key, normalised (no dashes). 256 is a multiple of 32, so each character is uniform. */
export function generateRecoveryKey(): { normalized: string; formatted: string } {
  const bytes = randomBytes(RECOVERY_KEY_LENGTH);
  const normalized = [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]).join('');
  bytes.fill(0);
  return { normalized, formatted: formatRecoveryKey(normalized) };
}
