import { createServer } from 'node:http';
import {
  PASSPHRASE,
  createJournal,
  expect,
  expectAccessible,
  saveScreenshot,
  submitPassphrase,
  test,
} from './fixtures';

/*
 * Issue 13, L11: after the web host stops, another program can take its port. A tab still open
 * on that address would send the next passphrase typed into its lock screen to the impostor. The
 * page now first asks the server to prove it holds the key this tab got at sign-in.
 */
test('a tab left open does not send the passphrase to a program that took over the port', async ({
  page,
  openApp,
  webHost,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();

  const port = Number(new URL(webHost.url).port);
  await webHost.stop();
  const received: string[] = [];
  const impostor = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.url} ${body}`);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url?.startsWith('/api/session/prove')) res.end(JSON.stringify({ proof: 'I am the real one' }));
      else if (req.url === '/api/vault.status')
        res.end(JSON.stringify({ ok: true, value: { state: 'locked', vaultDir: '/tmp/x', retryAfterSeconds: 0 } }));
      else
        res.end(
          JSON.stringify({ ok: true, value: { state: 'unlocked', vaultDir: '/tmp/x', createdAt: '2026-01-01' } }),
        );
    });
  });
  await new Promise<void>((done) => impostor.listen(port, '127.0.0.1', done));
  try {
    await submitPassphrase(page, PASSPHRASE);
    await expect(page.getByRole('alert')).toContainText(
      'cannot confirm it is still talking to the Axis Journal it signed in to',
    );
    await expectAccessible(page, 'unlock refused to an impostor');
    await saveScreenshot(page, testInfo, 'impostor-refused');
    expect(received.some((line) => line.includes('/api/session/prove'))).toBe(true);
    expect(received.filter((line) => line.includes(PASSPHRASE))).toEqual([]);
  } finally {
    await new Promise((done) => impostor.close(done));
  }
});

test('sign out of a browser tab from Security', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out of this tab' }).click();
  await expect(page.getByRole('heading', { name: 'Open Axis Journal from its start-up link' })).toBeVisible();
  await expectAccessible(page, 'signed out');
});
