import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Axis Journal';

/**
 * The per-user data folder, matching what Electron's `app.getPath('userData')` gives for our
 * product name, so the desktop app and the web host find the same vault.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  // The platform's own path rules, whatever machine this runs on (so each can be tested anywhere).
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PRODUCT_NAME);
}

/** Where the vault lives unless the user picks a folder (`--vault` or `AXIS_VAULT_DIR`). */
export function defaultVaultDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.AXIS_VAULT_DIR) return env.AXIS_VAULT_DIR;
  const dir = userDataDir(platform, env, home);
  return platform === 'win32' ? win32.join(dir, 'vault') : posix.join(dir, 'vault');
}

export const VAULT_FILES = {
  keyFile: 'vault.json',
  keyFileBackup: 'vault.json.bak',
  journal: 'journal.db',
  /** Who has the journal open (process id, computer, start time): advisory, for the message only. */
  lock: 'journal.lock',
  /** An empty SQLite file whose exclusive OS lock is the real "one process at a time" mutex. Never deleted. */
  mutex: 'journal.mutex',
  /** Present only while a new journal is being made; left behind, it marks an unfinished one. */
  creating: 'journal.creating',
} as const;
