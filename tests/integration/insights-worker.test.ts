import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'worker thread pass 2026';
let host: RunningWebHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
  removeTempDirs();
});

/**
 * The engine is synchronous: run on the host's own thread it would block every request until it
 * finished, so the status could only ever read "running, nothing done" and then "done". Answers
 * that show the run part-way — and the host answering other calls between them — can only come
 * from a run on another thread that posts its progress back.
 */
it('the built web host runs insights in a worker thread, reports progress and keeps answering meanwhile', async () => {
  const vault = join(tempDir(), 'journal');
  execFileSync(process.execPath, [CLI, 'demo', '--vault', vault, '--days', '730', '--seed', '3'], {
    env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
  });
  host = await startWebHostProcess(['--vault', vault, '--port', '0']);
  const call = await apiClient(host.origin, host.token);
  expect((await call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);

  const started = await call('insights.run');
  expect(started.value).toMatchObject({ state: 'running', result: null });
  /** Progress seen part-way (0 < done < total), in order. */
  const partWay: number[] = [];
  let total = 0;
  /** Other calls answered after the run was seen part-way and before it was seen done. */
  let answeredMidRun = 0;
  let status = started.value;
  while (status.state === 'running') {
    const { done, total: of } = status.progress as { done: number; total: number };
    if (done > 0 && done < of) {
      partWay.push(done);
      total = of;
    }
    const info = await call('app.info');
    if (info.ok && partWay.length > 0) answeredMidRun++;
    await new Promise((wait) => setTimeout(wait, 20));
    status = (await call('insights.status')).value;
  }
  expect(status.state).toBe('done');
  // Progress arrived while the work went on: several part-way readings, never going backwards.
  expect(new Set(partWay).size).toBeGreaterThanOrEqual(2);
  expect([...partWay].sort((a, b) => a - b)).toEqual(partWay);
  expect(total).toBeGreaterThan(0);
  expect(answeredMidRun).toBeGreaterThanOrEqual(1);
  expect(status.progress).toEqual({ done: total, total });
  expect(
    status.result.findings.some((f: { factor: string; lag: number }) => f.factor === 'food.dairy' && f.lag === 2),
  ).toBe(true);
  // Asking again with nothing changed answers at once from the finished run.
  const cached = (await call('insights.run')).value;
  expect(cached.state).toBe('done');
  expect(cached.result.generatedAt).toBe(status.result.generatedAt);
}, 60_000);
