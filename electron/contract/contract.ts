import { z } from 'zod';
import type { MethodName } from './methods';
import type { AppInfo } from './app';
import { vaultSchemas, type CreatedVault, type NewRecoveryKey, type VaultStatus } from './vault';

/** A method: the zod schema its input must pass, and (as a type only) what it returns. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

/** Methods that take nothing accept `undefined` or `{}` and nothing else. */
const none = z.object({}).strict().optional();

export const contract = {
  'app.info': method<AppInfo>()(none),
  'app.activity': method<null>()(none),
  'vault.status': method<VaultStatus>()(none),
  'vault.create': method<CreatedVault>()(vaultSchemas.create),
  'vault.unlock': method<VaultStatus>()(vaultSchemas.unlock),
  'vault.recover': method<VaultStatus>()(vaultSchemas.recover),
  'vault.changePassphrase': method<null>()(vaultSchemas.changePassphrase),
  'vault.newRecoveryKey': method<NewRecoveryKey>()(vaultSchemas.newRecoveryKey),
  'vault.lock': method<VaultStatus>()(none),
} satisfies { [K in MethodName]: MethodSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What a caller passes (before validation and normalisation). */
export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (after validation and normalisation). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = Exclude<Contract[K]['output'], undefined>;
