import { join } from 'node:path';
import { openCipherDatabase, type Db } from '../db/database';
import { latestVersion, schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';
import { wipe } from '../vault/crypto';
import { readKeyFile } from '../vault/keyFile';
import type { Vault } from '../vault/vault';

export interface CheckReport {
  ok: boolean;
  /** One line per thing checked, in plain words. */
  lines: string[];
}

/**
 * Checks a vault without changing it: the key file parses, the passphrase unwraps the data
 * key, the database opens with it, and SQLite's integrity and foreign-key checks pass. Works
 * while the app has the journal open (it only reads).
 */
export async function checkVault(vault: Vault, passphrase: string): Promise<CheckReport> {
  const lines: string[] = [];
  let ok = true;
  const keyFile = readKeyFile(vault.dir);
  lines.push(
    `Key file ${VAULT_FILES.keyFile}: readable (created ${keyFile.createdAt}, passphrase changed ${keyFile.passphrase.changedAt}).`,
  );
  const dataKey = await vault.revealDataKey(passphrase);
  lines.push('Passphrase: opens the key file.');
  let db: Db;
  try {
    db = openCipherDatabase(join(vault.dir, VAULT_FILES.journal), dataKey, { create: false });
  } catch {
    throw new AppError(
      'JOURNAL_DAMAGED',
      `The database ${VAULT_FILES.journal} does not open with this key file: it may be damaged or belong to another key file.`,
    );
  } finally {
    wipe(dataKey);
  }
  try {
    const version = schemaVersion(db);
    const latest = latestVersion();
    if (version === 0) {
      // A 0-byte or blank file "opens" with any key: it is not a journal.
      return {
        ok: false,
        lines: [
          ...lines,
          `Database ${VAULT_FILES.journal}: EMPTY — it holds no journal (0 bytes or a blank database). Restore a backup.`,
        ],
      };
    }
    lines.push(
      `Database ${VAULT_FILES.journal}: opens with the key; schema version ${version}${version === latest ? '' : ` (this app knows up to ${latest})`}.`,
    );
    const problems = integrityProblems(db);
    if (problems.length) {
      ok = false;
      lines.push(
        `Integrity check: FAILED — ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`,
      );
    } else {
      lines.push('Integrity check: ok.');
      const orphans = db.pragma('foreign_key_check') as unknown[];
      if (orphans.length) ok = false;
      lines.push(
        orphans.length ? `References between tables: ${orphans.length} broken.` : 'References between tables: ok.',
      );
    }
  } finally {
    db.close();
  }
  return { ok, lines };
}

/** SQLite's own findings, or the read error when a page cannot even be decrypted. */
function integrityProblems(db: Db): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
  } catch (error) {
    return [
      `part of the file cannot be read (${error instanceof Error ? error.message : 'unknown error'}): it is damaged`,
    ];
  }
}
