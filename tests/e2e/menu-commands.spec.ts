import type { Page } from '@playwright/test';
import type { AxisEvent } from '../../electron/contract/app';
import { chromiumLaunchOptions } from '../../scripts/lib/chromium.mjs';
import { createJournal, expect, test, unlock } from './fixtures';
import { installPreloadStandIn } from './preloadStandIn';

/**
 * The desktop menu's commands as the page receives them. The Electron runtime cannot run here, so
 * this test stands in for the preload — the Electron boundary — with the same shape it gives the
 * page (`window.axis`: one function per method, plus `onEvent`), carried over the web host's HTTP
 * API, and pushes events as the shell would. Everything in the page and the backend is real. The
 * shell's side (menu item → event to the window) is unit-tested in tests/unit/electron-menu.test.ts.
 */

// As in Electron, whose windows need no click before sound may play (autoplayPolicy's default).
test.use({ launchOptions: chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']) });

test.beforeEach(({ page }) => installPreloadStandIn(page));

function send(page: Page, event: AxisEvent): Promise<void> {
  return page.evaluate(
    (pushed) => (globalThis as unknown as { shellSend: (event: unknown) => void }).shellSend(pushed),
    event,
  );
}

const printed = (page: Page) => page.evaluate(() => (globalThis as unknown as { printed: number }).printed);
const title = (page: Page) => page.locator('#view-title');

test('each menu command opens its view and does its first step there', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);

  // New entry: Day, on today, the cursor in its first field — after what was typed elsewhere is saved.
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await send(page, { type: 'command', command: 'new-entry' });
  await expect(title(page)).toHaveText('Your day');
  await expect(page.getByText(/^Today —/)).toBeVisible();
  await expect(page.locator('main form input').first()).toBeFocused();
  await page.getByLabel('Anything else about today').fill('Typed just before a menu command');
  await send(page, { type: 'command', command: 'settings' });
  await expect(title(page)).toHaveText('Settings');
  await expect(title(page)).toBeFocused();
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('Typed just before a menu command');

  // Export: About & your data, with the first export button focused.
  await send(page, { type: 'command', command: 'export' });
  await expect(title(page)).toHaveText('About & your data');
  await expect(page.getByRole('button', { name: 'Export as JSON' })).toBeFocused();

  // Print: Report, and the print dialog once — only when the preview is ready.
  await send(page, { type: 'command', command: 'print-report' });
  await expect(title(page)).toHaveText('Report');
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
  await expect.poll(() => printed(page)).toBe(1);
  // Already on the report: the dialog again, at once.
  await send(page, { type: 'command', command: 'print-report' });
  await expect.poll(() => printed(page)).toBe(2);

  // Start meditation: a session with the plan on the form (the last one used), at once.
  await send(page, { type: 'command', command: 'start-meditation' });
  await expect(title(page)).toHaveText('Meditate');
  await expect(page.getByRole('timer')).toBeVisible();
  // A second press shows the running session rather than starting another.
  await send(page, { type: 'command', command: 'start-meditation' });
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start a session' })).toHaveCount(0);

  for (const [command, heading] of [
    ['about', 'About & your data'],
    ['learn', 'Learn'],
    ['security', 'Security'],
  ] as const) {
    await send(page, { type: 'command', command });
    await expect(title(page)).toHaveText(heading);
    await expect(title(page)).toBeFocused();
  }
});

test('commands are ignored while the journal is locked, and not carried out after unlocking', async ({
  page,
  openApp,
}) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();

  await send(page, { type: 'command', command: 'print-report' });
  await send(page, { type: 'command', command: 'settings' });
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();

  await unlock(page);
  await expect(title(page)).toHaveText('Your day');
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
  expect(await printed(page)).toBe(0);

  // Anything that is not a command the page knows is ignored.
  await send(page, { type: 'command', command: 'delete-everything' } as unknown as AxisEvent);
  await expect(title(page)).toHaveText('Report');
});

test('Lock journal from the menu saves what was just typed, then locks', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByLabel('Anything else about today').fill('Typed a moment before Ctrl+L');
  await send(page, { type: 'command', command: 'lock' });
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
  await expect(page.getByText('Your journal is locked.')).toBeVisible();

  await unlock(page);
  await expect(page.getByLabel('Anything else about today')).toHaveValue('Typed a moment before Ctrl+L');
});
