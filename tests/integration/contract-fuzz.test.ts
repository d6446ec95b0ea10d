import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../electron/contract';
import { expectClearError, hostileInput, journalSnapshot, openFilledJournal } from '../helpers/hostileInput';
import { removeTempDirs } from '../helpers/tempVault';

/**
 * Property-based hostile input for every contract method, through the same dispatcher the IPC
 * and HTTP hosts use: whatever arrives, the answer is a clear error, nothing in the journal
 * changes, and SQLite's integrity check stays ok. Inputs the schema happens to accept are not
 * hostile and are skipped (they are the ordinary tests' business).
 */

let app: Awaited<ReturnType<typeof openFilledJournal>>;
let before: string;

beforeAll(async () => {
  app = await openFilledJournal();
  before = journalSnapshot(app);
}, 60_000);
afterAll(() => {
  app.close();
  removeTempDirs();
});

describe('hostile input to every method', () => {
  it.each([...METHOD_NAMES])(
    '%s answers every hostile input with a clear error and changes nothing',
    async (method: MethodName) => {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          fc.pre(!schema.safeParse(input).success);
          expectClearError(await app.dispatch(method, input));
        }),
        { numRuns: 40, seed: 20261124 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(app.backend.vault.isUnlocked).toBe(true);
    },
    60_000,
  );

  it('left the journal exactly as it was, and intact', () => {
    expect(journalSnapshot(app)).toBe(before);
    expect(app.backend.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses unknown method names', async () => {
    for (const name of ['journal.dropAll', '__proto__', 'constructor', '', 'vault.status.extra']) {
      const result = await app.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });
});
