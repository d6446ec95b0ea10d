import type { Page } from '@playwright/test';
import { installAudioProbe, readAudioProbe } from '../../scripts/lib/audioProbe.mjs';
import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

const MIN = 60_000;

/** Seconds ahead of the audio clock that each sound still to ring was scheduled (cancelled ones left out). */
async function scheduledAhead(page: Page, from = 0): Promise<number[]> {
  return (await readAudioProbe(page))
    .slice(from)
    .filter((sound) => !sound.cancelled)
    .map((sound) => sound.ahead);
}

async function openMeditate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Meditate', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Start a session' })).toBeVisible();
}

test('a 10-minute session with 5-minute bells: scheduled on time, paused and resumed, logged into the day', async ({
  page,
  openApp,
  advanceBackendClock,
}, testInfo) => {
  await page.clock.install({ time: new Date() });
  await installAudioProbe(page);
  await openApp();
  await createJournal(page);
  await openMeditate(page);
  await expectAccessible(page, 'meditation setup');

  await page.getByRole('radio', { name: '10 minutes' }).check();
  await page.getByLabel('Preparation countdown (seconds)').fill('0');
  await page.getByRole('checkbox', { name: 'Interval bell' }).check();
  await page.getByLabel('every').fill('5');
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^(10:00|09:5\d)$/);
  await expectAccessible(page, 'meditation session');
  await saveScreenshot(page, testInfo, 'meditation-session');

  // Every bell is handed to the audio engine at its moment in the session: start, interval, end
  // (watched from outside the app, on the page's Web Audio API).
  await expect.poll(async () => (await scheduledAhead(page)).length).toBe(3);
  const [startBell, intervalBell, endBell] = await scheduledAhead(page);
  expect(Math.abs(startBell! - 0), 'start bell').toBeLessThan(1);
  expect(Math.abs(intervalBell! - 5 * 60), 'interval bell').toBeLessThan(1);
  expect(Math.abs(endBell! - 10 * 60), 'end bell').toBeLessThan(1);

  // Two minutes in, pause for three minutes: the time stands still and the bells move.
  await advanceBackendClock(2 * MIN);
  await page.clock.fastForward(2 * MIN);
  await expect(timer).toHaveText(/^(08:00|07:5\d)$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const later = (await readAudioProbe(page)).filter((sound) => sound.ahead > 2 * 60);
  expect(later).toHaveLength(2);
  expect(later.every((sound) => sound.cancelled)).toBe(true);
  const atPause = (await timer.textContent())!;
  await advanceBackendClock(3 * MIN);
  await page.clock.fastForward(3 * MIN);
  await expect(timer).toHaveText(atPause);
  await page.getByRole('button', { name: 'Resume' }).click();
  // The interval and end bells again (the first three sounds were the original schedule), now
  // relative to the resumed session: about three and eight minutes ahead, not five and ten. (Real
  // seconds keep passing while the clocks are moved by hand, a few of them on a busy machine.)
  await expect.poll(async () => (await scheduledAhead(page, 3)).length).toBe(2);
  const [interval, end] = await scheduledAhead(page, 3);
  expect(Math.abs(interval! - 3 * 60)).toBeLessThan(15);
  expect(Math.abs(end! - 8 * 60)).toBeLessThan(15);

  // A reload in the middle resumes the same session from the backend.
  await page.reload();
  await page.getByRole('button', { name: 'Meditate', exact: true }).click();
  await expect(page.getByRole('timer')).toHaveText(/^(08:00|07:5\d)$/);

  // The rest of the session.
  await advanceBackendClock(8 * MIN + 2_000);
  await page.clock.fastForward(8 * MIN + 2_000);
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/10 min/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Meditation')).toHaveValue('10');
});

