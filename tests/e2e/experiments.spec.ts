import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, PASSPHRASE, saveScreenshot, test as base, unlock } from './fixtures';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const DAY = 86_400_000;

/** A demo journal (with its planted dairy → acne effect) in the vault folder before the web host starts. */
const test = base.extend({
  vaultDir: async ({ vaultDir }, use) => {
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '150'], {
      env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
    });
    await use(vaultDir);
  },
});

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Tabs into a 0–10 radio group (its checked radio, or the first) and moves with the arrow keys to `target`. */
/** Tabs into a score row and types the score's digit (docs/daily-logging.md: digits choose a score). */
async function setScore(page: Page, group: Locator, target: number): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const inside = await group.evaluate(
      (el) =>
        el.contains(el.ownerDocument.activeElement) && el.ownerDocument.activeElement?.getAttribute('type') === 'radio',
    );
    if (inside) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press(String(target));
  await expect(group.getByRole('radio', { checked: true }).first()).toHaveAttribute('value', String(target));
}

async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

async function bothThemes(
  page: Page,
  testInfo: Parameters<Parameters<typeof test>[2]>[1],
  name: string,
): Promise<void> {
  await expectAccessible(page, `${name} (light)`);
  await saveScreenshot(page, testInfo, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${name} (dark)`);
  await saveScreenshot(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('plan from an Insights finding, follow a short experiment day by day by keyboard, then read the result', async ({
  page,
  openApp,
  advanceBackendClock,
}, testInfo) => {
  test.setTimeout(600_000);
  await page.clock.install({ time: new Date() });
  await openApp();
  await unlock(page);
  await press(page, page.getByRole('button', { name: 'Insights', exact: true }));
  // Insights opens on the first condition, acne: its card for dairy offers the experiment.
  const acne = page.getByRole('tabpanel', { name: /^Acne/ });
  await expect(acne).toBeVisible({ timeout: 60_000 });
  const dairy = acne.getByRole('article', { name: 'Acne and dairy' });
  await press(page, dairy.getByRole('button', { name: 'Test this with an experiment' }));

  // The planner starts from the finding.
  await expect(page.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
  await expect(page.getByText(/From your insights: On the 2nd day after dairy/)).toBeVisible();
  await expect(page.getByLabel('The thing to test')).toHaveValue('food.dairy');
  await expect(page.getByLabel('Main outcome (chosen now, before starting)')).toHaveValue(/^skin\.severity\.\d+$/);
  await expect(page.getByLabel('“On” in words')).toHaveValue('Dairy as usual');
  await expect(page.getByRole('textbox', { name: 'Settling-in days at the start of each block' })).toHaveValue('3');
  await expect(
    page.getByText('Talk to a doctor or a dietitian before cutting out a whole food group', { exact: false }),
  ).toBeVisible();

  // Four pairs can never reach 0.05: the planner says so in words.
  await tabTo(page, page.getByRole('textbox', { name: 'Pairs of blocks' }));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4');
  await expect(page.getByText(/smallest p this design can give is 0\.125 — it can never reach 0\.05/)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('6');
  for (const [label, value] of [
    ['Days per block', '2'],
    ['Settling-in days at the start of each block', '0'],
  ] as const) {
    await tabTo(page, page.getByRole('textbox', { name: label }));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(value);
  }
  await expect(
    page.getByText(
      /^With 6 pairs of 2-day blocks — 24 days — a change of 2\.\d points would show up about \d+ times? in 10\.$/,
    ),
  ).toBeVisible();
  await bothThemes(page, testInfo, 'experiment-plan');
  await press(page, page.getByRole('button', { name: 'Freeze the plan and start' }));

  await expect(page.getByRole('heading', { name: 'Dairy and acne severity', level: 2 })).toBeVisible();
  await expect(page.getByText('Day 1 of 24 — 23 days left.')).toBeVisible();
  await expect(page.getByText(/The result stays hidden until the experiment ends/)).toBeVisible();

  // Day by day: the Day view says what today asks for; the journal has no meals, so a one-tap answer is given.
  const arms: string[] = [];
  for (let day = 0; day < 24; day++) {
    if (day > 0) {
      // A day later the journal has locked itself; unlocking opens today's page.
      await page.clock.fastForward(DAY);
      await advanceBackendClock(DAY);
      await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
      await unlock(page);
    } else {
      await press(page, page.getByRole('button', { name: 'Day', exact: true }));
    }
    await expect(page.getByText(/^Today —/)).toBeVisible();
    const line = page.getByRole('region', { name: 'Experiment: Dairy and acne severity' });
    const block = Math.floor(day / 2) + 1;
    await expect(line).toContainText(
      new RegExp(
        `Experiment: a “(Dairy as usual|No dairy at all)” day — block ${block} of 12, day ${(day % 2) + 1} of 2\\.`,
      ),
    );
    const on = (await line.textContent())!.includes('“Dairy as usual”');
    arms.push(on ? 'on' : 'off');
    if (day === 0) await bothThemes(page, testInfo, 'experiment-day');
    // The journal has no meals for this day yet, so it asks (the demo's own first day has meals: it can tell).
    const did = line.getByRole('button', { name: 'I did', exact: true });
    if (day > 0) {
      await press(page, did);
      await expect(did).toHaveAttribute('aria-pressed', 'true');
    }
    // Acne severity: 6 on dairy days, 3 without.
    await setScore(page, page.getByRole('group', { name: /^Acne: how bad today/ }).first(), on ? 6 : 3);
    await page.keyboard.press('Tab');
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    if (day === 10) {
      // Looking early asks first, warns, and can be declined.
      await press(page, page.getByRole('button', { name: 'Experiments', exact: true }));
      await press(page, page.getByRole('button', { name: 'Dairy and acne severity' }));
      await press(page, page.getByRole('button', { name: 'Show the result now…' }));
      await expect(page.getByText(/Looking early, and stopping when it looks good/)).toBeVisible();
      await press(page, page.getByRole('button', { name: 'Keep it hidden' }));
      await expect(page.getByText('Day 11 of 24 — 13 days left.', { exact: false })).toBeVisible();
    }
  }
  expect(arms.filter((a) => a === 'on')).toHaveLength(12);

  // The day after the last: finished, and the result is shown.
  await page.clock.fastForward(DAY);
  await advanceBackendClock(DAY);
  await unlock(page);
  await press(page, page.getByRole('button', { name: 'Experiments', exact: true }));
  const finished = page.getByRole('region', { name: 'Finished' });
  await expect(finished).toContainText(/Finished on .*\. \d+% of days as planned\./);
  await press(page, finished.getByRole('button', { name: 'Dairy and acne severity' }));
  await expect(
    page.getByText(
      /^In your experiment, your acne severity was 3\.0 points higher on “Dairy as usual” days than on “No dairy at all” days \(interval .* p = 0\.031, 6 pairs, \d+% of days as planned\)\.$/,
    ),
  ).toBeVisible();
  await expect(page.getByText('This is good evidence for you — show it to your dermatologist.')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Acne severity on each day of the experiment, 24 of 24 days logged/ }),
  ).toBeVisible();
  await bothThemes(page, testInfo, 'experiment-result');

  // The report's section: design, adherence, result and chart.
  await press(page, page.getByRole('button', { name: 'Report', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible({ timeout: 60_000 });
  const section = page.getByRole('region', { name: 'Self-experiments' });
  await expect(section).toContainText('Dairy and acne severity');
  await expect(section).toContainText(
    /Randomised pairs of blocks, 6 pairs of 2-day blocks, 0 settling-in\s+days\s+per\s+block\s+left\s+out/,
  );
  await expect(section).toContainText('This is good evidence for you — show it to your dermatologist.');
  await expect(section.getByRole('img', { name: /Acne severity on each day of the experiment/ })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'experiment-report');
});
