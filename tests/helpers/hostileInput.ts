import fc from 'fast-check';
import { expect } from 'vitest';
import { ERROR_CODES, type Result } from '../../electron/contract';
import type { Backend } from '../../electron/core/backend';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { openJournalApp } from './journalApp';

/**
 * Hostile input for the contract's methods, shared by the fuzz tests of the dispatcher
 * (tests/integration/contract-fuzz.test.ts) and of the desktop IPC handlers (tests/unit/ipc-fuzz.test.ts).
 */

export const HOSTILE_STRINGS = [
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

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.NaN, -0, 2 ** 53 + 1),
  fc.anything({ maxDepth: 3 }),
);

export const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.dictionary(
    fc.constantFrom('date', 'id', 'passphrase', 'content', 'query', 'maxLag', 'from', 'to', '__proto__', 'constructor'),
    hostileValue,
  ),
  // Deep nesting and very long arrays.
  fc.constant(JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown),
  fc.constant(Array.from({ length: 100_000 }, (_, i) => i)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "date": "2026-06-01"}') as unknown),
);

/** What an error message a person may see must never look like: library wording, stack frames, "undefined". */
export const UNCLEAR_MESSAGE = /Invalid input|at .*\.ts:\d+|ZodError|SqliteError|undefined/;

/** A journal with 20 made-up days in it, for hostile input to aim at. */
export async function openFilledJournal(): Promise<Awaited<ReturnType<typeof openJournalApp>>> {
  const app = await openJournalApp();
  await generateDemoJournal(app.dispatch, { days: 20, seed: 2, effects: true, endDate: '2026-06-15' });
  return app;
}

/** Everything in the journal (photos included) as one string, to prove that nothing changed. */
export function journalSnapshot(app: { backend: Backend }): string {
  const { exportedAt: _time, ...rest } = exportJournalJson(app.backend.vault.db, {
    photos: true,
    appVersion: 'fuzz',
    now: new Date(),
  });
  return JSON.stringify(rest);
}

/** A refusal a person can read: a known code and a sentence of sensible length, in the app's own words. */
export function expectClearError(result: Result<unknown>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.error.message.length).toBeLessThan(400);
  expect(result.error.message).not.toMatch(UNCLEAR_MESSAGE);
}
