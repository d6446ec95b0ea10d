import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../core/app';
import { generateDemoJournal, PLANTED_EFFECTS } from '../core/demo/generate';
import { localDate } from '../core/journal/dates';
import { readPassphrase } from './passphrase';

const USAGE = `Usage: axis <command> [options]

Commands:
  demo --vault DIR [--days N] [--seed S] [--no-effects]
      Create a new journal in DIR filled with realistic made-up days (default 180 days, seed 1),
      with a few known effects planted (see the README); --no-effects plants none.

The passphrase comes from the AXIS_PASSPHRASE environment variable, or is asked for without
echo. It is never given on the command line.`;

class UsageError extends Error {}

async function demo(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      days: { type: 'string', default: '180' },
      seed: { type: 'string', default: '1' },
      'no-effects': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.vault) throw new UsageError('Please give the folder for the new demo journal with --vault DIR.');
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!Number.isInteger(days) || days < 1 || days > 36_500) throw new UsageError('--days must be a whole number from 1 to 36500.');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number.');

  const vaultDir = resolve(values.vault);
  const passphrase = await readPassphrase('Passphrase for the new demo journal: ');
  const { backend, dispatch } = createApp({ vaultDir, host: 'web', version: __APP_VERSION__ });
  try {
    const created = await dispatch('vault.create', { passphrase });
    if (!created.ok) throw new Error(created.error.message);
    let shown = -1;
    const result = await generateDemoJournal(dispatch, {
      days,
      seed,
      effects: !values['no-effects'],
      endDate: localDate(Date.now()),
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (process.stderr.isTTY && percent !== shown) {
          shown = percent;
          process.stderr.write(`\rWriting demo days… ${percent}%`);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(`Created a demo journal in ${vaultDir}: ${result.daysWritten} of ${days} days logged (seed ${seed}).`);
    console.log(values['no-effects'] ? 'No effects were planted.' : `Planted effects:\n${PLANTED_EFFECTS.map((e) => `  - ${e.text}`).join('\n')}`);
  } finally {
    backend.dispose();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'demo') return demo(rest);
  throw new UsageError(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? `${message}\n\n${USAGE}` : message);
  process.exit(1);
});
