import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const WEB_ENTRY = resolve(import.meta.dirname, '../../out/main/web.js');

export interface RunningWebHost {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface WebHostProcessOptions {
  /** Node options before the entry (e.g. `--import` of a test preload). */
  nodeArgs?: string[];
  /** Open an IPC channel to the host (child.send / 'message'). */
  ipc?: boolean;
}

/** Starts the built web host (`node out/main/web.js`) as a real separate process. */
export async function startWebHostProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: WebHostProcessOptions = {},
): Promise<RunningWebHost> {
  if (!existsSync(WEB_ENTRY)) throw new Error('out/main/web.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), WEB_ENTRY, ...args], {
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host did not start:\n${output}`)), 20_000);
    const check = (): void => {
      const match = /Axis Journal is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`web host exited:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the web host expecting it to exit by itself (for start-up errors). */
export function runWebHostToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [WEB_ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

/** A signed-in HTTP client for the web host's API. */
export async function apiClient(origin: string, token: string) {
  const session = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'X-Axis-Token': token } });
  if (session.status !== 204) throw new Error(`token exchange failed: ${session.status}`);
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (method: string, input?: unknown) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
  };
  /** The session cookie, for requests other than JSON calls (streamed uploads). */
  return Object.assign(call, { cookie });
}
