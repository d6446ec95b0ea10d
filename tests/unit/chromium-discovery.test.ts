import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/lib/chromium.mjs');

function check(env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--check'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The rest of the order (Playwright's browser, the system's, @sparticuz/chromium) depends on what the
// machine has; docs/testing.md says how the whole order was checked with the system's hidden.
it('AXIS_CHROMIUM comes first and is used as given', () => {
  const result = check({ AXIS_CHROMIUM: process.execPath });
  expect(result.status).toBe(0);
  expect(result.stdout.trim()).toBe(`Browser tests use Chromium from AXIS_CHROMIUM: ${process.execPath}`);
});

it('an AXIS_CHROMIUM that cannot be run stops the tests with one sentence, not a search elsewhere', () => {
  const result = check({ AXIS_CHROMIUM: '/no/such/chromium' });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual([
    'AXIS_CHROMIUM is set to /no/such/chromium, which is not a program that can be run: correct it or unset it.',
  ]);
});

it('without AXIS_CHROMIUM it finds one on this machine and names where it came from', () => {
  const result = check({ AXIS_CHROMIUM: '' });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(
    /^Browser tests use Chromium from (Playwright's browser|system|@sparticuz\/chromium): \/\S+\n$/,
  );
});
