// Performance harness: `npm run bench` (builds first, then runs this file).
//
// Each entry of MEASUREMENTS is a named async function that takes the shared context and
// returns { name, value, unit, target }. For every measurement one JSON object is printed per
// line to stdout; after all of them, a readable table. Progress and per-run samples go to
// stderr. Values are medians of several runs; nothing here asserts — the machine is noisy.
//
// Usage: node scripts/bench.mjs [measurement-name ...]   (no names: run all)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { installAudioProbe, readAudioProbe } from './lib/audioProbe.mjs';
import { chromiumLaunchOptions } from './lib/chromium.mjs';
import { bundleForNode } from './lib/bundle.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_JS = join(ROOT, 'out', 'main', 'web.js');
const CLI_JS = join(ROOT, 'out', 'main', 'cli.js');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const PASSPHRASE = 'bench-passphrase-correct-horse-battery';
const READY_LINE = /^Axis Journal is running at (http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+))\s*$/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const UI_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Measurements

const MEASUREMENTS = [
  /**
   * A real-time meditation session (2 minutes, a bell every minute) while the page is hidden
   * behind another tab: how far each bell's measured start is from its planned moment, and how
   * far the displayed time is from the backend's time once the page is shown again.
   */
  async function meditation_bells(ctx) {
    const vaultDir = await ctx.tempDir('axis-bench-meditation-');
    const host = await startHost(ctx, vaultDir);
    try {
      const api = await openSession(host);
      await api.call('vault.create', { passphrase: PASSPHRASE });
      await api.call('vault.lock');
      const browser = await ctx.browser();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await installAudioProbe(page);
        await page.goto(await api.newUrl());
        await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
        await page.getByRole('button', { name: 'Unlock', exact: true }).click();
        await page.getByRole('button', { name: 'Meditate', exact: true }).click();
        await page.getByRole('radio', { name: 'Custom' }).check();
        await page.getByLabel('Minutes', { exact: true }).fill('2');
        await page.getByLabel('Preparation countdown (seconds)').fill('0');
        await page.getByRole('checkbox', { name: 'Interval bell' }).check();
        await page.getByLabel('every').fill('1');
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        await page.getByRole('timer').waitFor({ timeout: UI_TIMEOUT_MS });

        // Hide the page behind another tab for the whole session.
        const cover = await context.newPage();
        await cover.bringToFront();
        const hidden = await page.evaluate(() => document.visibilityState);
        process.stderr.write(`  page is ${hidden} during the session\n`);
        // The end bell rings at 2:00; the bowl sound lasts 7.5 s, and its measured start is known when it ends.
        await new Promise((done) => setTimeout(done, 2 * 60_000 + 10_000));
        await page.bringToFront();

        const sounds = await readAudioProbe(page);
        const played = sounds.filter((sound) => sound.playedAt !== null);
        if (played.length < 3) throw new Error(`only ${played.length} bells were measured: ${JSON.stringify(sounds)}`);
        const errors = played.map((sound) => Math.abs(sound.playedAt - sound.when) * 1000);
        logSamples('meditation_bell_error_ms', errors);

        // Display drift: on a visible page with a fresh open-ended session, find the moments the
        // shown time turns to the next second, and compare each with the moment the backend's
        // sitting time reaches that second (mapped to the page clock through one round trip).
        await page.getByRole('heading', { name: 'Session complete' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await page.getByRole('button', { name: 'Discard', exact: true }).click();
        await page.getByRole('button', { name: 'Discard session' }).click();
        await page.getByRole('radio', { name: 'Open-ended' }).check();
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        await page.getByRole('timer').waitFor({ timeout: UI_TIMEOUT_MS });
        const drifts = await page.evaluate(async () => {
          const timer = document.querySelector('[role="timer"]');
          const seconds = () =>
            timer.textContent
              .trim()
              .split(':')
              .map(Number)
              .reduce((total, part) => total * 60 + part, 0);
          const before = performance.now();
          const reply = await fetch('/api/meditation.current', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '',
          }).then((r) => r.json());
          const after = performance.now();
          const backendAt = (perf) => reply.value.sittingMs + (perf - (before + after) / 2);
          const found = [];
          let last = seconds();
          await new Promise((done) => {
            const started = performance.now();
            const frame = (now) => {
              const shown = seconds();
              if (shown !== last) {
                found.push(Math.abs(backendAt(now) - shown * 1000));
                last = shown;
              }
              if (now - started < 12_000) requestAnimationFrame(frame);
              else done();
            };
            requestAnimationFrame(frame);
          });
          return found;
        });
        if (drifts.length < 5) throw new Error(`only ${drifts.length} second changes were seen`);
        logSamples('meditation_display_drift_ms', drifts);
        await api.call('meditation.end');
        await api.call('meditation.finish', { save: false });
        return [
          { name: 'meditation_bell_max_error_ms', value: round(Math.max(...errors)), unit: 'ms', target: '< 20' },
          { name: 'meditation_display_drift_max_ms', value: round(Math.max(...drifts)), unit: 'ms', target: '< 50' },
        ];
      } finally {
        await context.close().catch(() => {});
      }
    } finally {
      await stopHost(host.child);
    }
  },

  /** Save a day, load a month, search notes — in the core, on a 10-year demo vault. */
  async function journal_core(ctx) {
    return runCoreBench(ctx, 'journal');
  },

  /** One insights run (series read + every factor × outcome × lag 0–7, co-moving checks, intervals) on 1 and 10 years of demo data. */
  async function insights_core(ctx) {
    return runCoreBench(ctx, 'insights');
  },

  /** The experiment planner's power estimate (2,000 simulated experiments) and one 12-week analysis, in the core. */
  async function experiments_core(ctx) {
    return runCoreBench(ctx, 'experiments');
  },

  /** JSON export, CSV export and an encrypted backup of a 10-year vault, in the core. */
  async function data_core(ctx) {
    return runCoreBench(ctx, 'data');
  },

  /**
   * Logging a day like yesterday: median time from opening an empty Day view (from the Journal)
   * to its first save, using Start from yesterday — Copy from yesterday, then Keep all — on a
   * 60-day demo journal in Chromium. Today is deleted through the API before each run.
   */
  async function day_from_yesterday_first_save_ms(ctx) {
    const RUNS = 7;
    const { host, context, page } = await demoInBrowser(ctx, 60, 'Journal');
    try {
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      const samples = [];
      for (let i = 0; i < RUNS; i++) {
        const res = await page.request.post(`http://127.0.0.1:${host.port}/api/day.delete`, {
          data: { date: today },
        });
        if (!(await res.json()).ok) throw new Error('day.delete failed');
        await page.getByRole('button', { name: 'Journal', exact: true }).click();
        await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
        const started = performance.now();
        await page.getByRole('button', { name: 'Day', exact: true }).click();
        await page.getByRole('button', { name: 'Copy from yesterday' }).click({ timeout: UI_TIMEOUT_MS });
        await page.getByRole('button', { name: 'Keep all from yesterday' }).click({ timeout: UI_TIMEOUT_MS });
        await page.locator('.save-state', { hasText: /^\s*Saved\s*$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
        samples.push(performance.now() - started);
      }
      logSamples('day_from_yesterday_first_save_ms', samples);
      return { name: 'day_from_yesterday_first_save_ms', value: round(median(samples)), unit: 'ms', target: '< 1500' };
    } finally {
      await context.close();
      await stopHost(host.child);
    }
  },

  /** Import from another app: a 5-year Bearable CSV in the core; a 1 GB Apple Health export through the CLI (time, peak RSS). */
  async function imports_core(ctx) {
    return runCoreBench(ctx, 'imports');
  },

  /** Median time of `vault.unlock` over the HTTP API (scrypt + opening SQLCipher), locking between runs. */
  async function unlock_ms(ctx) {
    const RUNS = 7;
    const vaultDir = await ctx.tempDir('axis-bench-unlock-');
    const host = await startHost(ctx, vaultDir);
    try {
      const api = await openSession(host);
      await api.call('vault.create', { passphrase: PASSPHRASE });
      await api.call('vault.lock');
      const samples = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const status = await api.call('vault.unlock', { passphrase: PASSPHRASE });
        const elapsed = performance.now() - started;
        if (status?.state !== 'unlocked')
          throw new Error(`vault.unlock returned state ${JSON.stringify(status?.state)}`);
        samples.push(elapsed);
        await api.call('vault.lock');
      }
      logSamples('unlock_ms', samples);
      return { name: 'unlock_ms', value: round(median(samples)), unit: 'ms', target: '< 1500' };
    } finally {
      await stopHost(host.child);
    }
  },

  /**
   * Median time from spawning a fresh web host (existing, locked vault) until the browser shows
   * the "Unlock your journal" heading. The browser is launched, and each run's new context and
   * page are created, before the clock starts: only the app's cold start is measured.
   */
  async function web_cold_start_to_lock_screen_ms(ctx) {
    const RUNS = 5;
    const vaultDir = await ctx.existingVault();
    const browser = await ctx.browser();
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      let child;
      try {
        const page = await context.newPage();
        const started = performance.now();
        const host = await startHost(ctx, vaultDir);
        child = host.child;
        await page.goto(host.url, { waitUntil: 'commit', timeout: UI_TIMEOUT_MS });
        try {
          await page
            .getByRole('heading', { name: 'Unlock your journal' })
            .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
        } catch (error) {
          const headings = await page
            .getByRole('heading')
            .allInnerTexts()
            .catch(() => []);
          throw new Error(
            `the heading "Unlock your journal" did not appear (headings on the page: ${JSON.stringify(headings)}): ${error.message}`,
            { cause: error },
          );
        }
        samples.push(performance.now() - started);
      } finally {
        await context.close().catch(() => {});
        if (child) await stopHost(child);
      }
    }
    logSamples('web_cold_start_to_lock_screen_ms', samples);
    return { name: 'web_cold_start_to_lock_screen_ms', value: round(median(samples)), unit: 'ms', target: '< 3000' };
  },

  /**
   * Trends on a 10-year (3,650-day) demo journal: switching the period from "1 year" to "All"
   * and back, the median time the page spends building and drawing the skin severity chart
   * (the view's own User Timing measure "axis-trends-skin-chart", around the data shaping and
   * Chart.js), and the median time from the click on "All" until that chart is drawn (which
   * adds reading the 3,650 days from the backend).
   */
  async function trends_chart_3650_days(ctx) {
    const RUNS = 7;
    const MEASURE = 'axis-trends-skin-chart';
    const { host, context, page } = await demoInBrowser(ctx, 3650, 'Trends');
    try {
      await page.getByRole('heading', { name: 'Skin severity' }).waitFor({ timeout: UI_TIMEOUT_MS });
      const status = page.getByRole('status').filter({ hasText: /^Showing / });
      const drawn = [];
      const clickToDrawn = [];
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: '1 year', exact: true }).click();
        await status.filter({ hasText: ': 365 days,' }).waitFor({ timeout: UI_TIMEOUT_MS });
        const before = await page.evaluate((name) => performance.getEntriesByName(name).length, MEASURE);
        const clickedAt = await page.evaluate(() => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'All');
          const at = performance.now();
          button.click();
          return at;
        });
        await status.filter({ hasText: ': 3,650 days,' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await page.waitForFunction(
          ({ name, count }) => performance.getEntriesByName(name).length > count,
          { name: MEASURE, count: before },
          { timeout: UI_TIMEOUT_MS },
        );
        // Let any follow-up redraw land, then take the last one: the chart as it stays.
        await page.waitForTimeout(300);
        const entry = await page.evaluate((name) => {
          const last = performance.getEntriesByName(name).at(-1);
          return { startTime: last.startTime, duration: last.duration };
        }, MEASURE);
        drawn.push(entry.duration);
        clickToDrawn.push(entry.startTime + entry.duration - clickedAt);
      }
      logSamples('trends_chart_3650_days_ms', drawn);
      logSamples('trends_all_click_to_chart_ms', clickToDrawn);
      return [
        { name: 'trends_chart_3650_days', value: round(median(drawn)), unit: 'ms', target: '< 100' },
        { name: 'trends_all_click_to_chart_ms', value: round(median(clickToDrawn)), unit: 'ms', target: '-' },
      ];
    } finally {
      await context.close().catch(() => {});
      await stopHost(host.child);
    }
  },

  /**
   * The dermatologist report for a year of demo data, from clicking "Prepare report" (1 year,
   * every section) to Chromium's PDF being written: the backend's report data (with the insights
   * run behind the candidate triggers), the preview with its charts drawn as images, and
   * page.pdf(). Before each run the journal changes (a POEM check is saved), so the insights are
   * worked out again every time; a second row times the same with nothing changed (cached insights).
   */
  async function report_pdf_1_year(ctx) {
    const RUNS = 5;
    const pdfPath = join(await ctx.tempDir('axis-bench-report-pdf-'), 'report.pdf');
    const { host, context, page } = await demoInBrowser(ctx, 365, 'Report');
    try {
      const ready = page.getByRole('status').filter({ hasText: /is ready to print/ });
      await ready.waitFor({ timeout: UI_TIMEOUT_MS });
      await page.getByRole('radio', { name: '1 year' }).check();
      const changeJournal = (i) =>
        page.evaluate(async (day) => {
          const date = new Date(Date.now() - day * 86_400_000);
          const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
          const body = JSON.stringify({ date: iso, answers: [2, 2, 1, 1, 2, 2, 3] });
          await fetch('/api/poem.save', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        }, i % 3);
      const prepareToPdf = async () => {
        const started = performance.now();
        // Click, see the report being prepared, then wait (frame by frame) until it says it is ready.
        await page.evaluate(async () => {
          const isReady = () =>
            [...document.querySelectorAll('[role="status"]')].some((s) => /is ready to print/.test(s.textContent));
          [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Prepare report').click();
          await new Promise((done) => setTimeout(done, 0));
          if (isReady()) throw new Error('the report did not start preparing');
          await new Promise((done) => {
            const poll = () => (isReady() ? done() : requestAnimationFrame(poll));
            poll();
          });
        });
        await page.pdf({ path: pdfPath, preferCSSPageSize: true });
        return performance.now() - started;
      };
      const changed = [];
      const cached = [];
      for (let i = 0; i < RUNS; i++) {
        await changeJournal(i);
        changed.push(await prepareToPdf());
        cached.push(await prepareToPdf());
      }
      logSamples('report_pdf_1_year_ms', changed);
      logSamples('report_pdf_1_year_cached_insights_ms', cached);
      return [
        { name: 'report_pdf_1_year', value: round(median(changed)), unit: 'ms', target: '< 3000' },
        { name: 'report_pdf_1_year_cached_insights_ms', value: round(median(cached)), unit: 'ms', target: '-' },
      ];
    } finally {
      await context.close().catch(() => {});
      await stopHost(host.child);
    }
  },

  /**
   * The gzip size of the JavaScript the page loads before anything is opened: index.html's
   * module script, its modulepreloads, and everything they import statically. Chunks loaded
   * with import() (the chart views) are left out.
   */
  async function renderer_initial_js_gzip() {
    const html = await readFile(join(RENDERER_DIR, 'index.html'), 'utf8');
    const entries = [
      ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
      ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
    ];
    if (!entries.length) throw new Error('index.html loads no module script');
    const seen = new Set();
    const queue = entries.map((src) => resolve(RENDERER_DIR, src));
    let bytes = 0;
    while (queue.length) {
      const file = queue.shift();
      if (seen.has(file)) continue;
      seen.add(file);
      const code = await readFile(file);
      bytes += gzipSync(code).length;
      // Static imports only: `import … from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
      for (const match of code
        .toString('utf8')
        .matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
        queue.push(resolve(dirname(file), match[1]));
      }
    }
    console.error(
      `  renderer_initial_js_gzip files: ${[...seen].map((f) => f.slice(RENDERER_DIR.length + 1)).join(', ')}`,
    );
    return { name: 'renderer_initial_js_gzip', value: round(bytes / 1024), unit: 'KB', target: '< 250' };
  },
];

// ---------------------------------------------------------------------------------------------
// Shared context: temp dirs, child processes and the browser, all cleaned up at the end.

function createContext() {
  const tempDirs = [];
  const children = new Set();
  let browserPromise;
  let vaultPromise;

  const ctx = {
    children,
    /** Set on SIGINT/SIGTERM/SIGHUP: no new processes are started after it. */
    interrupted: false,

    async tempDir(prefix) {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      tempDirs.push(dir);
      return dir;
    },

    /** A vault directory holding a created (and locked) vault, made once and shared. */
    existingVault() {
      vaultPromise ??= (async () => {
        const dir = await ctx.tempDir('axis-bench-vault-');
        const host = await startHost(ctx, dir);
        try {
          const api = await openSession(host);
          await api.call('vault.create', { passphrase: PASSPHRASE });
          await api.call('vault.lock');
        } finally {
          await stopHost(host.child);
        }
        return dir;
      })();
      return vaultPromise;
    },

    /** One Chromium for the whole run, launched on first use. */
    browser() {
      browserPromise ??= (async () => {
        const { chromium } = await import('playwright-core');
        // Our own signal handlers close the browser after the rest is cleaned up; Playwright's
        // would exit the process at once and leave temp dirs behind.
        return chromium.launch({
          ...chromiumLaunchOptions(),
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        });
      })();
      return browserPromise;
    },

    async cleanup() {
      await Promise.all([...children].map((child) => stopHost(child).catch(() => {})));
      if (browserPromise) {
        const browser = await browserPromise.catch(() => undefined);
        await browser?.close().catch(() => {});
      }
      await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }).catch(() => {})));
    },
  };
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// Web host process and HTTP API

