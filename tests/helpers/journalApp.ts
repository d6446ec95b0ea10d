import { createApp } from '../../electron/core/app';
import type { Input, MethodName, Output } from '../../electron/contract';
import { FAST_SCRYPT, PASSPHRASE, tempDir } from './tempVault';

/** 2026-06-15 12:00 local time: "today" for journal tests. */
export const TODAY_MS = new Date(2026, 5, 15, 12).getTime();

/** An unlocked app on a fresh encrypted vault, called through the real contract dispatcher. */
export async function openJournalApp(dir = tempDir()) {
  const { backend, dispatch } = createApp({ vaultDir: dir, host: 'web', version: 'test', scryptCost: FAST_SCRYPT, now: () => TODAY_MS });
  const raw = dispatch;
  async function call<K extends MethodName>(method: K, input?: Input<K>): Promise<Output<K>> {
    const result = await raw(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  }
  await call('vault.create', { passphrase: PASSPHRASE });
  return { dir, backend, call, dispatch: raw, close: () => backend.dispose() };
}
