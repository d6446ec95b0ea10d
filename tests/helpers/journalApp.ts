import { createApp } from '../../electron/core/app';
import type { Input, MethodName, Output } from '../../electron/contract';
import { afterEach } from 'vitest';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from './tempVault';

/** 2026-06-15 12:00 local time: "today" for journal tests. */
export const TODAY_MS = new Date(2026, 5, 15, 12).getTime();

/** An unlocked app on a fresh encrypted vault, called through the real contract dispatcher. */
export async function openJournalApp(dir = tempDir()) {
  const { backend, dispatch } = createApp({
    vaultDir: dir,
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
    now: () => TODAY_MS,
  });
  const raw = dispatch;
  async function call<K extends MethodName>(method: K, input?: Input<K>): Promise<Output<K>> {
    const result = await raw(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  }
  const { recoveryKey } = await call('vault.create', { passphrase: PASSPHRASE });
  return { dir, backend, call, dispatch: raw, recoveryKey, close: () => backend.dispose() };
}

/**
 * For a test file: returns a function that opens a fresh journal app, and closes every app it
 * opened (and removes their folders) after each test.
 */
export function journalAppsClosedAfterEach(): () => ReturnType<typeof openJournalApp> {
  const closers: (() => void)[] = [];
  afterEach(() => {
    for (const close of closers.splice(0)) close();
    removeTempDirs();
  });
  return async () => {
    const app = await openJournalApp();
    closers.push(app.close);
    return app;
  };
}

/** The complete JSON export without its time stamp: what "the journal is unchanged" means in a test. */
export async function exportedJournal(app: Awaited<ReturnType<typeof openJournalApp>>): Promise<unknown> {
  const file = await app.call('data.exportJson', { photos: false });
  const data = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8')) as { exportedAt?: string };
  delete data.exportedAt;
  return data;
}
