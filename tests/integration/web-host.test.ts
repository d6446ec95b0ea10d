import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/csp';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';
import { runWebHostToExit } from '../helpers/webHostProcess';

let host: WebHost;
let dispose: () => void;

beforeEach(async () => {
  const rendererDir = tempDir('axis-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Axis Journal</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir('axis-outside-'), 'secret.txt'), 'outside');
  const { backend, dispatch } = createApp({
    vaultDir: tempDir(),
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
  });
  dispose = () => backend.dispose();
  host = await startWebHost({ dispatch, rendererDir, port: 0 });
});

afterEach(async () => {
  dispose();
  await host.close();
  removeTempDirs();
});

/** Raw HTTP, so tests can send any Host and Origin headers (fetch forbids changing Host). */
function send(
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      // A fresh connection each time: a kept-alive socket the server is just closing gives ECONNRESET.
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        headers: { Host: `127.0.0.1:${host.port}`, ...headers },
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function signIn(): Promise<string> {
  const res = await send('/api/session', { method: 'POST', headers: { 'X-Axis-Token': host.token } });
  expect(res.status).toBe(204);
  const cookie = String(res.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

function callApi(cookie: string, method: string, input?: unknown, extra: Record<string, string> = {}) {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...extra },
    body: input === undefined ? '' : JSON.stringify(input),
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with a random token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(
      startWebHost({
        dispatch: async () => ({ ok: true, value: null }),
        rendererDir: tempDir(),
        port: 0,
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/only serves this computer/);
  });

  it('serves the renderer with the strict CSP and security headers', async () => {
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Axis Journal');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('answers 401 to API calls without the token or its cookie', async () => {
    expect(
      (await send('/api/vault.status', { method: 'POST', headers: { 'Content-Type': 'application/json' } })).status,
    ).toBe(401);
    expect((await send('/api/session', { method: 'POST' })).status).toBe(401);
    expect((await send('/api/session', { method: 'POST', headers: { 'X-Axis-Token': 'guess' } })).status).toBe(401);
    const wrongCookie = await callApi('axis_session=guess', 'vault.status');
    expect(wrongCookie.status).toBe(401);
    // Nothing was created by any of these.
    const cookie = await signIn();
    expect(JSON.parse((await callApi(cookie, 'vault.status')).body)).toMatchObject({
      ok: true,
      value: { state: 'absent' },
    });
  });

  it('answers 403 to a foreign Host header (DNS rebinding) even with a valid cookie', async () => {
    const cookie = await signIn();
    for (const badHost of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const res = await callApi(cookie, 'vault.status', undefined, { Host: badHost });
      expect(res.status).toBe(403);
    }
    expect((await send('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await callApi(cookie, 'vault.status', undefined, { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('answers 403 to a foreign Origin, and to cross-site fetches', async () => {
    const cookie = await signIn();
    const foreign = await callApi(
      cookie,
      'vault.create',
      { passphrase: PASSPHRASE },
      { Origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await callApi(cookie, 'vault.status', undefined, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(
      (await send('/api/session', { method: 'POST', headers: { 'X-Axis-Token': host.token, Origin: 'null' } })).status,
    ).toBe(403);
    // The refused create did nothing.
    expect(JSON.parse((await callApi(cookie, 'vault.status')).body).value.state).toBe('absent');
    const same = await callApi(cookie, 'vault.status', undefined, { Origin: `http://127.0.0.1:${host.port}` });
    expect(same.status).toBe(200);
  });

  it('serves the contract to a signed-in page: create, lock, unlock', async () => {
    const cookie = await signIn();
    const created = JSON.parse((await callApi(cookie, 'vault.create', { passphrase: PASSPHRASE })).body);
    expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    expect(JSON.parse((await callApi(cookie, 'vault.lock')).body).value.state).toBe('locked');
    const wrong = JSON.parse((await callApi(cookie, 'vault.unlock', { passphrase: 'not the one at all' })).body);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const right = JSON.parse((await callApi(cookie, 'vault.unlock', { passphrase: PASSPHRASE })).body);
    expect(right).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('refuses malformed, oversized or non-JSON bodies and unknown methods with clear statuses', async () => {
    const cookie = await signIn();
    const malformed = await send('/api/vault.unlock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{"passphrase":',
    });
    expect(malformed.status).toBe(400);
    const notJson = await send('/api/vault.status', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Cookie: cookie },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    const huge = await callApi(cookie, 'vault.unlock', { passphrase: 'x'.repeat(40 * 1024 * 1024) }).catch(() => ({
      status: 413,
    }));
    expect(huge.status).toBe(413);
    const unknown = JSON.parse((await callApi(cookie, 'vault.destroyEverything')).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect((await send('/api/vault.status', { headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('answers any hostile request (path, method, headers, body) with a clear status and changes nothing', async () => {
    const cookie = await signIn();
    expect(JSON.parse((await callApi(cookie, 'vault.create', { passphrase: PASSPHRASE })).body).ok).toBe(true);
    const day = { date: '2026-06-01', notes: 'kept safe' };
    const saved = JSON.parse((await callApi(cookie, 'day.get', { date: '2026-06-01' })).body).value.entry;
    expect(JSON.parse((await callApi(cookie, 'day.save', { ...saved, notes: day.notes })).body).ok).toBe(true);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          path: fc.oneof(
            fc.constantFrom(
              '/api/day.save',
              '/api/data.deleteAll',
              '/api/data.restore',
              '/api/vault.lock',
              '/api/session',
              '/api/',
              '/api/%00',
              '/api/__proto__',
            ),
            fc.webPath(),
          ),
          method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/json; charset=utf-8',
            'multipart/form-data',
            '',
          ),
          origin: fc.constantFrom(undefined, 'https://evil.example', 'null', `http://127.0.0.1:${host.port}`),
          withCookie: fc.boolean(),
          body: fc.oneof(
            fc.json(),
            fc.string(),
            fc.constantFrom('{"date":"2026-06-01","notes":""}', '{"confirmation":"delete"}', '[]', 'null'),
          ),
        }),
        async ({ path, method, contentType, origin, withCookie, body }) => {
          const headers: Record<string, string> = {};
          if (contentType) headers['Content-Type'] = contentType;
          if (origin) headers.Origin = origin;
          if (withCookie) headers.Cookie = cookie;
          const res = await send(path, { method, headers, body: method === 'GET' ? undefined : body });
          statuses.add(res.status);
          expect([200, 204, 400, 401, 403, 404, 405, 413, 415]).toContain(res.status);
          if (res.status === 200 && res.headers['content-type']?.toString().startsWith('application/json')) {
            const answer = JSON.parse(res.body) as { ok: boolean; error?: { message: string } };
            if (!answer.ok) expect(answer.error!.message).not.toMatch(/at .*\.ts:\d+|ZodError|SqliteError/);
          }
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
    expect([...statuses].some((status) => status >= 400)).toBe(true);
    // The journal is still open, and the day is as it was saved.
    const after = JSON.parse((await callApi(cookie, 'day.get', { date: '2026-06-01' })).body);
    expect(after.value.entry.notes).toBe(day.notes);
    expect(JSON.parse((await callApi(cookie, 'vault.status')).body).value.state).toBe('unlocked');
  }, 60_000);

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/etc/passwd', '/%00']) {
      const res = await send(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('web host command line', () => {
  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runWebHostToExit(['--vault', tempDir(), '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.output.trim()).toBe(
        `Port ${port} is already in use by another program. Leave out --port to use a free one.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad port number and unknown options without a stack trace', async () => {
    const badPort = await runWebHostToExit(['--port', 'abc']);
    expect(badPort.code).toBe(1);
    expect(badPort.output).toContain('"abc" is not a port number');
    const unknown = await runWebHostToExit(['--passphrase', 'secret']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/Unknown option '--passphrase'/);
    expect(unknown.output).not.toMatch(/\bat .*\.js:\d+/);
  });
});
