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

/** Opens the app on a page whose clock the test moves, and unlocks the journal. */
async function openWithClock(page: Page, openApp: () => Promise<void>): Promise<void> {
  await page.clock.install({ time: new Date() });
  await openApp();
  await unlock(page);
}

/** A day later on both clocks: the journal has locked itself; unlocking opens today's page. */
async function toNextDay(page: Page, advanceBackendClock: (ms: number) => Promise<void>): Promise<void> {
  await page.clock.fastForward(DAY);
  await advanceBackendClock(DAY);
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
  await unlock(page);
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
  // 24 days by keyboard alone: about 7 minutes on a quiet 2-core machine, more when it is shared.
  test.setTimeout(900_000);
  await openWithClock(page, openApp);
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
      await toNextDay(page, advanceBackendClock);
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
  await toNextDay(page, advanceBackendClock);
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

/** Opens the planner and fills in a design for dairy against acne (clicks: the keyboard path is tested above). */
async function planDairyAcne(
  page: Page,
  design: RegExp,
  numbers: [label: string, value: string][],
  secondary: string[] = [],
): Promise<void> {
  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  await page.getByRole('button', { name: 'Plan a new experiment' }).click();
  await expect(page.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
  await page.getByLabel('The thing to test').selectOption('food.dairy');
  await page.getByLabel('Main outcome (chosen now, before starting)').selectOption({ label: 'Acne severity' });
  await page.getByRole('radio', { name: design }).check();
  if (secondary.length > 0) {
    await page.getByText('Also look at other outcomes (exploratory)').click();
    const group = page.getByRole('group', { name: 'Other outcomes to look at (exploratory)' });
    for (const label of secondary) await group.getByRole('checkbox', { name: label, exact: true }).check();
  }
  for (const [label, value] of numbers) await page.getByRole('textbox', { name: label }).fill(value);
}

/**
 * Follows a running experiment day by day with the controlled clock: reads the Day view's line,
 * answers "I did" where the journal cannot tell, and logs acne (6 on "on" days, 3 on "off" days).
 * `each` runs on every day after the line is read. Returns the arms as the Day view said them.
 */
async function followDays(
  page: Page,
  advanceBackendClock: (ms: number) => Promise<void>,
  title: string,
  expected: ((day: number) => RegExp)[],
  each: (day: number, line: Locator) => Promise<void> = async () => {},
): Promise<string[]> {
  const arms: string[] = [];
  for (let day = 0; day < expected.length; day++) {
    if (day > 0) {
      await toNextDay(page, advanceBackendClock);
    } else {
      await page.getByRole('button', { name: 'Day', exact: true }).click();
    }
    await expect(page.getByText(/^Today —/)).toBeVisible();
    const line = page.getByRole('region', { name: `Experiment: ${title}` });
    await expect(line).toContainText(expected[day]!(day));
    const on = (await line.textContent())!.includes('“Dairy as usual”');
    arms.push(on ? 'on' : 'off');
    await each(day, line);
    const did = line.getByRole('button', { name: 'I did', exact: true });
    if (await did.isVisible()) {
      await did.click();
      await expect(did).toHaveAttribute('aria-pressed', 'true');
    }
    await setScore(page, page.getByRole('group', { name: /^Acne: how bad today/ }).first(), on ? 6 : 3);
    await page.keyboard.press('Tab');
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  }
  // The day after the last: the experiment has finished.
  await toNextDay(page, advanceBackendClock);
  return arms;
}

/** The time two minutes from the page's clock, as HH:MM. */
async function soonOnThePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = new Date(Date.now() + 2 * 60_000);
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  });
}

