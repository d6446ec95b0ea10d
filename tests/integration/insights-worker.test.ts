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

it('the built web host runs insights in a worker thread, reports progress and keeps answering meanwhile', async () => {
  const vault = join(tempDir(), 'journal');
  execFileSync(process.execPath, [CLI, 'demo', '--vault', vault, '--days', '730', '--seed', '3'], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
  host = await startWebHostProcess(['--vault', vault, '--port', '0']);
  const call = await apiClient(host.origin, host.token);
  expect((await call('vault.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);

  const started = await call('insights.run');
  expect(started.value).toMatchObject({ state: 'running', result: null });
  const seen = new Set<string>();
  let answeredWhileRunning = false;
  let status = started.value;
  while (status.state === 'running') {
    seen.add(`${status.progress.done}/${status.progress.total}`);
    const info = await call('app.info');
    if (info.ok) answeredWhileRunning = true;
    await new Promise((wait) => setTimeout(wait, 20));
    status = (await call('insights.status')).value;
  }
  expect(status.state).toBe('done');
  expect(answeredWhileRunning).toBe(true);
  expect(status.progress.done).toBe(status.progress.total);
  expect(status.result.findings.some((f: { factor: string; lag: number }) => f.factor === 'food.dairy' && f.lag === 2)).toBe(true);
  // Asking again with nothing changed answers at once from the finished run.
  const cached = (await call('insights.run')).value;
  expect(cached.state).toBe('done');
  expect(cached.result.generatedAt).toBe(status.result.generatedAt);
}, 60_000);
