/**
 * Recovery keys: 30 characters of RFC 4648 base32 (150 random bits), shown as 6 groups of 5.
 * Shared by the core (which generates and checks keys) and the renderer (which formats input).
 */
export const RECOVERY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LENGTH = 5;
export const RECOVERY_KEY_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

/** Digits that are not in the alphabet but are easily written for a letter that is. */
const LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' };

/** Upper-cases, drops spaces and dashes, and maps look-alike digits; does not check length. */
export function normalizeRecoveryKey(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[018]/g, (d) => LOOKALIKES[d] ?? d);
}

export function isWellFormedRecoveryKey(normalized: string): boolean {
  if (normalized.length !== RECOVERY_KEY_LENGTH) return false;
  return [...normalized].every((c) => RECOVERY_ALPHABET.includes(c));
}

export function formatRecoveryKey(normalized: string): string {
  const groups: string[] = [];
  for (let i = 0; i < normalized.length; i += RECOVERY_GROUP_LENGTH) {
    groups.push(normalized.slice(i, i + RECOVERY_GROUP_LENGTH));
  }
  return groups.join('-');
}