test('an elimination: avoid first, then randomised reintroduction; calendar, reminder banner, exploratory outcome, Insights', async ({
  page,
  openApp,
  advanceBackendClock,
}, testInfo) => {
  test.setTimeout(600_000);
  await openWithClock(page, openApp);
  await planDairyAcne(
    page,
    /^Elimination, then randomised reintroduction/,
    [
      ['Pairs of blocks', '2'],
      ['Days of avoiding it first', '1'],
      ['Days per block', '2'],
      ['Settling-in days at the start of each block', '0'],
    ],
    ['Itch'],
  );
  // Two pairs can never reach 0.05: said in words, and it can still be run (as a first look).
  await expect(page.getByText(/smallest p this design can give is 0\.500 — it can never reach 0\.05/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Itch', exact: true })).toBeChecked();
  await bothThemes(page, testInfo, 'experiment-plan-elimination');
  await page.getByRole('button', { name: 'Freeze the plan and start' }).click();
  await expect(page.getByRole('heading', { name: 'Dairy and acne severity', level: 2 })).toBeVisible();
  await expect(page.getByText(/Also looking at \(exploratory\): itch\./)).toBeVisible();

  const block = (b: number, d: number) => () =>
    new RegExp(`a “(Dairy as usual|No dairy at all)” day — block ${b} of 4, day ${d} of 2\\.`);
  const arms = await followDays(
    page,
    advanceBackendClock,
    'Dairy and acne severity',
    [
      () => /a “No dairy at all” day — avoid phase, day 1 of 1\./,
      block(1, 1),
      block(1, 2),
      block(2, 1),
      block(2, 2),
      block(3, 1),
      block(3, 2),
      block(4, 1),
      block(4, 2),
    ],
    async (day, line) => {
      await setScore(page, page.getByRole('group', { name: /^Worst itch in the last 24 hours/ }).first(), 2);
      if (day === 0) {
        // The schedule calendar: every day in words, today marked; the avoid phase first.
        await line.getByText('The schedule calendar').click();
        const calendar = line.getByRole('table', { name: 'Dairy and acne severity: the schedule by week' });
        await expect(calendar.locator('td[aria-current="date"]')).toContainText(/Avoid\s*Today/);
        await expect(calendar.getByRole('cell', { name: /(On|Off)$/ })).toHaveCount(8);
        await expect(line.getByRole('list', { name: 'What the days mean' })).toContainText(
          'Avoid: avoid phase: “No dairy at all” (not analysed)',
        );
        await bothThemes(page, testInfo, 'experiment-day-calendar');
      }
      if (day === 1) {
        // "Open this experiment" opens this one (not the list); its reminder is set there.
        await line.getByRole('button', { name: 'Open this experiment' }).click();
        await expect(page.getByRole('heading', { name: 'Dairy and acne severity', level: 2 })).toBeVisible();
        const reminder = page.getByRole('region', { name: 'Reminder' });
        await reminder.getByRole('checkbox', { name: 'Remind me at' }).check();
        await reminder.getByLabel('Reminder time').fill(await soonOnThePage(page));
        await reminder.getByRole('button', { name: 'Save the reminder' }).click();
        await expect(reminder.getByRole('status')).toContainText(
          /^Saved: a reminder at \d\d:\d\d on experiment days\.$/,
        );
        await expect(reminder).toContainText('“Axis Journal: Time to log today’s experiment.”');
        await bothThemes(page, testInfo, 'experiment-reminder-setting');
        // The browser has not allowed notifications: at the time, a banner in the app says only that.
        await page.clock.fastForward(3 * 60_000);
        const banner = page.getByRole('status').filter({ hasText: 'Time to log today’s experiment.' });
        await expect(banner).toBeVisible();
        await bothThemes(page, testInfo, 'experiment-reminder-banner');
        await banner.getByRole('button', { name: 'Open today' }).click();
        await expect(banner).toBeHidden();
        await expect(page.getByText(/^Today —/)).toBeVisible();
      }
    },
  );
  expect(arms[0]).toBe('off');
  expect(arms.slice(1).filter((a) => a === 'on')).toHaveLength(4);

  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  await page.getByRole('region', { name: 'Finished' }).getByRole('button', { name: 'Dairy and acne severity' }).click();
  await expect(
    page.getByText(
      /^In your experiment, your acne severity was 3\.0 points higher on “Dairy as usual” days than on “No dairy at all” days \(p = 0\.50, 2 pairs, \d+% of days as planned\)\.$/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/With 2 pairs the smallest p this design can give is 0\.500/)).toBeVisible();
  const exploratory = page.getByRole('region', { name: 'Other outcomes (exploratory)' });
  await expect(exploratory).toContainText('Looking at several outcomes makes one chance difference more likely');
  await expect(exploratory).toContainText(/Exploratory — itch: 0\.0 points/);
  await bothThemes(page, testInfo, 'experiment-result-elimination');

  // Insights: the finished experiment in "Your experiments", and on the dairy card.
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  const yours = page.getByRole('region', { name: 'Your experiments' });
  await expect(yours).toBeVisible({ timeout: 60_000 });
  const item = yours.getByRole('article', { name: 'Dairy and acne severity' });
  await expect(item).toContainText('Elimination, then randomised reintroduction, 2 pairs of 2-day blocks');
  await expect(item).toContainText(/Effect \(on − off\)\s*3\.0\s+points/);
  await expect(item).toContainText(/p\s*0\.500/);
  const acne = page.getByRole('tabpanel', { name: /^Acne/ });
  await expect(acne).toBeVisible({ timeout: 60_000 });
  await expect(acne.getByRole('article', { name: 'Acne and dairy' })).toContainText(
    /You tested this: In your experiment, your acne severity was 3\.0 points higher/,
  );
  await yours.scrollIntoViewIfNeeded();
  await bothThemes(page, testInfo, 'insights-your-experiments');
  await item.getByRole('button', { name: 'Open the experiment' }).click();
  await expect(page.getByRole('heading', { name: 'Dairy and acne severity', level: 2 })).toBeVisible();
});

test('a before/after experiment: followed, read with its weak-evidence warning, labelled weaker in Insights', async ({
  page,
  openApp,
  advanceBackendClock,
}, testInfo) => {
  test.setTimeout(600_000);
  await openWithClock(page, openApp);
  await planDairyAcne(page, /^Before and after \(weaker\)/, [
    ['Days per block', '3'],
    ['Settling-in days at the start of each block', '0'],
  ]);
  await expect(page.getByText(/Before\/after is the weakest design/)).toBeVisible();
  await bothThemes(page, testInfo, 'experiment-plan-before-after');
  await page.getByRole('button', { name: 'Freeze the plan and start' }).click();
  await expect(page.getByRole('heading', { name: 'Dairy and acne severity', level: 2 })).toBeVisible();

  const arms = await followDays(page, advanceBackendClock, 'Dairy and acne severity', [
    () => /a “No dairy at all” day — block 1 of 2, day 1 of 3\./,
    () => /a “No dairy at all” day — block 1 of 2, day 2 of 3\./,
    () => /a “No dairy at all” day — block 1 of 2, day 3 of 3\./,
    () => /a “Dairy as usual” day — block 2 of 2, day 1 of 3\./,
    () => /a “Dairy as usual” day — block 2 of 2, day 2 of 3\./,
    () => /a “Dairy as usual” day — block 2 of 2, day 3 of 3\./,
  ]);
  expect(arms).toEqual(['off', 'off', 'off', 'on', 'on', 'on']);

  await page.getByRole('button', { name: 'Experiments', exact: true }).click();
  await page.getByRole('region', { name: 'Finished' }).getByRole('button', { name: 'Dairy and acne severity' }).click();
  await expect(
    page.getByText(
      'After the change, your acne severity averaged 3.0 points higher (“Dairy as usual”, 3 days) than before (“No dairy at all”, 3 days).',
    ),
  ).toBeVisible();
  await expect(page.getByText(/^This is weak evidence: a before\/after comparison cannot separate/)).toBeVisible();
  await bothThemes(page, testInfo, 'experiment-result-before-after');

  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  const item = page.getByRole('region', { name: 'Your experiments' }).getByRole('article', {
    name: 'Dairy and acne severity',
  });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await expect(item).toContainText('Weaker design: before/after, not randomised');
  await expect(item).toContainText(/p\s*no test \(no random order\)/);
  await item.scrollIntoViewIfNeeded();
  await bothThemes(page, testInfo, 'insights-before-after');
});
