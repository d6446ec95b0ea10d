import { createHmac } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';
import { startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';
import { postToHost } from '../helpers/webRequest';

/*
 * Issue 13, M3 and L11: the start-up token could be exchanged any number of times, every exchange
 * got the same session secret, `--open` put the full token in the process list, the port was
 * fixed (a squatter on it got the next passphrase typed into a still-open tab), and there was no
 * sign-out.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

async function host(options: { now?: () => number } = {}): Promise<WebHost> {
  const rendererDir = tempDir('axis-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Axis Journal</title>');
  const { backend, dispatch } = createApp({
    vaultDir: tempDir(),
    host: 'web',
    version: 'test',
    scryptCost: FAST_SCRYPT,
  });
  const started = await startWebHost({ dispatch, rendererDir, port: 0, ...options });
  cleanups.push(
    () => backend.dispose(),
    () => started.close(),
  );
  return started;
}

const send = postToHost;

async function exchange(h: WebHost, token: string) {
  const res = await send(h, '/api/session', { 'X-Axis-Token': token });
  const cookie = res.status === 204 ? String(res.headers['set-cookie']).split(';')[0]! : null;
  return { status: res.status, cookie, serverKey: res.headers['x-axis-server-key'] as string | undefined };
}

const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;

describe('M3: web host sessions', () => {
  it('the start-up token works once; each exchange gets its own session secret, in a cookie named for the port', async () => {
    const h = await host();
    const first = await exchange(h, h.token);
    expect(first.status).toBe(204);
    expect(first.cookie).toMatch(new RegExp(`^axis_session_${h.port}=[A-Za-z0-9_-]{40,}$`));
    expect((await exchange(h, h.token)).status).toBe(401); // a second use of the same token

    const second = await exchange(h, tokenOf(h.issueUrl()));
    expect(second.status).toBe(204);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.serverKey).not.toBe(first.serverKey);
    for (const cookie of [first.cookie!, second.cookie!])
      expect((await send(h, '/api/vault.status', { Cookie: cookie })).status).toBe(200);
  });

  it('a token expires unused', async () => {
    let clock = 1_000_000;
    const h = await host({ now: () => clock });
    const short = tokenOf(h.issueUrl(60_000));
    clock += 60_001;
    expect((await exchange(h, short)).status).toBe(401);
    clock += 10 * 60_000;
    expect((await exchange(h, h.token)).status).toBe(401);
  });

  it('signing out ends that session only', async () => {
    const h = await host();
    const a = await exchange(h, h.token);
    const b = await exchange(h, tokenOf(h.issueUrl()));
    const out = await send(h, '/api/session/end', { Cookie: a.cookie! });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await send(h, '/api/vault.status', { Cookie: a.cookie! })).status).toBe(401);
    expect((await send(h, '/api/vault.status', { Cookie: b.cookie! })).status).toBe(200);
  });

  it('proves to the page that it holds the key given at sign-in (a squatter cannot)', async () => {
    const h = await host();
    const a = await exchange(h, h.token);
    const challenge = 'c'.repeat(32);
    const res = await send(h, `/api/session/prove?challenge=${challenge}`, { Cookie: a.cookie! });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).proof).toBe(createHmac('sha256', a.serverKey!).update(challenge).digest('base64url'));
    expect((await send(h, `/api/session/prove?challenge=${challenge}`)).status).toBe(401);
  });
});

describe('M3/L11: the web host process', () => {
  let running: RunningWebHost | null = null;
  afterEach(async () => {
    await running?.stop();
    running = null;
  });

  it('picks a free port by default, and hands --open its own short-lived code, never the printed token', async () => {
    const bin = tempDir('axis-fake-browser-');
    const argvFile = join(bin, 'argv.txt');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > '${argvFile}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    running = await startWebHostProcess(['--vault', tempDir(), '--open'], { PATH: `${bin}:${process.env.PATH}` });
    expect(Number(new URL(running.url).port)).not.toBe(4477);
    let opened = '';
    for (let i = 0; i < 500 && !opened; i++) {
      await new Promise((done) => setTimeout(done, 10));
      try {
        opened = readFileSync(argvFile, 'utf8').trim();
      } catch {
        // not yet
      }
    }
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(opened).not.toContain(running.token);
    const port = { port: Number(new URL(running.url).port) };
    const code = tokenOf(opened);
    const use = (token: string) => send(port, '/api/session', { 'X-Axis-Token': token });
    expect((await use(code)).status).toBe(204);
    expect((await use(code)).status).toBe(401);
    expect((await use(running.token)).status).toBe(204);
  });
});

describe('L9: malformed paths and oversized bodies get clear statuses', () => {
  it('answers 400 to malformed percent-encoding in an API path', async () => {
    const h = await host();
    const { cookie } = await exchange(h, h.token);
    const res = await send(h, '/api/%E0%A4%A', { Cookie: cookie! }, '{}');
    expect(res.status).toBe(400);
  });

  it('answers 413 to a body announced as oversized, and the client receives it before anything is read', async () => {
    const h = await host();
    const { cookie } = await exchange(h, h.token);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/vault.unlock HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nContent-Length: ${40 * 1024 * 1024}\r\n\r\n{"passphrase":`,
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/Connection: close/i);
  });

  it('answers 413 to an oversized body streamed without Content-Length (chunked), while the client is still sending', async () => {
    const h = await host();
    const { cookie } = await exchange(h, h.token);
    // A client that streams more than the limit and then waits for an answer (no final chunk):
    // the host must answer 413 as soon as the limit is passed, not wait for an end that never comes
    // and not reset the connection before the answer is out.
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const outcome = await new Promise<{ text: string; errorBeforeAnswer: string | null }>((resolve) => {
      let text = '';
      let errorBeforeAnswer: string | null = null;
      const socket = connect(h.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/vault.unlock HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        for (let i = 0; i < 40; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
      });
      socket.on('data', (data) => (text += data.toString()));
      socket.on('error', (error) => {
        if (!text) errorBeforeAnswer = error.message;
      });
      socket.on('close', () => resolve({ text, errorBeforeAnswer }));
      // Whatever happens, stop waiting once an answer has arrived.
      const poll = setInterval(() => {
        if (text.includes('\r\n\r\n')) {
          clearInterval(poll);
          socket.destroy();
        }
      }, 20);
      socket.on('close', () => clearInterval(poll));
    });
    expect(outcome.errorBeforeAnswer).toBeNull();
    expect(outcome.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(outcome.text).toMatch(/Connection: close/i);
  });
});

describe('I6: Delete everything through the web host', () => {
  it('is refused without the current passphrase or with a wrong one, and changes nothing', async () => {
    const h = await host();
    const { cookie } = await exchange(h, h.token);
    const api = async (method: string, input: unknown) =>
      JSON.parse((await send(h, `/api/${method}`, { Cookie: cookie! }, JSON.stringify(input))).body) as {
        ok: boolean;
        value?: { status: { vaultDir: string } };
        error?: { code: string; message: string };
      };
    const created = await api('vault.create', { passphrase: PASSPHRASE });
    const dir = created.value!.status.vaultDir;
    const before = snapshot(dir);
    expect(await api('data.deleteAll', { confirmation: 'delete my journal' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await api('data.deleteAll', { confirmation: 'delete my journal', currentPassphrase: 'a wrong guess' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(snapshot(dir)).toEqual(before);
    const deleted = await api('data.deleteAll', { confirmation: 'delete my journal', currentPassphrase: PASSPHRASE });
    expect(deleted.ok).toBe(true);
  });
});
