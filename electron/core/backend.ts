import { EventEmitter } from 'node:events';
import type { AppHost, AxisEvent, LockReason } from '../contract/app';
import type { VaultStatus } from '../contract/vault';
import { syncFoodLibrary } from './journal/foods';
import { localDate } from './journal/dates';
import { inProcessRunner, workerRunner } from './insights/runner';
import { InsightsService } from './insights/service';
import { MeditationTimer, type Clocks } from './meditation/service';
import { Vault, type VaultOptions } from './vault/vault';
import { isAppError } from './errors';
import { PreferencesStore } from './preferences/store';
import { RememberedPassphrase, type SecretStore } from './preferences/rememberedPassphrase';

export interface BackendOptions extends VaultOptions {
  vaultDir: string;
  host: AppHost;
  version: string;
  /** Overrides the automatic lock chosen in the preferences (tests). */
  idleLockMs?: number;
  /** The operating system's secret store (desktop only), for "remember my passphrase". */
  secretStore?: SecretStore;
  /** Whether the host can show a daily reminder (the desktop app's notifications); asked when needed. */
  remindersAvailable?: () => boolean;
  /** Clocks for the meditation timer (tests pass fake ones). */
  clocks?: Clocks;
  /** The built insights worker (out/main/insightsWorker.js); without it insights run on this thread. */
  insightsWorker?: URL;
  /** The built JSON-import check (out/main/jsonImportWorker.js); without it imports are checked on this thread. */
  jsonImportWorker?: URL;
}

/**
 * Everything one running app owns: the vault and the idle auto-lock. Both hosts (Electron's
 * main process and the web host) create exactly one and route contract calls to it.
 */
export class Backend {
  readonly vault: Vault;
  readonly events = new EventEmitter<{ event: [AxisEvent] }>();
  readonly preferences: PreferencesStore;
  readonly rememberedPassphrase: RememberedPassphrase;
  readonly meditation: MeditationTimer;
  readonly insights: InsightsService;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastLockReason: LockReason | null = null;
  private rememberedPassphraseForgotten = false;

  constructor(readonly options: BackendOptions) {
    this.vault = new Vault(options.vaultDir, {
      ...options,
      onOpen: (db) => {
        syncFoodLibrary(db);
        // Announced once the vault has finished opening (it is marked open right after this hook).
        queueMicrotask(() => this.events.emit('event', { type: 'vault-unlocked' }));
      },
    });
    this.preferences = new PreferencesStore(options.vaultDir);
    this.rememberedPassphrase = new RememberedPassphrase(options.vaultDir, options.secretStore);
    // A new lock time applies from now on, not after the next click.
    this.preferences.onChange(() => this.noteActivity());
    const runner = options.insightsWorker ? workerRunner(options.insightsWorker) : inProcessRunner;
    this.insights = new InsightsService(runner, () => localDate((options.now ?? Date.now)()));
    this.meditation = new MeditationTimer(options.clocks, (running) =>
      this.events.emit('event', { type: 'meditation', running }),
    );
  }

  /** How long the journal stays open without use: the person's choice for this computer. */
  get idleLockMs(): number {
    return this.options.idleLockMs ?? this.preferences.read().idleLockMinutes * 60_000;
  }

  /**
   * Opens the journal with the passphrase remembered on this device, if there is one. Called
   * once when the desktop app starts (never after a lock: locking must mean locked). A
   * passphrase that no longer fits (changed elsewhere, backup restored) is forgotten.
   */
  async unlockWithRememberedPassphrase(): Promise<boolean> {
    if (this.vault.isUnlocked) return true;
    if (this.vault.status().state !== 'locked') return false;
    // A re-key cut off by a crash may need a new recovery key shown: the person unlocks by hand.
    if (this.vault.hasInterruptedRekey) return false;
    const passphrase = await this.rememberedPassphrase.read();
    if (passphrase === null) return false;
    try {
      await this.vault.unlock(passphrase);
      this.noteActivity();
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'WRONG_PASSPHRASE') {
        this.rememberedPassphrase.forget();
        this.rememberedPassphraseForgotten = true;
      }
      return false;
    }
  }

  /** Someone used the app: push the automatic lock back. */
  noteActivity(): void {
    if (!this.vault.isUnlocked) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Sitting still in meditation is not being away: a running session keeps the journal open.
    this.idleTimer = setTimeout(
      () => (this.meditation.isActive ? this.noteActivity() : this.lock('idle')),
      this.idleLockMs,
    );
    this.idleTimer.unref();
  }

  lock(reason: LockReason): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.meditation.onLock(this.vault.isUnlocked ? this.vault.db : null);
    this.insights.forget();
    if (this.vault.lock()) {
      this.lastLockReason = reason;
      this.events.emit('event', { type: 'vault-locked', reason });
    }
  }

  /** The vault's status, saying why it was last locked (so a page that polls can tell people). */
  status(): VaultStatus {
    const status = this.vault.status();
    if (status.state === 'unlocked') {
      this.lastLockReason = null;
      this.rememberedPassphraseForgotten = false;
    }
    if (status.state !== 'locked') return status;
    return {
      ...status,
      ...(this.lastLockReason ? { lockReason: this.lastLockReason } : {}),
      ...(this.rememberedPassphraseForgotten ? { rememberedPassphraseForgotten: true } : {}),
    };
  }

  dispose(): void {
    this.lock('shutdown');
    this.events.removeAllListeners();
  }
}
