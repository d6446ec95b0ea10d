import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Dispatch } from '../core/api/dispatch';
import { createApp } from '../core/app';
import { generateDemoJournal } from '../core/demo/generate';
import { localDate } from '../core/journal/dates';
import { defaultVaultDir } from '../core/paths';
import { startWebHost, TOKEN_LIFETIME_MS } from './server';

/**
 * A free port each run by default: a fixed one could be taken by someone else after the host stops,
 * and a tab still open on it would then talk to them.
 */
export const DEFAULT_PORT = 0;

const USAGE = `Usage: npm run web -- [--vault DIR] [--port N] [--open] [--demo]

  --vault DIR   the vault folder (default: ${defaultVaultDir()})
  --port N      the port on 127.0.0.1 (default: a free one, chosen each run)
  --open        open the app in your default browser (with a sign-in code valid for one minute)
  --demo        use a throwaway demo journal (a year of made-up days) in a temporary folder,
                deleted when the web host stops; its passphrase is printed`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        vault: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`"${args.port}" is not a port number (0–65535).`);

  if (args.demo && args.vault) fail('Use either --demo or --vault, not both.');
  const vaultDir = args.demo ? mkdtempSync(join(tmpdir(), 'axis-demo-')) : resolve(args.vault ?? defaultVaultDir());
  const here = dirname(fileURLToPath(import.meta.url));
  const { backend, dispatch } = createApp({
    vaultDir,
    // Built next to this file from electron/core/insights/worker.ts.
    insightsWorker: new URL('./insightsWorker.js', import.meta.url),
    jsonImportWorker: new URL('./jsonImportWorker.js', import.meta.url),
    rekeyWorker: new URL('./rekeyWorker.js', import.meta.url),
    host: 'web',
    version: __APP_VERSION__,
  });
  if (args.demo) {
    const passphrase = `demo ${randomBytes(6).toString('hex')}`;
    await createDemoVault(dispatch, passphrase);
    console.log(`Demo journal (deleted when you stop the web host) — passphrase: ${passphrase}`);
    process.on('exit', () => rmSync(vaultDir, { recursive: true, force: true }));
  }

  let host;
  try {
    host = await startWebHost({ dispatch, rendererDir: resolve(here, '../renderer'), port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(`Port ${port} is already in use by another program. Leave out --port to use a free one.`);
    }
    if (code === 'EACCES') fail(`Port ${port} is not allowed for this user. Choose another with --port N.`);
    throw error;
  }

  console.log(`Axis Journal is running at ${host.url}`);
  console.log('This address signs in one browser tab, once, within 10 minutes. Press Enter here for a new one.');
  // The browser's command line is visible to other users: it gets its own code, valid for a minute.
  if (args.open) openInBrowser(host.issueUrl());
  if (process.stdin.isTTY)
    process.stdin.on('data', () => console.log(`New sign-in address: ${host.issueUrl(TOKEN_LIFETIME_MS)}`));

  const shutdown = (): void => {
    backend.dispose();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function createDemoVault(dispatch: Dispatch, passphrase: string): Promise<void> {
  const created = await dispatch('vault.create', { passphrase });
  if (!created.ok) fail(created.error.message);
  await generateDemoJournal(dispatch, { days: 365, seed: 1, effects: true, endDate: localDate(Date.now()) });
  await dispatch('vault.lock');
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('Could not open a browser by itself: open the address above.'));
    child.unref();
  } catch {
    console.log('Could not open a browser by itself: open the address above.');
  }
}

main().catch((error: unknown) => {
  console.error(`Axis Journal could not start: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
