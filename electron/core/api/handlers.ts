import type { MethodName } from '../../contract/methods';
import type { Output, ParsedInput } from '../../contract/contract';
import type { Backend } from '../backend';
import { PRODUCT_NAME } from '../paths';

export type Handler<K extends MethodName> = (input: ParsedInput<K>) => Promise<Output<K>> | Output<K>;
export type Handlers = { [K in MethodName]: Handler<K> };

/** One function per contract method; the compiler insists every method has one. */
export function createHandlers(backend: Backend): Handlers {
  const { vault } = backend;
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
    'vault.recover': ({ recoveryKey, newPassphrase }) => vault.recover(recoveryKey, newPassphrase),
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase);
      return null;
    },
    'vault.newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault.lock': () => {
      backend.lock('user');
      return backend.status();
    },
  };
}
