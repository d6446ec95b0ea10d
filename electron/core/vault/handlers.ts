import type { HandlersOf } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { PRODUCT_NAME } from '../paths';

/** What the app is, and the vault: make, open, recover, re-key and lock the journal. */
export function vaultHandlers(backend: Backend): HandlersOf<'app' | 'vault'> {
  const { vault, rememberedPassphrase } = backend;
  return {
    'app.info': () => ({
      name: PRODUCT_NAME,
      version: backend.options.version,
      host: backend.options.host,
      vaultDir: vault.dir,
      idleLockMinutes: backend.idleLockMs / 60_000,
    }),
    'app.activity': () => null,
    'vault.status': () => backend.status(),
    'vault.create': ({ passphrase }) => vault.create(passphrase),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      const status = await vault.recover(recoveryKey, newPassphrase);
      await rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return status;
    },
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase);
      await rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return null;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault.rekey': async ({ currentPassphrase, newPassphrase }) => {
      const recoveryKey = await vault.rekey(currentPassphrase, newPassphrase ?? null);
      if (newPassphrase) await rememberedPassphrase.replaceIfRemembered(newPassphrase);
      return { recoveryKey };
    },
    'vault.lock': () => {
      backend.lock('user');
      return backend.status();
    },
  };
}
