import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ERROR_CODES, METHOD_NAMES, type MethodName } from '../../electron/contract';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { openJournalApp } from '../helpers/journalApp';
import { removeTempDirs } from '../helpers/tempVault';

/**
 * Property-based hostile input for every contract method, through the same dispatcher the IPC
 * and HTTP hosts use: whatever arrives, the answer is a clear error, nothing in the journal
 * changes, and SQLite's integrity check stays ok. Inputs the schema happens to accept are not
 * hostile and are skipped (they are the ordinary tests' business).
 */

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '../../../../etc/passwd',
  "'; DROP TABLE days; --",
  '<script>alert(1)</script>',
  '__proto__',
  'x'.repeat(300_000),
  '\ud800',
  '9999-99-99',
  '2026-02-30',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.NaN, -0, 2 ** 53 + 1),
  fc.anything({ maxDepth: 3 }),
);

const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.dictionary(fc.constantFrom('date', 'id', 'passphrase', 'content', 'query', 'maxLag', 'from', 'to', '__proto__', 'constructor'), hostileValue),
  // Deep nesting and very long arrays.
  fc.constant(JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown),
  fc.constant(Array.from({ length: 100_000 }, (_, i) => i)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "date": "2026-06-01"}') as unknown),
);

let app: Awaited<ReturnType<typeof openJournalApp>>;
let before: string;

beforeAll(async () => {
  app = await openJournalApp();
  await generateDemoJournal(app.dispatch, { days: 20, seed: 2, effects: true, endDate: '2026-06-15' });
  before = snapshotOf();
}, 60_000);
afterAll(() => {
  app.close();
  removeTempDirs();
});

function snapshotOf(): string {
  const { exportedAt: _time, ...rest } = exportJournalJson(app.backend.vault.db, { photos: true, appVersion: 'fuzz', now: new Date() });
  return JSON.stringify(rest);
}

describe('hostile input to every method', () => {
  it.each([...METHOD_NAMES])('%s answers every hostile input with a clear error and changes nothing', async (method: MethodName) => {
    const schema = contract[method].input;
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        fc.pre(!schema.safeParse(input).success);
        const result = await app.dispatch(method, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message.length).toBeLessThan(400);
        expect(result.error.message).not.toMatch(/at .*\.ts:\d+|ZodError|SqliteError|undefined/);
      }),
      { numRuns: 40, seed: 20261124 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(app.backend.vault.isUnlocked).toBe(true);
  }, 60_000);

  it('left the journal exactly as it was, and intact', () => {
    expect(snapshotOf()).toBe(before);
    expect(app.backend.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses unknown method names', async () => {
    for (const name of ['journal.dropAll', '__proto__', 'constructor', '', 'vault.status.extra']) {
      const result = await app.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });
});