/** Spawns `node out/main/web.js --vault DIR --port 0` and resolves once it prints its URL. */
function startHost(ctx, vaultDir) {
  if (ctx.interrupted) return Promise.reject(new Error('interrupted'));
  const child = spawn(process.execPath, [WEB_JS, '--vault', vaultDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  ctx.children.add(child);
  child.once('exit', () => ctx.children.delete(child));

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    let settled = false;
    const finish = (error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) {
        stopHost(child).finally(() => reject(error));
      } else {
        resolvePromise(value);
      }
    };
    const onExit = (code, signal) =>
      finish(new Error(`web host exited early (code ${code}, signal ${signal})${stderr ? `:\n${stderr.trim()}` : ''}`));
    const onError = (error) => finish(new Error(`could not start the web host: ${error.message}`));
    const timer = setTimeout(
      () =>
        finish(
          new Error(`web host printed no URL within ${START_TIMEOUT_MS} ms${stderr ? `:\n${stderr.trim()}` : ''}`),
        ),
      START_TIMEOUT_MS,
    );

    child.once('exit', onExit);
    child.once('error', onError);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (settled) return; // keep draining the pipe after the ready line
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const match = READY_LINE.exec(line);
        if (match) {
          finish(null, { child, url: match[1], port: Number(match[2]), token: match[3] });
          return;
        }
      }
    });
  });
}

