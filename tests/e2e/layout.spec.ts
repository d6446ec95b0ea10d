import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, PASSPHRASE, test as base, unlock } from './fixtures';

/**
 * Small windows: every view at 900×700 and 1280×800, light and dark, on a year of demo journal
 * (the fullest pages). No view may scroll sideways, every sidebar control must be on screen or
 * reachable by scrolling its own container, Lock stays in view, and Meditate's Start needs no
 * scrolling at all.
 */

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');

const test = base.extend({
  vaultDir: async ({ vaultDir }, use) => {
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '365'], {
      env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
    });
    await use(vaultDir);
  },
});

/** Each view by its sidebar button, its heading, and a control that must be reachable in it. */
const VIEWS: { nav: string; heading: string; control?: (page: Page) => Locator }[] = [
  { nav: 'Day', heading: 'Your day' },
  { nav: 'Journal', heading: 'Journal' },
  {
    nav: 'Eczema check',
    heading: 'Eczema check',
    control: (page) => page.getByRole('button', { name: 'Save this check' }),
  },
  { nav: 'Trends', heading: 'Trends' },
  { nav: 'Insights', heading: 'Insights' },
  { nav: 'Report', heading: 'Report', control: (page) => page.getByRole('button', { name: 'Save as PDF…' }) },
  { nav: 'Meditate', heading: 'Meditate', control: (page) => page.getByRole('button', { name: 'Start', exact: true }) },
  {
    nav: 'Experiments',
    heading: 'Experiments',
    control: (page) => page.getByRole('button', { name: 'Plan a new experiment' }),
  },
  { nav: 'Photos', heading: 'Photos' },
  { nav: 'Settings', heading: 'Settings' },
  { nav: 'Learn', heading: 'Learn' },
  { nav: 'Security', heading: 'Security' },
  { nav: 'About & your data', heading: 'About & your data' },
];

const SIZES = [
  { width: 900, height: 700 },
  { width: 1280, height: 800 },
];

/** How far the page scrolls sideways (0 when it does not). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** The element lies wholly inside the window. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

/** Scrolls the element's own containers (never sideways past the window) and checks it is then on screen. */
async function expectReachable(page: Page, locator: Locator, what: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  expect(await inViewport(page, locator), `${what} can be scrolled into view`).toBe(true);
}

async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  test(`every view fits a ${size.width}×${size.height} window, light and dark, with every control reachable`, async ({
    page,
    openApp,
  }, testInfo) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    await openApp();
    await unlock(page);
    const sidebar = page.getByRole('complementary');
    const lock = page.getByRole('button', { name: 'Lock journal' });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        const label = `${view.nav} at ${size.width}×${size.height}, ${scheme}`;
        await sidebar.getByRole('button', { name: view.nav, exact: true }).click();
        await expect(page.getByRole('heading', { name: view.heading, level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        if (view.nav === 'Report')
          await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible({
            timeout: 60_000,
          });
        if (view.nav === 'Insights')
          await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 60_000 });

        expect(await sidewaysOverflow(page), `${label}: no sideways scrolling`).toBeLessThanOrEqual(0);
        // Lock is a safety control: always on screen, whatever the page or the sidebar's scroll.
        expect(await inViewport(page, lock), `${label}: Lock journal on screen`).toBe(true);
        if (view.nav === 'Meditate') {
          // Start is on screen without any scrolling.
          await scrollToTop(page);
          expect(await inViewport(page, view.control!(page)), `${label}: Start on screen without scrolling`).toBe(true);
        } else if (view.control) {
          await expectReachable(page, view.control(page), `${label}: ${view.nav}'s main action`);
        }
        await scrollToTop(page);
        await shoot(page, testInfo, `${view.nav.replace(/\W+/g, '-').toLowerCase()}-${scheme}`);
        // One axe pass per view and theme at the small size; the large size is covered by each view's own spec.
        if (size.width === 900) await expectAccessible(page, label);
      }
      // Every sidebar control is on screen or can be scrolled to inside the sidebar.
      for (const view of VIEWS)
        await expectReachable(
          page,
          sidebar.getByRole('button', { name: view.nav, exact: true }),
          `${view.nav} in the sidebar`,
        );
      for (const option of ['System', 'Light', 'Dark'])
        await expectReachable(page, sidebar.getByRole('radio', { name: option }), `the ${option} theme`);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    }
  });
}

test('at 900×700 the keyboard reaches Lock and the theme after the sections, and they show when focused', async ({
  page,
  openApp,
}, testInfo) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp();
  await unlock(page);
  const sidebar = page.getByRole('complementary');
  await sidebar.getByRole('button', { name: 'About & your data', exact: true }).focus();
  await page.keyboard.press('Tab');
  const lock = page.getByRole('button', { name: 'Lock journal' });
  await expect(lock).toBeFocused();
  expect(await inViewport(page, lock)).toBe(true);
  await page.keyboard.press('Tab');
  const checked = sidebar.getByRole('radio', { checked: true });
  await expect(checked).toBeFocused();
  expect(await inViewport(page, checked)).toBe(true);
  // Arrow keys choose the theme, as radio buttons do.
  await page.keyboard.press('ArrowDown');
  await expect(sidebar.getByRole('radio', { name: 'Light' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(sidebar.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Going back up through the sections by keyboard, each one is scrolled into view as it takes focus.
  await page.keyboard.press('Shift+Tab');
  await expect(lock).toBeFocused();
  for (const view of [...VIEWS].reverse()) {
    await page.keyboard.press('Shift+Tab');
    const button = sidebar.getByRole('button', { name: view.nav, exact: true });
    await expect(button).toBeFocused();
    expect(await inViewport(page, button), `${view.nav} in view when focused`).toBe(true);
    if (view.nav === 'About & your data') await shoot(page, testInfo, 'sidebar-focus-last-section-dark');
  }
  await shoot(page, testInfo, 'sidebar-focus-first-section-dark');
});
