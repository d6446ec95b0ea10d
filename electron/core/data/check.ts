import { join } from 'node:path';
import { openCipherDatabase, type Db } from '../db/database';
import { latestVersion, schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import { VAULT_FILES } from '../paths';
import { bindingRefusal, compareBinding, describeBinding, readJournalBinding } from '../vault/binding';
import { deriveSubkey, SUBKEY_LABEL, wipe } from '../vault/crypto';
import { readKeyFile } from '../vault/keyFile';
import type { Vault } from '../vault/vault';

export interface CheckReport {
  ok: boolean;
  /** One line per thing checked, in plain words. */
  lines: string[];
}

/**
 * Checks a vault without changing it: the key file parses, the passphrase unwraps the data
 * key, the database opens with it, it is the journal this key file belongs to (not another
 * journal's file, not an older copy), and SQLite's integrity and foreign-key checks pass. Works
 * while the app has the journal open: it takes no lock and only reads, through SQLite's WAL
 * reader locks, so it sees the last committed state.
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
  const bindingSubkey = deriveSubkey(dataKey, SUBKEY_LABEL.journalBinding);
  let db: Db;
  try {
    db = openCipherDatabase(join(vault.dir, VAULT_FILES.journal), dataKey, { create: false });
  } catch {
    wipe(bindingSubkey);
    throw new AppError(
      'JOURNAL_DAMAGED',
      `The database ${VAULT_FILES.journal} does not open with this key file: it may be damaged or belong to another key file.`,
    );
  } finally {
    wipe(dataKey);
  }
  try {
    // Whether journal.db is the journal this key file belongs to, and not an older copy of it.
    const binding = compareBinding(keyFile.binding, readJournalBinding(db), bindingSubkey);
    wipe(bindingSubkey);
    const bindingFailed = bindingRefusal(binding, vault.dir) !== null;
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
    lines.push(describeBinding(binding));
    if (bindingFailed) ok = false;
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
    wipe(bindingSubkey);
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
