import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPassphrase } from '../../electron/cli/passphrase';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/* Issue 13 (I2): AXIS_PASSPHRASE stayed in the environment for the whole run, inherited by child processes and workers. */

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
afterAll(removeTempDirs);

describe('the CLI passphrase', () => {
  it('is taken out of the environment once read, and still answers a second ask', async () => {
    process.env.AXIS_PASSPHRASE = 'from the environment 1';
    expect(await readPassphrase('Passphrase: ')).toBe('from the environment 1');
    expect(process.env.AXIS_PASSPHRASE).toBeUndefined();
    expect(await readPassphrase('Passphrase: ')).toBe('from the environment 1');
  });

  it('can come from --passphrase-fd instead of the environment or argv', async () => {
    if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
    const vaultDir = join(tempDir('axis-fd-'), 'vault');
    const vault = fastVault(vaultDir);
    await vault.create(PASSPHRASE);
    vault.lock();
    const env = { ...process.env };
    delete env.AXIS_PASSPHRASE;
    const child = spawn(process.execPath, [CLI, 'check', '--vault', vaultDir, '--passphrase-fd', '3'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    (child.stdio[3] as NodeJS.WritableStream).end(`${PASSPHRASE}\n`);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(output).toContain('Integrity check: ok.');
    expect(code).toBe(0);
  });
});
