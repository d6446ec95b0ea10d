import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_PASSPHRASE_WRONG } from '../../contract/dataTerms';
import type { CreatedVault, VaultStatus } from '../../contract/vault';
import { AppError, isAppError, journalLocked } from '../errors';
import { VAULT_FILES } from '../paths';
import { useClock } from '../clock';
import {
  applyConnectionSettings,
  openCipherDatabase,
  removeDatabaseFiles,
  snapshotForRekey,
  type Db,
} from '../db/database';
import { rekeySnapshot, type RekeyProgress } from '../db/rekeyRunner';
import { assertNotFromTheFuture, migrate, schemaVersion } from '../db/migrate';
import { fsyncDirectory, writeFileDurably } from '../durableFiles';
import { AttemptLimiter } from './attempts';
import {
  DEFAULT_SCRYPT_COST,
  derivePassphraseKey,
  deriveRecoveryWrapKey,
  deriveSubkey,
  hmacSha256,
  randomDataKey,
  randomSalt,
  SUBKEY_LABEL,
  unwrapKey,
  wipe,
  wrapKey,
  type ScryptCost,
} from './crypto';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, WRAP_PURPOSE, readKeyFile, writeKeyFile, type KeyFile } from './keyFile';
import {
  advanceJournalBinding,
  bindingRefusal,
  compareBinding,
  readJournalBinding,
  sealBinding,
  type JournalBinding,
} from './binding';
import { VaultLock } from './lockFile';
import { generateRecoveryKey } from './recoveryKey';

export interface VaultOptions {
  /** scrypt cost for new wraps; lower only in tests. Existing weaker wraps are upgraded on unlock. */
  scryptCost?: ScryptCost;
  nativeBinding?: string | undefined;
  now?: () => number;
  /** Runs inside every freshly opened journal, after migrations (e.g. adding new library foods). */
  onOpen?: (db: Db) => void;
  /** The built re-key worker (out/main/rekeyWorker.js); without it a re-key runs on this thread. */
  rekeyWorker?: URL | undefined;
}

interface OpenVault {
  db: Db;
  lock: VaultLock;
  createdAt: string;
  /** HKDF subkeys of the data key, held while unlocked (the data key itself is only in SQLite). */
  subkeys: Subkeys;
  /** The journal's id and generation as the database now records them. */
  binding: JournalBinding;
}

interface Subkeys {
  backupHeader: Buffer;
  binding: Buffer;
}

function deriveSubkeys(dataKey: Buffer): Subkeys {
  return {
    backupHeader: deriveSubkey(dataKey, SUBKEY_LABEL.backupHeader),
    binding: deriveSubkey(dataKey, SUBKEY_LABEL.journalBinding),
  };
}

function wipeSubkeys(subkeys: Subkeys): void {
  wipe(subkeys.backupHeader, subkeys.binding);
}

/**
 * One vault folder: `vault.json` (the data key, wrapped twice) and `journal.db` (SQLCipher 4).
 * All operations are serialised, so two clicks on "Unlock" cannot race.
 */
export class Vault {
  private open: OpenVault | null = null;
  private readonly attempts: AttemptLimiter;
  private readonly scryptCost: ScryptCost;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles when a running re-key is over; null when none runs. */
  private rekeying: Promise<void> | null = null;
  private progress: RekeyProgress | null = null;

  constructor(
    readonly dir: string,
    private readonly options: VaultOptions = {},
  ) {
    this.attempts = new AttemptLimiter(options.now);
    this.scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  }

  /**
   * Waits while a re-key runs: every request that touches the journal goes through this, so none
   * can write between the re-key's snapshot and the moment its copy replaces journal.db.
   */
  async whenNotRekeying(): Promise<void> {
    while (this.rekeying) await this.rekeying;
  }

  /** The running re-key's pages done and total, or null. */
  get rekeyProgress(): RekeyProgress | null {
    return this.progress ? { ...this.progress } : null;
  }

  get isUnlocked(): boolean {
    return this.open !== null;
  }

  /**
   * The seal of a backup's header: HMAC-SHA256 under a key derived from the open journal's data
   * key, checked on restore once the backup's own key file has yielded that data key.
   */
  sealBackupHeader(headerBytes: Buffer): Buffer {
    if (!this.open) throw new AppError('VAULT_LOCKED', 'Your journal is locked. Unlock it to continue.');
    return hmacSha256(this.open.subkeys.backupHeader, headerBytes);
  }

