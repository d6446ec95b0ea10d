import { IDLE_LOCK_MINUTES } from './limits';

export type AppHost = 'desktop' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  host: AppHost;
  vaultDir: string;
  idleLockMinutes: number;
}

export const DEFAULT_IDLE_LOCK_MINUTES = IDLE_LOCK_MINUTES;

/** Events the backend pushes to the page (desktop) or the page discovers by polling (web). */
export type AxisEvent = { type: 'vault-locked'; reason: LockReason } | { type: 'meditation'; running: boolean };
export type LockReason = 'user' | 'idle' | 'system' | 'shutdown';
