import { afterEach, expect, it } from 'vitest';
import type { InsightsResult } from '../../electron/contract/insightsTerms';
import { latestVersion } from '../../electron/core/db/migrate';
import type { InsightsRunner } from '../../electron/core/insights/runner';
import { InsightsService } from '../../electron/core/insights/service';
import { journalAtVersion } from '../helpers/migrationAt';
import { removeTempDirs } from '../helpers/tempVault';

afterEach(removeTempDirs);

/** A runner whose runs finish when the test says so. */
function heldRunner() {
  const runs: { finish: (result: InsightsResult) => void; fail: (error: Error) => void; cancelled: boolean }[] = [];
  const runner: InsightsRunner = () => {
    const run = { finish: (_: InsightsResult) => {}, fail: (_: Error) => {}, cancelled: false };
    const promise = new Promise<InsightsResult>((resolve, reject) => {
      run.finish = resolve;
      run.fail = reject;
    });
    runs.push(run);
    return {
      promise,
      cancel: () => {
        run.cancelled = true;
        run.fail(new Error('cancelled'));
      },
    };
  };
  return { runner, runs };
}

const result = (generatedAt: string) => ({ generatedAt, maxLag: 3 }) as unknown as InsightsResult;

it('settled() waits for the run in progress and follows it to a newer run when the journal changed', async () => {
  const db = journalAtVersion(latestVersion());
  const { runner, runs } = heldRunner();
  const service = new InsightsService(runner, () => '2026-12-07');
  expect(service.run(db).state).toBe('running');

  let settledState: string | null = null;
  const waiting = service.settled(db).then((status) => (settledState = status.state));
  await new Promise((resolve) => setImmediate(resolve));
  expect(settledState).toBeNull(); // still running: nothing answered yet

  // The journal changes while it runs: a new run replaces the first, which is cancelled.
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')").run();
  service.run(db);
  expect(runs).toHaveLength(2);
  expect(runs[0]!.cancelled).toBe(true);
  await new Promise((resolve) => setImmediate(resolve));
  expect(settledState).toBeNull(); // waits for the newer run, not the cancelled one

  runs[1]!.finish(result('second'));
  await waiting;
  expect(settledState).toBe('done');
  expect((await service.settled(db)).result?.generatedAt).toBe('second'); // nothing running: at once
  db.close();
});

it('settled() answers failed when the run fails, and idle when a lock stops it', async () => {
  const db = journalAtVersion(latestVersion());
  const { runner, runs } = heldRunner();
  const service = new InsightsService(runner, () => '2026-12-07');
  service.run(db);
  const failed = service.settled(db);
  runs[0]!.fail(new Error('out of memory'));
  expect((await failed).state).toBe('failed');

  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('y', '1', 'now')").run();
  service.run(db);
  const stopped = service.settled(db);
  service.forget();
  expect((await stopped).state).toBe('idle');
  db.close();
});
