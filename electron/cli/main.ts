import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { InsightsStatus, InsightTest } from '../contract/insightsTerms';
import { createApp } from '../core/app';
import { generateDemoJournal, PLANTED_EFFECTS } from '../core/demo/generate';
import { localDate } from '../core/journal/dates';
import { readPassphrase } from './passphrase';

const PASSPHRASE_NOTE = `The passphrase comes from the AXIS_PASSPHRASE environment variable, or is asked for without
echo. It is never given on the command line.`;

interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<void>;
}

class UsageError extends Error {}

const COMMANDS: Record<string, Command> = {
  demo: {
    usage: `demo --vault DIR [--days N] [--seed S] [--no-effects]
      Create a new journal in DIR filled with realistic made-up days (default 365 days, seed 1),
      with a few known effects planted (see the README); --no-effects plants none.`,
    options: {
      vault: { type: 'string' },
      days: { type: 'string', default: '365' },
      seed: { type: 'string', default: '1' },
      'no-effects': { type: 'boolean', default: false },
    },
    run: demo,
  },
  insights: {
    usage: `insights --vault DIR [--json] [--max-lag N]
      Test every habit against every later skin and gut change (lags 0 to N days, default: the
      app's setting, 7) and print the findings; --json prints every test as a JSON array.`,
    options: {
      vault: { type: 'string' },
      json: { type: 'boolean', default: false },
      'max-lag': { type: 'string' },
    },
    run: insights,
  },
};

function usage(): string {
  return `Usage: axis <command> [options]    (axis <command> --help for one command)

Commands:
${Object.values(COMMANDS)
  .map((command) => `  ${command.usage}`)
  .join('\n')}

${PASSPHRASE_NOTE}`;
}

function vaultOption(values: Record<string, unknown>, what: string): string {
  if (typeof values.vault !== 'string' || !values.vault) throw new UsageError(`Please give the folder of ${what} with --vault DIR.`);
  return resolve(values.vault);
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}.`);
  return number;
}

/** An app on the vault, unlocked with the passphrase; `dispose` locks it again. */
async function openJournal(vaultDir: string) {
  const app = createApp({ vaultDir, host: 'web', version: __APP_VERSION__, insightsWorker: new URL('./insightsWorker.js', import.meta.url) });
  const status = app.backend.status();
  if (status.state === 'absent' || status.state === 'unavailable') {
    app.backend.dispose();
    throw new Error(status.state === 'absent' ? `There is no journal in ${vaultDir}.` : status.problem.message);
  }
  const unlocked = await app.dispatch('vault.unlock', { passphrase: await readPassphrase('Passphrase: ') });
  if (!unlocked.ok) {
    app.backend.dispose();
    throw new Error(unlocked.error.message);
  }
  return app;
}

async function demo(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the new demo journal');
  const days = wholeNumber(values.days, '--days', 1, 36_500);
  const seed = wholeNumber(values.seed, '--seed', -(2 ** 31), 2 ** 31);
  const passphrase = await readPassphrase('Passphrase for the new demo journal: ');
  const { backend, dispatch } = createApp({ vaultDir, host: 'web', version: __APP_VERSION__ });
  try {
    const created = await dispatch('vault.create', { passphrase });
    if (!created.ok) throw new Error(created.error.message);
    const progress = progressLine('Writing demo days…');
    const result = await generateDemoJournal(dispatch, {
      days,
      seed,
      effects: !values['no-effects'],
      endDate: localDate(Date.now()),
      onProgress: progress.update,
    });
    progress.end();
    console.log(`Created a demo journal in ${vaultDir}: ${result.daysWritten} of ${days} days logged (seed ${seed}).`);
    console.log(values['no-effects'] ? 'No effects were planted.' : `Planted effects:\n${PLANTED_EFFECTS.map((e) => `  - ${e.text}`).join('\n')}`);
  } finally {
    backend.dispose();
  }
}

async function insights(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const maxLag = values['max-lag'] === undefined ? undefined : wholeNumber(values['max-lag'], '--max-lag', 0, 14);
  const { backend, dispatch } = await openJournal(vaultDir);
  try {
    const progress = progressLine('Working out the statistics…');
    let answer = await dispatch('insights.run', maxLag === undefined ? undefined : { maxLag });
    while (answer.ok && (answer.value as InsightsStatus).state === 'running') {
      const { done, total } = (answer.value as InsightsStatus).progress;
      progress.update(done, total);
      await new Promise((wait) => setTimeout(wait, 100));
      answer = await dispatch('insights.status');
    }
    progress.end();
    if (!answer.ok) throw new Error(answer.error.message);
    const status = answer.value as InsightsStatus;
    if (status.state !== 'done' || !status.result) throw new Error(status.error ?? 'The statistics could not be worked out.');
    const { result } = status;
    if (values.json) {
      console.log(JSON.stringify(result.tests.map(jsonRow), null, 2));
      return;
    }
    console.log(`${result.daysLogged} days logged (${result.from ?? '–'} to ${result.to ?? '–'}); ${result.testsRun} tests at lags 0–${result.maxLag} days.`);
    if (result.testsRun === 0) {
      console.log(`Not enough data yet: about ${result.daysNeeded ?? 'a few'} more days are needed before anything can be tested.`);
      return;
    }
    if (result.findings.length === 0) console.log('No finding: nothing stood out beyond what chance alone would give.');
    for (const direction of ['gut-to-skin', 'skin-to-gut'] as const) {
      const findings = result.findings.filter((finding) => finding.direction === direction);
      if (findings.length === 0) continue;
      console.log(`\n${direction === 'gut-to-skin' ? 'Gut and lifestyle → skin' : 'Skin → gut'}:`);
      for (const finding of findings) console.log(`  - ${finding.sentence}`);
    }
    console.log('\nThese are patterns in your own records, not proof that one thing causes another.');
  } finally {
    backend.dispose();
  }
}

/** The fields the issue promises in `--json`, then the rest of each test. */
function jsonRow(test: InsightTest) {
  const { factor, outcome, lag, n, rho, effect, p, q, status, ...rest } = test;
  return { factor, outcome, lag, n, rho, effect, p, q, status, ...rest };
}

/** "Doing things… 42%" on one line of stderr, only when a person is watching. */
function progressLine(label: string) {
  let shown = -1;
  return {
    update(done: number, total: number) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (process.stderr.isTTY && percent !== shown) {
        shown = percent;
        process.stderr.write(`\r${label} ${percent}%`);
      }
    },
    end() {
      if (process.stderr.isTTY && shown >= 0) process.stderr.write('\n');
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: axis ${command.usage}\n\n${PASSPHRASE_NOTE}`);
    return;
  }
  const { values } = parseArgs({ args: rest, options: command.options, strict: true });
  await command.run(values as Record<string, string | boolean | undefined>);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const line = message.split('\n')[0];
  console.error(isUsage ? `${line} (see "axis --help")` : line);
  process.exit(1);
});
