import { safeStorage } from 'electron';
import type { SecretStore } from '../core/preferences/rememberedPassphrase';

export const PLAIN_TEXT_KEYRING_REASON =
  'This computer has no keyring for Axis Journal to use (such as GNOME Keyring or KWallet), so Electron would seal the passphrase with a key that is the same on every computer. Anyone with a copy of the file could read it, so Axis Journal will not remember your passphrase here.';
export const NO_KEYCHAIN_REASON =
  'Your computer’s password store is not available to Axis Journal right now, so it cannot remember your passphrase safely.';

/**
 * Electron's safeStorage as the core's SecretStore: Keychain on macOS, DPAPI on Windows and
 * the desktop keyring on Linux. Linux's "basic_text" fallback is refused: its key is hard-coded.
 * Only valid after the app is ready.
 */
export function electronSecretStore(platform: NodeJS.Platform = process.platform): SecretStore {
  return {
    unavailableReason: async () => {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return NO_KEYCHAIN_REASON;
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return PLAIN_TEXT_KEYRING_REASON;
      return null;
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
}
