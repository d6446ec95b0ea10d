import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { openCipherDatabase, writeRekeyedCopy } from '../../electron/core/db/database';
import {
  derivePassphraseKey,
  deriveRecoveryWrapKey,
  randomDataKey,
  randomSalt,
  wrapKey,
  type ScryptCost,
} from '../../electron/core/vault/crypto';
import { WRAP_PURPOSE, readKeyFile, writeKeyFile, type KeyFile } from '../../electron/core/vault/keyFile';
import { generateRecoveryKey } from '../../electron/core/vault/recoveryKey';

/**
 * Puts a locked vault folder in the state a crash mid re-key leaves: vault.json with the pending
 * new key (wrapped under the old key, `newPassphrase` and a new recovery key), and journal.db
 * re-encrypted under the new key (`journalMoved`) or not. Returns the pending recovery key, which a
 * real re-key would only have shown once it finished.
 */
export async function interruptRekey(
  dir: string,
  oldKey: Buffer,
  options: { journalMoved: boolean; newPassphrase: string; scryptCost: ScryptCost },
): Promise<{ newRecovery: string }> {
  const newKey = randomDataKey();
  const newRecovery = generateRecoveryKey();
  const now = new Date().toISOString();
  const passphraseSalt = randomSalt();
  const recoverySalt = randomSalt();
  const keyFile = readKeyFile(dir);
  const pending: NonNullable<KeyFile['rekey']> = {
    startedAt: now,
    underOldKey: wrapKey(newKey, oldKey, WRAP_PURPOSE.rekey),
    oldUnderNewKey: wrapKey(oldKey, newKey, WRAP_PURPOSE.rekeyBack),
    passphrase: {
      kdf: { name: 'scrypt', ...options.scryptCost, salt: passphraseSalt },
      wrapped: wrapKey(
        newKey,
        await derivePassphraseKey(options.newPassphrase, passphraseSalt, options.scryptCost),
        WRAP_PURPOSE.passphrase,
      ),
      changedAt: now,
    },
    recovery: {
      kdf: { name: 'hkdf-sha256', salt: recoverySalt },
      wrapped: wrapKey(
        newKey,
        await deriveRecoveryWrapKey(newRecovery.normalized, recoverySalt),
        WRAP_PURPOSE.recovery,
      ),
      createdAt: now,
    },
  };
  writeKeyFile(dir, { ...keyFile, rekey: pending });
  if (options.journalMoved) {
    const db = openCipherDatabase(join(dir, 'journal.db'), oldKey, { create: false });
    writeRekeyedCopy(db, join(dir, 'journal.db.rekeying'), oldKey, newKey);
    db.close();
    renameSync(join(dir, 'journal.db.rekeying'), join(dir, 'journal.db'));
  }
  return { newRecovery: newRecovery.normalized };
}