test('ending early keeps the minutes actually sat; discarding keeps nothing', async ({
  page,
  openApp,
  advanceBackendClock,
}) => {
  await page.clock.install({ time: new Date() });
  await openApp();
  await createJournal(page);
  await openMeditate(page);
  await page.getByRole('radio', { name: '20 minutes' }).check();
  await page.getByLabel('Preparation countdown (seconds)').fill('0');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Move the clocks only once the backend has started the session.
  await expect(page.getByRole('timer')).toBeVisible();
  await advanceBackendClock(3 * MIN);
  await page.clock.fastForward(3 * MIN);
  await page.getByRole('button', { name: 'End early' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await expect(page.getByRole('heading', { name: 'Session ended early' })).toBeVisible();
  await expectAccessible(page, 'meditation done');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Start a session' })).toBeVisible();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await advanceBackendClock(2 * MIN);
  await page.clock.fastForward(2 * MIN);
  await page.getByRole('button', { name: 'End early' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await page.getByRole('button', { name: 'Discard session' }).click();

  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Meditation')).toHaveValue('3');
});

test('a long sitting without touching anything does not lock the journal', async ({
  page,
  openApp,
  advanceBackendClock,
}) => {
  await page.clock.install({ time: new Date() });
  await openApp();
  await createJournal(page);
  await openMeditate(page);
  await page.getByRole('radio', { name: 'Open-ended' }).check();
  await page.getByLabel('Preparation countdown (seconds)').fill('0');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  for (let minute = 0; minute < 14; minute++) {
    await advanceBackendClock(MIN);
    await page.clock.runFor(MIN);
  }
  await expect(page.getByRole('timer')).toHaveText(/^14:0\d$/);
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
});

test('a session under a minute is logged only when kept on purpose, and the totals say where each number comes from', async ({
  page,
  openApp,
  advanceBackendClock,
}, testInfo) => {
  await page.clock.install({ time: new Date() });
  await openApp();
  await createJournal(page);
  // Minutes typed into today without the timer.
  await page.getByLabel('Meditation').fill('12');
  await page.getByLabel('Meditation').press('Tab');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await openMeditate(page);
  const totals = page.locator('dl.totals');
  await expect(totals).toContainText('With the timer 0 minutes in 0 sessions');
  await expect(totals).toContainText('Typed into your days 12 minutes on 1 day');

  async function shortSession(): Promise<void> {
    await page.getByLabel('Preparation countdown (seconds)').fill('0');
    await page.getByRole('button', { name: 'Start', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('timer')).toBeVisible();
    advanceBackendClock(14_000);
    await page.clock.fastForward(14_000);
    await page.getByRole('button', { name: 'End early' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'End now' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Save this short session?' })).toBeVisible();
  }

  // Not kept: Enter in the form does not save it, and "Don't save it" leaves no trace.
  await shortSession();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'short session question');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'short session question, dark');
  await saveScreenshot(page, testInfo, 'meditation-short-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // Submitting the form (as Enter in a field does) does not keep it.
  await page
    .locator('section.done form')
    .evaluate((form) => (form as unknown as { requestSubmit: () => void }).requestSubmit());
  await expect(page.getByRole('group', { name: 'Save this short session?' })).toBeVisible();
  await page.getByRole('button', { name: 'Don’t save it' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The session was discarded.')).toBeVisible();
  await expect(totals).toContainText('With the timer 0 minutes in 0 sessions');
  await expect(totals).toContainText('Streak 1 day now');

  // Kept on purpose: it is logged and adds its minute to the day.
  await shortSession();
  await page.getByRole('button', { name: 'Save this short session' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Session saved:/)).toBeVisible();
  await expect(totals).toContainText('With the timer under 1 minute in 1 session');
  await expect(totals).toContainText('Typed into your days 12 minutes on 1 day');
  await saveScreenshot(page, testInfo, 'meditation-totals');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Meditation')).toHaveValue('13');

  // Deleting it, by keyboard: the question opens in the row with focus on it, "Keep it" returns
  // focus to Delete, and once deleted focus lands on the list's heading and the totals follow.
  await openMeditate(page);
  const sessions = page.getByRole('list', { name: 'Sessions' });
  const deleteLink = sessions.getByRole('button', { name: /^Delete the session of / });
  await deleteLink.focus();
  await page.keyboard.press('Enter');
  await expect(sessions.getByText(/^Delete the session of .+\? This cannot be undone\.$/)).toBeFocused();
  await expectAccessible(page, 'delete a session question');
  await sessions.getByRole('button', { name: 'Keep it' }).focus();
  await page.keyboard.press('Enter');
  await expect(deleteLink).toBeFocused();
  await page.keyboard.press('Enter');
  await sessions.getByRole('button', { name: 'Delete session' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeFocused();
  await expect(page.getByText('No sessions logged yet.')).toBeVisible();
  await expect(totals).toContainText('With the timer 0 minutes in 0 sessions');
});
