import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RememberPassphraseState } from '../../contract/preferencesTerms';
import { AppError } from '../errors';
import { writeFileAtomically } from '../durableFiles';

export const REMEMBERED_PASSPHRASE_FILE = 'remembered-passphrase.bin';

/**
 * The operating system's secret store, as the desktop shell offers it (Electron's safeStorage:
 * Keychain, DPAPI, or a Linux keyring). The core never sees how it works.
 */
export interface SecretStore {
  /** Null when secrets are kept safely; otherwise why not, in words for the person. */
  unavailableReason(): Promise<string | null>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

const NO_STORE_REASON =
  'The browser version of Axis Journal cannot use your computer’s password store, so it cannot remember your passphrase. The desktop app can.';

/**
 * "Remember my passphrase on this device": the passphrase sealed by the operating system's
 * secret store, in one file next to the journal. Without the store (another computer, another
 * user account) the file is useless. Off unless the person turns it on.
 */
export class RememberedPassphrase {
  constructor(
    private readonly dir: string,
    private readonly store: SecretStore | undefined,
  ) {}

  private get path(): string {
    return join(this.dir, REMEMBERED_PASSPHRASE_FILE);
  }

  async state(): Promise<RememberPassphraseState> {
    const unavailableReason = await this.unavailableReason();
    return {
      available: unavailableReason === null,
      unavailableReason,
      enabled: unavailableReason === null && existsSync(this.path),
    };
  }

  async save(passphrase: string): Promise<void> {
    const reason = await this.unavailableReason();
    if (reason || !this.store) throw new AppError('NOT_AVAILABLE', reason ?? NO_STORE_REASON);
    writeFileAtomically(this.path, await this.store.encrypt(passphrase));
  }

  /** Replaces a remembered passphrase after it changed; does nothing when none is remembered. */
  async replaceIfRemembered(passphrase: string): Promise<void> {
    if (!existsSync(this.path)) return;
    if ((await this.unavailableReason()) === null) await this.save(passphrase);
    else this.forget();
  }

  /** The remembered passphrase, or null (none, or the secret store can no longer open it). */
  async read(): Promise<string | null> {
    if (!this.store || !existsSync(this.path) || (await this.unavailableReason()) !== null) return null;
    try {
      return await this.store.decrypt(readFileSync(this.path));
    } catch {
      // Sealed by another user account or a keyring that was reset: it can never be opened again.
      this.forget();
      return null;
    }
  }

  forget(): void {
    rmSync(this.path, { force: true });
  }

  private async unavailableReason(): Promise<string | null> {
    return this.store ? this.store.unavailableReason() : NO_STORE_REASON;
  }
}