/** SIGTERM, wait for exit; SIGKILL if it does not go within STOP_TIMEOUT_MS. */
function stopHost(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/** Exchanges the start-up token for the session cookie; returns a small API client. */
async function openSession(host) {
  const base = `http://127.0.0.1:${host.port}`;
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'X-Axis-Token': host.token } });
  if (res.status !== 204) throw new Error(`POST /api/session answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  if (!cookie.startsWith('axis_session_'))
    throw new Error(`POST /api/session set no axis_session_<port> cookie (${setCookie})`);

  return {
    /** A fresh single-use sign-in address for a browser (the start-up token is used up above). */
    async newUrl() {
      const res = await fetch(`${base}/api/session/token`, { method: 'POST', headers: { Cookie: cookie } });
      if (!res.ok) throw new Error(`POST /api/session/token answered ${res.status}`);
      return `${base}/#token=${(await res.json()).token}`;
    },
    async call(method, input) {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method}: HTTP ${res.status}: ${text}`);
      const result = JSON.parse(text);
      if (!result.ok) throw new Error(`${method} failed: ${result.error?.code}: ${result.error?.message}`);
      return result.value;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting

/**
 * A demo journal of `days` days served by the web host, unlocked in a fresh Chromium context and
 * opened on one section. The caller closes the context and stops the host.
 */
async function demoInBrowser(ctx, days, section) {
  const vaultDir = join(await ctx.tempDir('axis-bench-demo-'), 'vault');
  await runNodeQuiet([CLI_JS, 'demo', '--vault', vaultDir, '--days', String(days)], { AXIS_PASSPHRASE: PASSPHRASE });
  const host = await startHost(ctx, vaultDir);
  const browser = await ctx.browser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: section, exact: true }).click();
  return { host, context, page };
}

/** Bundles scripts/bench/NAME.ts and runs it under Node; each JSON line it prints is one row. */
async function runCoreBench(ctx, name) {
  const script = await bundleForNode(join(ROOT, 'scripts', 'bench', `${name}.ts`), 'bench');
  const output = await runNode(script);
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

/** Runs a bundled script and returns its stdout. */
function runNode(script) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Runs `node ARGS…` with extra environment variables, failing with its output when it fails. */
function runNodeQuiet(args, env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function logSamples(name, samples) {
  console.error(`  ${name} samples: ${samples.map((s) => round(s)).join(', ')}`);
}

/** 'yes' / 'no' for a simple "< N" target, '-' for anything else. */
function metTarget(value, target) {
  const match = /^\s*<\s*(\d+(?:\.\d+)?)\s*$/.exec(target ?? '');
  if (!match || typeof value !== 'number') return '-';
  return value < Number(match[1]) ? 'yes' : 'no';
}

function printTable(rows) {
  const header = ['name', 'value', 'unit', 'target', 'met'];
  const cells = rows.map((row) =>
    row.error
      ? [row.name, 'ERROR', '', '', 'no']
      : [row.name, String(row.value), row.unit, row.target, metTarget(row.value, row.target)],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const rightAligned = new Set([1]);
  const format = (cols) =>
    cols
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(format(c));
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  if (!existsSync(WEB_JS)) {
    console.error(`bench: ${WEB_JS} is missing: run npm run build first.`);
    return 1;
  }

  const wanted = process.argv.slice(2);
  const known = MEASUREMENTS.map((m) => m.name);
  const unknown = wanted.filter((name) => !known.includes(name));
  if (unknown.length) {
    console.error(`bench: unknown measurement(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
    return 1;
  }
  const selected = wanted.length ? MEASUREMENTS.filter((m) => wanted.includes(m.name)) : MEASUREMENTS;

  const ctx = createContext();
  const onSignal = (signal) => {
    if (ctx.interrupted) return;
    ctx.interrupted = true;
    console.error(`bench: ${signal}, cleaning up…`);
    // Killing the children and closing the browser makes the running measurement fail fast;
    // main() then cleans up once more and exits with 130.
    void ctx.cleanup();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const rows = [];
  let failed = false;
  try {
    for (const measure of selected) {
      if (ctx.interrupted) break;
      console.error(`bench: ${measure.name}…`);
      try {
        const results = [await measure(ctx)].flat();
        for (const result of results) {
          const row = { name: result.name, value: result.value, unit: result.unit, target: result.target };
          console.log(JSON.stringify(row));
          rows.push(row);
        }
      } catch (error) {
        failed = true;
        if (ctx.interrupted) break;
        console.error(`bench: ${measure.name} failed: ${error?.stack ?? error}`);
        rows.push({ name: measure.name, error: true });
      }
    }
  } finally {
    await ctx.cleanup();
  }

  if (ctx.interrupted) {
    console.error('bench: interrupted.');
    return 130;
  }
  printTable(rows);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
