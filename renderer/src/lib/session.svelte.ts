import type { ApiError, AppInfo, LockReason, Result, VaultStatus } from '$contract';
import { call, onBackendEvent } from './api';

export type Screen = 'loading' | 'no-access' | 'create' | 'recovery-key' | 'locked' | 'unlocked' | 'unavailable';

type Outcome = { ok: true } | { ok: false; error: ApiError };

/** Work that must finish before the journal locks (for example saving what was just typed). */
const beforeLock = new Set<() => Promise<void>>();
export function registerBeforeLock(task: () => Promise<void>): () => void {
  beforeLock.add(task);
  return () => beforeLock.delete(task);
}

/** What each feature registers so that locking forgets every decrypted value it holds. */
const forgetOnLock = new Set<() => void>();
export function registerForgetOnLock(forget: () => void): () => void {
  forgetOnLock.add(forget);
  return () => forgetOnLock.delete(forget);
}

/** The vault's state as the page sees it. One instance, shared by every view. */
class Session {
  status = $state<VaultStatus | null>(null);
  info = $state<AppInfo | null>(null);
  noAccess = $state(false);
  /**
   * Shown once right after the vault is made (or after an unlock that finished an interrupted
   * re-key and so made a new one), until the person confirms they stored it.
   */
  pendingRecoveryKey = $state<string | null>(null);
  /** Why the recovery key screen is up: a new journal, or a re-key a crash had cut off. */
  recoveryKeyReason = $state<'created' | 'interrupted-rekey'>('created');
  lastLockReason = $state<LockReason | null>(null);
  loadError = $state<string | null>(null);
  /** A sentence for the lock or welcome screen after the journal was replaced (restore) or deleted. */
  notice = $state<string | null>(null);

  get screen(): Screen {
    if (this.noAccess) return 'no-access';
    if (!this.status) return 'loading';
    if (this.pendingRecoveryKey) return 'recovery-key';
    switch (this.status.state) {
      case 'absent':
        return 'create';
      case 'locked':
        return 'locked';
      case 'unlocked':
        return 'unlocked';
      case 'unavailable':
        return 'unavailable';
    }
  }

  async start(): Promise<void> {
    onBackendEvent((event) => {
      if (event.type === 'vault-locked') this.forget(event.reason);
    });
    await this.refresh();
    const info = await call('app.info');
    if (info.ok) this.info = info.value;
  }

  async refresh(): Promise<void> {
    const wasUnlocked = this.status?.state === 'unlocked';
    const result = await call('vault.status');
    if (wasUnlocked && !result.ok && result.error.code === 'HOST_UNREACHABLE') {
      this.forget('shutdown');
      return;
    }
    // The backend locked by itself (idle timer, system sleep): forget everything here too.
    if (wasUnlocked && result.ok && result.value.state !== 'unlocked') {
      this.forget(result.value.state === 'locked' ? (result.value.lockReason ?? 'idle') : 'shutdown');
    }
    this.apply(result);
  }

  async create(passphrase: string): Promise<Outcome> {
    const result = await call('vault.create', { passphrase });
    if (!result.ok) return this.fail(result.error);
    this.pendingRecoveryKey = result.value.recoveryKey;
    this.recoveryKeyReason = 'created';
    this.notice = null;
    this.status = result.value.status;
    return { ok: true };
  }

  confirmRecoveryKeyStored(): void {
    this.pendingRecoveryKey = null;
  }

  async unlock(passphrase: string): Promise<Outcome> {
    return this.settle(await call('vault.unlock', { passphrase }));
  }

  async recover(recoveryKey: string, newPassphrase: string): Promise<Outcome> {
    return this.settle(await call('vault.recover', { recoveryKey, newPassphrase }));
  }

  /**
   * After the backend replaced or removed the journal itself (a restore, deleting everything):
   * forget what the page holds, show the screen that fits the new state, with a sentence on it.
   */
  async changedByBackend(notice: string): Promise<void> {
    this.notice = notice;
    await this.refresh();
  }

  async lock(reason: LockReason = 'user'): Promise<void> {
    for (const task of beforeLock) await task().catch(() => undefined);
    const result = await call('vault.lock');
    this.forget(reason);
    if (result.ok) this.status = result.value;
  }

  /** Drops every decrypted value the page holds and returns to the lock screen. */
  forget(reason: LockReason): void {
    this.pendingRecoveryKey = null;
    this.lastLockReason = reason;
    for (const forget of forgetOnLock) forget();
    if (this.status?.state === 'unlocked') {
      this.status = { state: 'locked', vaultDir: this.status.vaultDir, retryAfterSeconds: 0 };
    }
  }

  private settle(result: Result<VaultStatus>): Outcome {
    if (!result.ok) return this.fail(result.error);
    this.lastLockReason = null;
    this.notice = null;
    if (result.value.state === 'unlocked' && result.value.interruptedRekey) {
      // Kept only on the recovery key screen, never in the status the page holds.
      const { interruptedRekey, ...status } = result.value;
      this.pendingRecoveryKey = interruptedRekey.recoveryKey;
      this.recoveryKeyReason = 'interrupted-rekey';
      this.status = status;
    } else this.status = result.value;
    return { ok: true };
  }

  private apply(result: Result<VaultStatus>): void {
    if (result.ok) {
      this.status = result.value;
      this.noAccess = false;
      this.loadError = null;
    } else {
      this.fail(result.error);
    }
  }

  private fail(error: ApiError): Outcome {
    if (error.code === 'UNAUTHORIZED') this.noAccess = true;
    else if (error.code === 'VAULT_LOCKED') this.forget('idle');
    else if (!this.status) this.loadError = error.message;
    return { ok: false, error };
  }
}

export const session = new Session();
