import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';

export const PASSPHRASE = 'quiet river lantern 58';
const MOVABLE_CLOCK = pathToFileURL(resolve(import.meta.dirname, '../helpers/movableClock.mjs')).href;

interface Fixtures {
  /** Fails any test whose page throws or breaks the Content-Security-Policy. */
  pageProblems: void;
  vaultDir: string;
  webHost: RunningWebHost;
  /** Moves the web host's clock forward (the page's clock is moved with Playwright's page.clock). */
  advanceBackendClock: (ms: number) => Promise<void>;
  /** Opens the app at the start-up URL (with its token), as a person would. */
  openApp: () => Promise<void>;
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
  vaultDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'axis-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  webHost: async ({ vaultDir }, use) => {
    // Its clocks can be moved forward by advanceBackendClock (tests/helpers/movableClock.mjs).
    const host = await startWebHostProcess(
      ['--vault', vaultDir, '--port', '0'],
      {},
      { nodeArgs: ['--import', MOVABLE_CLOCK], ipc: true },
    );
    await use(host);
    await host.stop();
  },
  advanceBackendClock: async ({ webHost }, use) => {
    await use(
      (ms) =>
        new Promise<void>((done) => {
          const onMessage = (message: { type?: string }): void => {
            if (message?.type !== 'clock-advanced') return;
            webHost.child.off('message', onMessage);
            done();
          };
          webHost.child.on('message', onMessage);
          webHost.child.send({ type: 'advance-clock', ms });
        }),
    );
  },
  openApp: async ({ page, webHost }, use) => {
    await use(async () => {
      await page.goto(webHost.url);
    });
  },
});

export { expect };

/** Runs axe-core on the current view and fails on any WCAG A/AA violation. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility problems in ${view}`).toEqual([]);
}

/** Saves a screenshot as a test artifact (test-results/<test>/<name>.png), to look at after a run. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Goes through first run: passphrase twice, then confirming the recovery key. Returns the key. */
export async function createJournal(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Welcome to Axis Journal' })).toBeVisible();
  await page.getByLabel('Choose a passphrase').fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const groups = await page.getByRole('list', { name: 'Recovery key' }).locator('.group').allTextContents();
  const label = await page.locator('label[for="confirm-group"]').textContent();
  const asked = Number(/group (\d)/.exec(label ?? '')?.[1]);
  await page.getByLabel(/To confirm you stored it/).fill(groups[asked - 1]!);
  await page.getByRole('button', { name: /I stored my key/ }).click();
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
  return groups.join('-');
}

/** Types a passphrase on the lock screen and presses Unlock. */
export async function submitPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Unlocks and waits for the app to open. */
export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await submitPassphrase(page, passphrase);
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
}
