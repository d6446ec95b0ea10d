import { EventEmitter } from 'node:events';
import type { AppHost, AxisEvent, LockReason } from '../contract/app';
import { IDLE_LOCK_MINUTES } from '../contract/limits';
import type { VaultStatus } from '../contract/vault';
import { syncFoodLibrary } from './journal/foods';
import { localDate } from './journal/dates';
import { inProcessRunner, workerRunner } from './insights/runner';
import { InsightsService } from './insights/service';
import { MeditationTimer, type Clocks } from './meditation/service';
import { Vault, type VaultOptions } from './vault/vault';

export interface BackendOptions extends VaultOptions {
  vaultDir: string;
  host: AppHost;
  version: string;
  idleLockMs?: number;
  /** Clocks for the meditation timer (tests pass fake ones). */
  clocks?: Clocks;
  /** The built insights worker (out/main/insightsWorker.js); without it insights run on this thread. */
  insightsWorker?: URL;
}

/**
 * Everything one running app owns: the vault and the idle auto-lock. Both hosts (Electron's
 * main process and the web host) create exactly one and route contract calls to it.
 */
export class Backend {
  readonly vault: Vault;
  readonly events = new EventEmitter<{ event: [AxisEvent] }>();
  readonly idleLockMs: number;
  readonly meditation: MeditationTimer;
  readonly insights: InsightsService;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastLockReason: LockReason | null = null;

  constructor(readonly options: BackendOptions) {
    this.vault = new Vault(options.vaultDir, {
      ...options,
      onOpen: (db) => {
        syncFoodLibrary(db);
        // Announced once the vault has finished opening (it is marked open right after this hook).
        queueMicrotask(() => this.events.emit('event', { type: 'vault-unlocked' }));
      },
    });
    this.idleLockMs = options.idleLockMs ?? IDLE_LOCK_MINUTES * 60_000;
    const runner = options.insightsWorker ? workerRunner(options.insightsWorker) : inProcessRunner;
    this.insights = new InsightsService(runner, () => localDate((options.now ?? Date.now)()));
    this.meditation = new MeditationTimer(options.clocks, (running) => this.events.emit('event', { type: 'meditation', running }));
  }

  /** Someone used the app: push the automatic lock back. */
  noteActivity(): void {
    if (!this.vault.isUnlocked) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Sitting still in meditation is not being away: a running session keeps the journal open.
    this.idleTimer = setTimeout(() => (this.meditation.isActive ? this.noteActivity() : this.lock('idle')), this.idleLockMs);
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
    if (status.state === 'unlocked') this.lastLockReason = null;
    if (status.state === 'locked' && this.lastLockReason) return { ...status, lockReason: this.lastLockReason };
    return status;
  }

  dispose(): void {
    this.lock('shutdown');
    this.events.removeAllListeners();
  }
}
