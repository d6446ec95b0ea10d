import { homedir } from 'node:os';
import { join } from 'node:path';

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
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** Where the vault lives unless the user picks a folder (`--vault` or `AXIS_VAULT_DIR`). */
export function defaultVaultDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AXIS_VAULT_DIR || join(userDataDir(process.platform, env), 'vault');
}

export const VAULT_FILES = {
  keyFile: 'vault.json',
  keyFileBackup: 'vault.json.bak',
  journal: 'journal.db',
  lock: 'journal.lock',
  /** Present only while a new journal is being made; left behind, it marks an unfinished one. */
  creating: 'journal.creating',
} as const;
