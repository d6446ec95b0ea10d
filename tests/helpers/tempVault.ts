import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault';
import type { ScryptCost } from '../../electron/core/vault/crypto';

/** A cheap scrypt cost for tests that are not about key derivation (the file records it). */
export const FAST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'lavender otter umbrella 42';

const made: string[] = [];

export function tempDir(prefix = 'axis-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function fastVault(dir: string, options: VaultOptions = {}): Vault {
  return new Vault(dir, { scryptCost: FAST_SCRYPT, ...options });
}

/** Every file in a folder with its bytes, to prove that an operation changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name)).toString('base64');
  return files;
}