  /** The open journal database; throws VAULT_LOCKED when locked. */
  get db(): Db {
    if (!this.open) throw journalLocked();
    return this.open.db;
  }

  status(): VaultStatus {
    const vaultDir = this.dir;
    if (this.open)
      return {
        state: 'unlocked',
        vaultDir,
        createdAt: this.open.createdAt,
        ...(this.progress ? { rekey: { ...this.progress } } : {}),
      };
    const hasKeyFile = existsSync(join(this.dir, VAULT_FILES.keyFile));
    const hasJournal = existsSync(this.journalPath);
    if (!hasKeyFile && (!hasJournal || this.creationWasInterrupted())) return { state: 'absent', vaultDir };
    try {
      readKeyFile(this.dir);
      if (!hasJournal) throw journalMissing(this.dir);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { state: 'unavailable', vaultDir, problem: { code: error.code, message: error.message } };
    }
    return { state: 'locked', vaultDir, retryAfterSeconds: this.attempts.retryAfterSeconds() };
  }

  create(passphrase: string): Promise<CreatedVault> {
    return this.serial(async () => {
      const unfinished = this.creationWasInterrupted();
      if (
        this.open ||
        existsSync(join(this.dir, VAULT_FILES.keyFile)) ||
        (existsSync(this.journalPath) && !unfinished)
      ) {
        throw new AppError('VAULT_EXISTS', `There is already a journal in ${this.dir}. Nothing was changed.`);
      }
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const lock = VaultLock.acquire(this.dir, this.options.nativeBinding);
      // A journal whose making was cut off (the app stopped before vault.json existed) has no key
      // anyone could use and nothing written in it: clear it away and start again.
      if (unfinished) removeFreshJournal(this.journalPath);
      const dataKey = randomDataKey();
      const recovery = generateRecoveryKey();
      try {
        const now = new Date(this.now()).toISOString();
        const keyFile: KeyFile = {
          format: KEY_FILE_FORMAT,
          version: KEY_FILE_VERSION,
          createdAt: now,
          database: { cipher: 'sqlcipher', legacy: 4, keyBytes: 32 },
          passphrase: await this.passphraseWrap(dataKey, passphrase, now),
          recovery: await recoveryWrap(dataKey, recovery.normalized, now),
        };
        // The database first, under a marker: if the app stops before vault.json exists, the
        // empty journal is recognised as unfinished (never as a journal whose key file was lost).
        writeFileDurably(this.creatingMarkerPath, `${process.pid}\n`);
        const db = openCipherDatabase(this.journalPath, dataKey, {
          create: true,
          nativeBinding: this.options.nativeBinding,
        });
        let binding: JournalBinding;
        let subkeys: Subkeys | undefined;
        try {
          applyConnectionSettings(db);
          useClock(db, () => this.now());
          migrate(db);
          this.options.onOpen?.(db);
          binding = advanceJournalBinding(db);
          subkeys = deriveSubkeys(dataKey);
          writeKeyFile(this.dir, { ...keyFile, binding: sealBinding(subkeys.binding, binding) });
        } catch (error) {
          if (subkeys) wipeSubkeys(subkeys);
          db.close();
          removeFreshJournal(this.journalPath);
          rmSync(this.creatingMarkerPath, { force: true });
          throw error;
        }
        rmSync(this.creatingMarkerPath, { force: true });
        this.open = { db, lock, createdAt: now, subkeys: subkeys!, binding: binding! };
        this.attempts.recordSuccess();
        return { recoveryKey: recovery.formatted, status: this.status() };
      } catch (error) {
        lock.release();
        throw error;
      } finally {
        wipe(dataKey);
      }
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.serial(async () => {
      if (this.open) return this.status();
      const keyFile = this.readForUnlock();
      if (keyFile.rekey) return this.withNewRecoveryKey(await this.finishInterruptedRekey(keyFile, { passphrase }));
      const dataKey = await this.unwrapForUnlock(keyFile, passphrase);
      try {
        this.openJournal(dataKey, keyFile);
        // Raise an old or test-strength key derivation to today's cost while we have the passphrase.
        const upgraded = isWeaker(keyFile.passphrase.kdf, this.scryptCost)
          ? await this.passphraseWrap(dataKey, passphrase, keyFile.passphrase.changedAt)
          : keyFile.passphrase;
        try {
          // The journal has moved one generation on (committed): vault.json follows.
          this.writeKeyFileBound({ ...keyFile, passphrase: upgraded });
        } catch {
          // Not fatal: the journal is then a generation ahead of vault.json, which the next
          // open accepts and records (and the stronger key derivation is tried again then).
        }
      } finally {
        wipe(dataKey);
      }
      return this.status();
    });
  }

  /** Unlock with the recovery key; a new passphrase is required and replaces the old one. */
  recover(normalizedRecoveryKey: string, newPassphrase: string): Promise<VaultStatus> {
    return this.serial(async () => {
      if (this.open)
        throw new AppError(
          'INVALID_INPUT',
          'Your journal is already unlocked. Change your passphrase in Security instead.',
        );
      const keyFile = this.readForUnlock();
      if (keyFile.rekey)
        return this.withNewRecoveryKey(
          await this.finishInterruptedRekey(keyFile, { recoveryKey: normalizedRecoveryKey, newPassphrase }),
        );
      const wrappingKey = await deriveRecoveryWrapKey(normalizedRecoveryKey, keyFile.recovery.kdf.salt);
      const dataKey = unwrapKey(keyFile.recovery.wrapped, wrappingKey, WRAP_PURPOSE.recovery);
      wipe(wrappingKey);
      if (!dataKey) {
        throw this.failedAttempt(
          'WRONG_RECOVERY_KEY',
          'That recovery key does not fit this journal. Please check each group.',
        );
      }
      try {
        this.openJournal(dataKey, keyFile);
        const now = new Date(this.now()).toISOString();
        this.writeKeyFileBound({ ...keyFile, passphrase: await this.passphraseWrap(dataKey, newPassphrase, now) });
      } catch (error) {
        this.closeJournal();
        throw error;
      } finally {
        wipe(dataKey);
      }
      return this.status();
    });
  }

  /**
   * Re-wraps the data key under a new passphrase. The database itself is not touched, so a leaked
   * data key stays valid: only a re-key retires it.
   */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.serial(async () => {
      const keyFile = this.requireUnlockedKeyFile();
      const dataKey = await this.unwrapWithPassphrase(keyFile, currentPassphrase);
      try {
        const now = new Date(this.now()).toISOString();
        this.writeKeyFileBound({ ...keyFile, passphrase: await this.passphraseWrap(dataKey, newPassphrase, now) });
        await this.rewrapKeptAside(currentPassphrase, newPassphrase, now);
      } finally {
        wipe(dataKey);
      }
    });
  }

  /**
   * Key files a restore kept aside (`before-restore-…/vault.json`) that open with the passphrase
   * being replaced are re-wrapped under the new one, so the old passphrase opens nothing left in
   * the folder while those journals stay reachable.
   */
  private async rewrapKeptAside(currentPassphrase: string, newPassphrase: string, now: string): Promise<void> {
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith('before-restore-')) continue;
      const aside = join(this.dir, name);
      let keyFile: KeyFile;
      try {
        keyFile = readKeyFile(aside);
      } catch {
        continue;
      }
      const dataKey = await tryPassphrase(keyFile.passphrase, currentPassphrase);
      if (!dataKey) continue;
      try {
        writeKeyFile(aside, { ...keyFile, passphrase: await this.passphraseWrap(dataKey, newPassphrase, now) });
      } finally {
        wipe(dataKey);
      }
    }
  }

  /**
   * Replaces the recovery key. The data key is replaced with it (a re-key), so the old recovery
   * key opens nothing in the folder any more, not even with an old copy of vault.json.
   */
  newRecoveryKey(passphrase: string): Promise<string> {
    return this.rekey(passphrase, null);
  }

  /**
   * "I think someone knows my passphrase or recovery key": a new random data key re-encrypts the
   * whole journal, wrapped under the current (or a new) passphrase and a new recovery key. The old
   * passphrase, the old recovery key and the old data key (`axis db-key`) open nothing in the
   * folder afterwards; backups made before still open with the credentials of their day.
   *
   * Crash-safe: the new key is first recorded in vault.json next to the old one (wrapped under
   * the old key and the new credentials); journal.db then changes keys in one SQLite transaction;
   * only after it committed does vault.json drop the old wraps. A crash anywhere leaves journal.db
   * wholly under one of the two keys, and the next unlock with any of the credentials finishes
   * or undoes the re-key. Nothing else can write while it runs: the database work is synchronous
   * and the journal's lock keeps other processes out.
   */
  rekey(currentPassphrase: string, newPassphrase: string | null): Promise<string> {
    return this.serial(async () => {
      const keyFile = this.requireUnlockedKeyFile();
      const oldKey = await this.unwrapWithPassphrase(keyFile, currentPassphrase);
      const newKey = randomDataKey();
      const recovery = generateRecoveryKey();
      try {
        const now = new Date(this.now()).toISOString();
        const passphrase = await this.passphraseWrap(
          newKey,
          newPassphrase ?? currentPassphrase,
          newPassphrase ? now : keyFile.passphrase.changedAt,
        );
        const pending: NonNullable<KeyFile['rekey']> = {
          startedAt: now,
          underOldKey: wrapKey(newKey, oldKey, WRAP_PURPOSE.rekey),
          oldUnderNewKey: wrapKey(oldKey, newKey, WRAP_PURPOSE.rekeyBack),
          passphrase,
          recovery: await recoveryWrap(newKey, recovery.normalized, now),
        };
        const { rekey: _stale, ...settled } = keyFile;
        writeKeyFile(this.dir, { ...settled, rekey: pending });
        const copy = `${this.journalPath}${REKEY_COPY_SUFFIX}`;
        // From the snapshot on, no other request may touch the journal until the copy has replaced
        // it (a save made meanwhile would be lost): they wait at the dispatcher (whenNotRekeying).
        let finish!: () => void;
        this.rekeying = new Promise<void>((resolve) => (finish = resolve));
        this.progress = { pagesDone: 0, pagesTotal: 1 };
        try {
          try {
            snapshotForRekey(this.db, copy);
            await rekeySnapshot(copy, oldKey, newKey, {
              workerUrl: this.options.rekeyWorker,
              nativeBinding: this.options.nativeBinding,
              onProgress: (progress) => (this.progress = progress),
            });
            if (!this.open) throw new Error('the journal was locked while it was being re-encrypted');
          } catch (error) {
            // journal.db was not touched: it stays under the old key, and the new one is dropped.
            try {
              removeDatabaseFiles(copy);
            } catch {
              // Whatever is in the way stays; the next open clears a half-written copy.
            }
            writeKeyFile(this.dir, settled);
            throw new AppError(
              'STORAGE_FAILED',
              `The journal could not be re-encrypted (${(error as Error).message}). Nothing was changed; your passphrase and recovery key are as before.`,
            );
          }
          this.replaceJournalWith(copy, newKey);
        } finally {
          this.rekeying = null;
          this.progress = null;
          finish();
        }
        // The binding is sealed again, under the new key.
        this.writeKeyFileBound({ ...settled, passphrase: pending.passphrase, recovery: pending.recovery });
        removeJournalsKeptAside(this.dir);
        return recovery.formatted;
      } finally {
        wipe(oldKey, newKey);
      }
    });
  }

  /**
   * The raw database key, for someone who wants to open journal.db with another SQLCipher 4 tool
   * (`axis db-key`). Needs the passphrase even when unlocked; a wrong one counts as a failed try.
   */
  revealDataKey(passphrase: string): Promise<Buffer> {
    return this.serial(async () => this.unwrapForUnlock(this.readForUnlock(), passphrase));
  }

  /**
   * Whether vault.json records a re-key that a crash cut off. Its next unlock may have to show a
   * new recovery key, so it must be typed by a person (not opened with a remembered passphrase).
   */
  get hasInterruptedRekey(): boolean {
    try {
      return readKeyFile(this.dir).rekey !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Closes the database and forgets the key. Safe to call when already locked. The journal moves
   * one generation on first (then vault.json), so a copy of journal.db taken while it was open is
   * recognised as older if it is ever put back.
   */
  lock(): boolean {
    const wasOpen = this.open !== null;
    if (this.open) {
      try {
        this.open.binding = advanceJournalBinding(this.open.db);
        this.writeKeyFileBound(readKeyFile(this.dir));
      } catch {
        // Locking must never fail. The journal may now be a generation ahead of vault.json,
        // which the next open accepts and records.
      }
    }
    this.closeJournal();
    return wasOpen;
  }

  /** Writes vault.json with the open journal's binding, sealed under the open data key. */
  private writeKeyFileBound(keyFile: KeyFile): void {
    const { subkeys, binding } = this.open!;
    writeKeyFile(this.dir, { ...keyFile, binding: sealBinding(subkeys.binding, binding) });
  }

  private get journalPath(): string {
    return join(this.dir, VAULT_FILES.journal);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Every check of a passphrase or recovery key waits its turn behind earlier wrong tries. */
  private assertMayTry(): void {
    const retryAfterSeconds = this.attempts.retryAfterSeconds();
    if (retryAfterSeconds > 0) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        `Too many wrong tries. Please wait ${retryAfterSeconds} seconds before trying again.`,
        retryAfterSeconds,
      );
    }
  }

  /**
   * Runs a check of a credential made outside the vault (a backup's passphrase or recovery key)
   * under the same limiter as unlocking: wrong tries count, and make the next ones wait.
   */
  async limitAttempts<T>(check: () => Promise<T>): Promise<T> {
    this.assertMayTry();
    try {
      const result = await check();
      this.attempts.recordSuccess();
      return result;
    } catch (error) {
      if (isAppError(error) && (error.code === 'WRONG_PASSPHRASE' || error.code === 'WRONG_RECOVERY_KEY')) {
        throw this.failedAttempt(error.code, error.message);
      }
      throw error;
    }
  }

  private readForUnlock(): KeyFile {
    this.assertMayTry();
    if (
      !existsSync(join(this.dir, VAULT_FILES.keyFile)) &&
      (!existsSync(this.journalPath) || this.creationWasInterrupted())
    ) {
      throw new AppError('VAULT_NOT_FOUND', `There is no journal in ${this.dir} yet.`);
    }
    const keyFile = readKeyFile(this.dir);
    if (!existsSync(this.journalPath)) throw journalMissing(this.dir);
    return keyFile;
  }

  private requireUnlockedKeyFile(): KeyFile {
    if (!this.open) throw journalLocked();
    return readKeyFile(this.dir);
  }

  /** The data key for the passphrase a person types to get in; a wrong one counts as a failed try. */
  private async unwrapForUnlock(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
    const { kdf } = keyFile.passphrase;
    const wrappingKey = await derivePassphraseKey(passphrase, kdf.salt, kdf);
    const dataKey = unwrapKey(keyFile.passphrase.wrapped, wrappingKey, WRAP_PURPOSE.passphrase);
    wipe(wrappingKey);
    if (!dataKey) throw this.failedAttempt('WRONG_PASSPHRASE', 'That passphrase is not right. Please try again.');
    return dataKey;
  }

  /** The current passphrase, asked again while unlocked; wrong ones count like wrong unlocks. */
  private async unwrapWithPassphrase(
    keyFile: KeyFile,
    passphrase: string,
    wrongMessage = 'Your current passphrase is not right. Nothing was changed.',
  ): Promise<Buffer> {
    this.assertMayTry();
    const { kdf } = keyFile.passphrase;
    const wrappingKey = await derivePassphraseKey(passphrase, kdf.salt, kdf);
    const dataKey = unwrapKey(keyFile.passphrase.wrapped, wrappingKey, WRAP_PURPOSE.passphrase);
    wipe(wrappingKey);
    if (!dataKey) throw this.failedAttempt('WRONG_PASSPHRASE', wrongMessage);
    this.attempts.recordSuccess();
    return dataKey;
  }

  /**
   * Checks the passphrase the open journal unlocks with, before it is deleted or replaced by a
   * backup. Goes through the same limiter as unlocking: wrong tries count and make the next wait.
   */
  confirmPassphrase(passphrase: string): Promise<void> {
    return this.serial(async () => {
      wipe(await this.unwrapWithPassphrase(this.requireUnlockedKeyFile(), passphrase, CURRENT_PASSPHRASE_WRONG));
    });
  }

  /**
   * Puts the finished re-keyed copy in place of journal.db and reopens it, keeping the lock. The
   * WAL is emptied and left first, so no frame under the old key can be applied to the new file.
   */
  private replaceJournalWith(copy: string, newKey: Buffer): void {
    const { db, lock, createdAt, subkeys, binding } = this.open!;
    this.open = null;
    wipeSubkeys(subkeys);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      db.close();
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${this.journalPath}${suffix}`, { force: true });
      renameSync(copy, this.journalPath);
      fsyncDirectory(this.dir);
      const reopened = openCipherDatabase(this.journalPath, newKey, {
        create: false,
        nativeBinding: this.options.nativeBinding,
      });
      applyConnectionSettings(reopened);
      this.options.onOpen?.(reopened);
      this.open = { db: reopened, lock, createdAt, subkeys: deriveSubkeys(newKey), binding };
    } catch (error) {
      if (db.open) db.close();
      lock.release();
      // vault.json still holds both keys: the next unlock sees which one journal.db is under.
      throw new AppError(
        'STORAGE_FAILED',
        `The re-encrypted journal could not be put in place (${(error as Error).message}). Your journal was locked; unlock it with your passphrase to finish.`,
      );
    }
  }

  /** The unlocked status, carrying the recovery key made when an interrupted re-key was finished. */
  private withNewRecoveryKey(recoveryKey: string | null): VaultStatus {
    const status = this.status();
    return recoveryKey && status.state === 'unlocked' ? { ...status, interruptedRekey: { recoveryKey } } : status;
  }

  /**
   * After a crash during a re-key, vault.json holds both keys. Whichever credential is given
   * yields the old key (and through it the new one) or the new key; journal.db opens with exactly
   * one of them, and vault.json is settled on that one. A passphrase typed here is kept.
   *
   * If journal.db had already moved to the new key, the re-key's new recovery key was never shown
   * (it is shown only once the re-key is done) and the old recovery key opens nothing any more: a
   * fresh recovery key is made for the new key and returned, for the person to store now.
   */
  private async finishInterruptedRekey(
    keyFile: KeyFile,
    credential: { passphrase: string } | { recoveryKey: string; newPassphrase: string },
  ): Promise<string | null> {
    const pending = keyFile.rekey!;
    const { rekey: _pending, ...settled } = keyFile;
    let oldKey: Buffer | null;
    let newKey: Buffer | null = null;
    let typedNew = false;
    let fresh: ReturnType<typeof generateRecoveryKey> | null = null;
    if ('passphrase' in credential) {
      oldKey = await tryPassphrase(keyFile.passphrase, credential.passphrase);
      if (!oldKey) {
        newKey = await tryPassphrase(pending.passphrase, credential.passphrase);
        typedNew = newKey !== null;
      }
      if (!oldKey && !newKey)
        throw this.failedAttempt('WRONG_PASSPHRASE', 'That passphrase is not right. Please try again.');
    } else {
      oldKey = await tryRecoveryKey(keyFile.recovery, credential.recoveryKey);
      if (!oldKey) newKey = await tryRecoveryKey(pending.recovery, credential.recoveryKey);
      typedNew = newKey !== null;
      if (!oldKey && !newKey)
        throw this.failedAttempt(
          'WRONG_RECOVERY_KEY',
          'That recovery key does not fit this journal. Please check each group.',
        );
    }
    if (oldKey && !newKey) newKey = unwrapKey(pending.underOldKey, oldKey, WRAP_PURPOSE.rekey);
    else if (newKey && !oldKey) oldKey = unwrapKey(pending.oldUnderNewKey, newKey, WRAP_PURPOSE.rekeyBack);
    try {
      const now = new Date(this.now()).toISOString();
      const journalMoved = newKey !== null && this.tryOpenJournal(newKey, keyFile, oldKey);
      if (journalMoved) {
        // The re-key had committed: keep the new key, under the passphrase typed now.
        const passphrase =
          'passphrase' in credential
            ? typedNew
              ? pending.passphrase
              : await this.passphraseWrap(newKey!, credential.passphrase, now)
            : await this.passphraseWrap(newKey!, credential.newPassphrase, now);
        // The pending recovery key was never shown (unless it is the one just typed): make one to show.
        const typedNewRecoveryKey = typedNew && !('passphrase' in credential);
        if (!typedNewRecoveryKey) fresh = generateRecoveryKey();
        const recovery = fresh ? await recoveryWrap(newKey!, fresh.normalized, now) : pending.recovery;
        this.writeKeyFileBound({ ...settled, passphrase, recovery });
        removeJournalsKeptAside(this.dir);
        this.attempts.recordSuccess();
        return fresh?.formatted ?? null;
      } else {
        // The re-key never committed: the journal is still under the old key.
        if (!oldKey)
          throw new AppError(
            'JOURNAL_DAMAGED',
            `The journal file journal.db in ${this.dir} does not open with this key file. Nothing was changed.`,
          );
        if (!this.open) this.openJournal(oldKey, keyFile);
        const passphrase =
          'newPassphrase' in credential
            ? await this.passphraseWrap(oldKey, credential.newPassphrase, now)
            : typedNew
              ? await this.passphraseWrap(oldKey, credential.passphrase, now)
              : settled.passphrase;
        this.writeKeyFileBound({ ...settled, passphrase });
        return null;
      }
    } catch (error) {
      this.closeJournal();
      throw error;
    } finally {
      wipe(oldKey, newKey);
    }
  }

  /**
   * Opens the journal with `newKey` if it is under that key. The old key is tried first when given.
   * vault.json's binding is still sealed under the old key (the re-key had not settled).
   */
  private tryOpenJournal(newKey: Buffer, keyFile: KeyFile, oldKey: Buffer | null): boolean {
    if (oldKey && this.keyOpensJournal(oldKey)) {
      this.openJournal(oldKey, keyFile, oldKey);
      return false;
    }
    this.openJournal(newKey, keyFile, oldKey ?? newKey);
    return true;
  }

  /** Whether journal.db is encrypted with `dataKey` (opened and closed again, nothing else). */
  private keyOpensJournal(dataKey: Buffer): boolean {
    try {
      openCipherDatabase(this.journalPath, dataKey, {
        create: false,
        nativeBinding: this.options.nativeBinding,
      }).close();
      return true;
    } catch {
      return false;
    }
  }

  private async passphraseWrap(dataKey: Buffer, passphrase: string, changedAt: string): Promise<KeyFile['passphrase']> {
    const salt = randomSalt();
    const wrappingKey = await derivePassphraseKey(passphrase, salt, this.scryptCost);
    try {
      return {
        kdf: { name: 'scrypt', ...this.scryptCost, salt },
        wrapped: wrapKey(dataKey, wrappingKey, WRAP_PURPOSE.passphrase),
        changedAt,
      };
    } finally {
      wipe(wrappingKey);
    }
  }

  /**
   * Opens journal.db with `dataKey` once it is known to be the journal `keyFile` belongs to (its
   * binding is sealed under `bindingKey`, the data key unless a re-key is being settled), and
   * moves it one generation on. The caller then writes vault.json with `writeKeyFileBound`.
   */
  private openJournal(dataKey: Buffer, keyFile: KeyFile, bindingKey: Buffer = dataKey): void {
    const { createdAt } = keyFile;
    const lock = VaultLock.acquire(this.dir, this.options.nativeBinding);
    let db: Db;
    try {
      db = openCipherDatabase(this.journalPath, dataKey, { create: false, nativeBinding: this.options.nativeBinding });
    } catch (error) {
      lock.release();
      if (isAppError(error)) throw error;
      throw new AppError(
        'JOURNAL_DAMAGED',
        `The journal file journal.db in ${this.dir} could not be read: it may be damaged or not belong to this key file. Nothing was changed.`,
      );
    }
    let binding: JournalBinding;
    try {
      // An empty (0-byte) or swapped-in blank file opens as a database with no schema: migrating
      // it would silently turn it into a fresh, empty journal. Every real journal has a version.
      if (schemaVersion(db) === 0) {
        throw new AppError(
          'JOURNAL_DAMAGED',
          `The journal file journal.db in ${this.dir} is empty or not a journal, so it was not opened. Nothing was changed. If you have a backup, restore it.`,
        );
      }
      assertNotFromTheFuture(db);
      // Before anything is written to it (migrations, WAL mode): is it this key file's journal?
      const bindingSubkey = deriveSubkey(bindingKey, SUBKEY_LABEL.journalBinding);
      const state = compareBinding(keyFile.binding, readJournalBinding(db), bindingSubkey);
      wipe(bindingSubkey);
      const refusal = bindingRefusal(state, this.dir);
      if (refusal) throw refusal;
      applyConnectionSettings(db);
      useClock(db, () => this.now());
      migrate(db);
      this.options.onOpen?.(db);
      binding = advanceJournalBinding(db);
    } catch (error) {
      db.close();
      lock.release();
      throw error;
    }
    this.open = { db, lock, createdAt, subkeys: deriveSubkeys(dataKey), binding };
    this.attempts.recordSuccess();
    removeLeftovers(this.dir);
  }

  /** journal.db without vault.json, made by a creation that never finished. */
  private creationWasInterrupted(): boolean {
    return existsSync(this.creatingMarkerPath) && !existsSync(join(this.dir, VAULT_FILES.keyFile));
  }

  private get creatingMarkerPath(): string {
    return join(this.dir, VAULT_FILES.creating);
  }

  private closeJournal(): void {
    if (!this.open) return;
    const { db, lock, subkeys } = this.open;
    this.open = null;
    wipeSubkeys(subkeys);
    try {
      db.close();
    } finally {
      lock.release();
    }
  }

  private failedAttempt(code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY', message: string): AppError {
    this.attempts.recordFailure();
    const wait = this.attempts.retryAfterSeconds();
    if (wait > 0) return new AppError(code, `${message} For your safety, please wait ${wait} seconds first.`, wait);
    return new AppError(code, message);
  }
}

async function tryPassphrase(wrap: KeyFile['passphrase'], passphrase: string): Promise<Buffer | null> {
  const wrappingKey = await derivePassphraseKey(passphrase, wrap.kdf.salt, wrap.kdf);
  try {
    return unwrapKey(wrap.wrapped, wrappingKey, WRAP_PURPOSE.passphrase);
  } finally {
    wipe(wrappingKey);
  }
}

async function tryRecoveryKey(wrap: KeyFile['recovery'], normalizedRecoveryKey: string): Promise<Buffer | null> {
  const wrappingKey = await deriveRecoveryWrapKey(normalizedRecoveryKey, wrap.kdf.salt);
  try {
    return unwrapKey(wrap.wrapped, wrappingKey, WRAP_PURPOSE.recovery);
  } finally {
    wipe(wrappingKey);
  }
}

/**
 * Journals a restore kept aside (`before-restore-…`) are encrypted with a data key the re-key
 * just retired, and their key files open with retired credentials: they go.
 */
function removeJournalsKeptAside(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('before-restore-')) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

async function recoveryWrap(
  dataKey: Buffer,
  normalizedRecoveryKey: string,
  createdAt: string,
): Promise<KeyFile['recovery']> {
  const salt = randomSalt();
  const wrappingKey = await deriveRecoveryWrapKey(normalizedRecoveryKey, salt);
  try {
    return {
      kdf: { name: 'hkdf-sha256', salt },
      wrapped: wrapKey(dataKey, wrappingKey, WRAP_PURPOSE.recovery),
      createdAt,
    };
  } finally {
    wipe(wrappingKey);
  }
}

function isWeaker(stored: ScryptCost, wanted: ScryptCost): boolean {
  return stored.N < wanted.N || stored.r < wanted.r || stored.p < wanted.p;
}

/** Only for a journal this very call created a moment ago, before anything was written into it. */
function removeFreshJournal(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Files a stopped process could leave behind: half-written temporary copies (`NAME.PID.RANDOM.tmp`) of
 * the key file and the preferences, and a creation marker once vault.json exists. Called with the
 * journal's lock held, so no other process is writing them.
 */
const REKEY_COPY_SUFFIX = '.rekeying';

function removeLeftovers(dir: string): void {
  const leftovers = readdirSync(dir).filter(
    (name) =>
      /^(vault\.json|vault\.json\.bak|preferences\.json|remembered-passphrase\.bin)\.\d+(\.[0-9a-f]+)?\.tmp$/.test(
        name,
      ) && !name.includes(`.${process.pid}.`),
  );
  if (existsSync(join(dir, VAULT_FILES.keyFile))) leftovers.push(VAULT_FILES.creating);
  // A re-keyed copy a crash cut off (journal.db is whole under one of the keys, the copy is
  // scratch), and a vault.json.bak an older version kept, which may open with a retired credential.
  for (const suffix of ['', '-journal', '-wal', '-shm'])
    leftovers.push(`${VAULT_FILES.journal}${REKEY_COPY_SUFFIX}${suffix}`);
  leftovers.push(VAULT_FILES.keyFileBackup);
  for (const name of leftovers) {
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // Tidying up must never stand in the way of opening the journal (say, a folder by that name).
    }
  }
}

function journalMissing(dir: string): AppError {
  return new AppError(
    'JOURNAL_MISSING',
    `The journal file journal.db is missing from ${dir}. If you moved it, put it back next to vault.json. Nothing was changed.`,
  );
}
