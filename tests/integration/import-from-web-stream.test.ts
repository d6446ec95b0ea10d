import { execFile } from 'node:child_process';
import { cpSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReadStatus } from '../../electron/contract/importFrom';
import { addDays, localDate } from '../../electron/core/journal/dates';
import { writeHealthExport } from '../helpers/healthExport';
import { openJournalApp } from '../helpers/journalApp';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';

/**
 * In-app import of a large Apple Health export through the real web host: the file is streamed as
 * the upload's body into the import worker (never written, never whole in memory), progress is
 * reported as bytes read, cancel changes nothing, and the result equals the CLI's import.
 */
const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
let work = '';
let xml = '';
let host: RunningWebHost;
let api: Awaited<ReturnType<typeof apiClient>>;
let truth: Map<string, number>;

function axis(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE };
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function ok(method: string, input?: unknown) {
  const result = await api(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error!.message}`);
  return result.value;
}

async function exportedDays(): Promise<unknown> {
  const file = (await ok('data.exportJson', { photos: false })) as { dataBase64: string };
  const data = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8')) as { days: unknown };
  return data.days;
}

/** POSTs a body to the upload; `body` decides how its bytes arrive. */
function upload(readId: string, body: ReadableStream<Uint8Array>, signal?: AbortSignal) {
  return fetch(`${host.origin}/api/upload/importFrom/${readId}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      Cookie: api.cookie,
      'Content-Length': String(statSync(xml).size),
    },
    body,
    duplex: 'half',
    signal,
  } as RequestInit);
}

/** The file's bytes, pausing after `pauseAt` bytes until `resume` settles. */
function pausingBody(pauseAt: number, resume: Promise<unknown>): ReadableStream<Uint8Array> {
  const bytes = readFileSync(xml);
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      if (at >= bytes.length) return controller.close();
      if (at >= pauseAt) await resume;
      const end = Math.min(bytes.length, at + 256 * 1024);
      controller.enqueue(new Uint8Array(bytes.subarray(at, end)));
      at = end;
    },
  });
}

async function statusUntil(readId: string, test: (s: ImportReadStatus) => boolean): Promise<ImportReadStatus> {
  for (;;) {
    const status = (await ok('importFrom.readStatus', { readId })) as ImportReadStatus;
    if (test(status)) return status;
    if (status.state !== 'reading') throw new Error(`read ended: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  work = tempDir();
  xml = join(work, 'export.xml');
  ({ sleepHours: truth } = await writeHealthExport(xml, {
    nights: 120,
    targetBytes: 12 * 1024 * 1024,
    endDate: addDays(localDate(Date.now()), -1),
  }));
  const app = await openJournalApp(join(work, 'journal'));
  app.close();
  cpSync(join(work, 'journal'), join(work, 'cli-journal'), { recursive: true });
  host = await startWebHostProcess(['--vault', join(work, 'journal'), '--port', '0']);
  api = await apiClient(host.origin, host.token);
  await ok('vault.unlock', { passphrase: PASSPHRASE });
}, 120_000);
afterAll(async () => {
  await host?.stop();
  removeTempDirs();
});

describe('a large Apple Health export imported in the app through the web host', () => {
  it('reports progress while streaming; cancelling stops the read and changes nothing', async () => {
    const before = await exportedDays();
    const size = statSync(xml).size;
    const started = (await ok('importFrom.startUpload', { fileName: 'export.xml', size })) as ImportReadStatus;
    expect(started).toMatchObject({ state: 'reading', done: 0, total: size, fileName: 'export.xml' });
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    const controller = new AbortController();
    const sending = upload(started.readId, pausingBody(4 * 1024 * 1024, paused), controller.signal).catch(
      (error: Error) => error,
    );
    // Part of the file was read, not all of it: the progress the page shows.
    const midway = await statusUntil(started.readId, (s) => s.done > 0);
    expect(midway.done).toBeLessThan(size);
    expect(midway.state).toBe('reading');
    const cancelled = (await ok('importFrom.cancelRead', { readId: started.readId })) as ImportReadStatus;
    expect(cancelled).toMatchObject({ state: 'cancelled', message: 'Cancelled. Nothing was changed.' });
    resume();
    controller.abort();
    await sending;
    const proposal = await api('importFrom.propose', {
      fileName: 'export.xml',
      readId: started.readId,
      format: 'auto',
    });
    expect(proposal).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(await exportedDays()).toEqual(before);
    expect(await ok('importFrom.history')).toEqual([]);
  });

  it('imports what the CLI imports from the same file, every night right', async () => {
    const size = statSync(xml).size;
    const started = (await ok('importFrom.startUpload', { fileName: 'export.xml', size })) as ImportReadStatus;
    const response = await upload(
      started.readId,
      Readable.toWeb(createReadStream(xml)) as unknown as ReadableStream<Uint8Array>,
    );
    expect(response.status).toBe(200);
    const ready = await statusUntil(started.readId, (s) => s.state === 'ready');
    expect(ready).toMatchObject({ done: size, total: size });
    const { mapping } = await ok('importFrom.propose', {
      fileName: 'export.xml',
      readId: started.readId,
      format: 'auto',
    });
    const summary = await ok('importFrom.run', {
      fileName: 'export.xml',
      readId: started.readId,
      mapping,
      dryRun: false,
    });
    expect(summary.importId).toBeGreaterThan(0);
    const days = (await exportedDays()) as { date: string; lifestyle: { sleepHours?: number } }[];
    for (const [date, hours] of truth) {
      const day = days.find((d) => d.date === date);
      expect(day?.lifestyle.sleepHours, date).toBe(hours);
    }

    const cli = await axis(['import-from', 'apple-health', xml, '--vault', join(work, 'cli-journal'), '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const { summary: cliSummary } = JSON.parse(cli.stdout) as {
      summary: { fileSha256: string; values: unknown; days: unknown };
    };
    expect(cliSummary.fileSha256).toBe(summary.fileSha256);
    expect(cliSummary.values).toEqual(summary.values);
    expect(cliSummary.days).toEqual(summary.days);
    const out = join(work, 'cli-export.json');
    expect((await axis(['export', '--vault', join(work, 'cli-journal'), '--format', 'json', '--out', out])).code).toBe(
      0,
    );
    const cliDays = (JSON.parse(readFileSync(out, 'utf8')) as { days: unknown }).days;
    expect(cliDays).toEqual(days);
  });

  it('refuses an upload nobody announced, and a body longer than announced', async () => {
    const stray = await fetch(`${host.origin}/api/upload/importFrom/${'0'.repeat(32)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Cookie: api.cookie },
      body: 'abc',
    });
    expect(await stray.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const started = (await ok('importFrom.startUpload', { fileName: 'export.xml', size: 10 })) as ImportReadStatus;
    const long = await fetch(`${host.origin}/api/upload/importFrom/${started.readId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Cookie: api.cookie },
      body: '<?xml version="1.0"?><HealthData></HealthData>',
    });
    expect(await long.json()).toMatchObject({ ok: true, value: { state: 'failed' } });
    const anonymous = await fetch(`${host.origin}/api/upload/importFrom/${started.readId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: 'abc',
    });
    expect(anonymous.status).toBe(401);
  });
});
