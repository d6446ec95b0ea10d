import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { InsightsStatus, InsightTest } from '../contract/insightsTerms';
import { createApp } from '../core/app';
import { generateDemoJournal, PLANTED_EFFECTS } from '../core/demo/generate';
import { localDate } from '../core/journal/dates';
import { normalizeRecoveryKey } from '../contract/recoveryKey';
import type { VaultStatus } from '../contract/vault';
import { IMPORT_MAX_FILE_BYTES, type ImportSummary } from '../contract/dataExport';
import { restoreBackup, UNSEALED_BACKUP_ADVICE, writeBackup, type Credential } from '../core/data/backup';
import { checkVault } from '../core/data/check';
import { exportJournalCsv } from '../core/data/exportCsv';
import { exportJournalJson } from '../core/data/exportJson';
import { applyJournalExport } from '../core/data/importJson';
import { readJournalExport } from '../core/data/importRunner';
import { isAppError } from '../core/errors';
import {
  IMPORT_FIELDS,
  IMPORT_FORMAT_NAMES,
  IMPORT_FORMATS,
  importMapping,
  type ImportDestination,
  type ImportFormat,
  type ImportFromSummary,
  type ImportMapping,
} from '../contract/importFrom';
import { healthInWorker } from '../core/importers/healthRunner';
import { listImports, undoImport } from '../core/importers/history';
import { proposeMapping, readSource, runImport } from '../core/importers/pipeline';
import { temporaryFolderFor, writeFileAtomically, writeFileDurably } from '../core/durableFiles';
import { Vault } from '../core/vault/vault';
import { confirm, readPassphrase, readPassphraseFromFd, readSecret } from './passphrase';
import type { Input, Output } from '../contract/contract';
import type { MethodName } from '../contract/methods';
import {
  defaultArmTexts,
  EXPLORATORY_NOTE,
  MAX_BLOCK_DAYS,
  MAX_PAIRS,
  MIN_BLOCK_DAYS,
  type ExperimentDetail,
  type ExperimentSummary,
} from '../contract/experimentsTerms';
import type { Dispatch } from '../core/api/dispatch';

const PASSPHRASE_NOTE = `The passphrase comes from --passphrase-fd N (the first line read from file descriptor N, e.g.
3< passphrase-file), the AXIS_PASSPHRASE environment variable (removed from the environment once
read), or is asked for without echo. It is never given on the command line.`;

interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Takes one file name besides the options (import, restore). */
  takesFile?: true;
  /** Takes up to this many words besides the options (experiment: a subcommand and an id; import-from: FORMAT FILE). */
  takesWords?: number;
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<void>;
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
  export: {
    usage: `export --vault DIR --format csv|json --out PATH [--photos]
      Write everything in the journal to PATH: a JSON file (complete; --photos adds the photos), or
      a new folder of CSV files (one per kind of record, plus daily.csv as insights sees it).`,
    options: {
      vault: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      photos: { type: 'boolean', default: false },
    },
    run: exportCommand,
  },
  import: {
    usage: `import PATH --vault DIR [--dry-run]
      Add a JSON export to the journal, all or nothing: days in the file replace the same dates.
      --dry-run only says what would be added or replaced.`,
    options: { vault: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    takesFile: true,
    run: importCommand,
  },
  'import-from': {
    usage: `import-from FORMAT FILE --vault DIR [--dry-run] [--map MAPPING.json] [--overwrite] [--date-column NAME] [--json]
      Bring your history from another app. FORMAT: ${[...IMPORT_FORMATS, 'auto'].join(' | ')}.
      Proposes where each item of the file goes; --dry-run only says what would be added, what
      would change and what is skipped (--json prints the mapping and counts; edit it and give it
      back with --map). Values you already have are kept unless --overwrite. Large Apple Health
      exports are streamed with progress; Ctrl+C cancels and changes nothing.`,
    options: {
      vault: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      'date-column': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    takesWords: 2,
    run: importFromCommand,
  },
  imports: {
    usage: `imports --vault DIR [--undo ID] [--json]
      List the imports from other apps (newest first); --undo ID takes one back as a whole.`,
    options: { vault: { type: 'string' }, undo: { type: 'string' }, json: { type: 'boolean', default: false } },
    run: importsCommand,
  },
  backup: {
    usage: `backup --vault DIR --out FILE
      Write an encrypted backup (key file + a consistent copy of the database) to FILE; it opens
      with the passphrase or recovery key the journal has now.`,
    options: { vault: { type: 'string' }, out: { type: 'string' } },
    run: backupCommand,
  },
  restore: {
    usage: `restore FILE --vault DIR [--recovery-key]
      Replace the journal in DIR with a backup, after checking the backup's passphrase (or, with
      --recovery-key, its recovery key from AXIS_RECOVERY_KEY or a prompt) and its seal. The
      current files are kept in a before-restore-… folder inside DIR.`,
    options: { vault: { type: 'string' }, 'recovery-key': { type: 'boolean', default: false } },
    takesFile: true,
    run: restoreCommand,
  },
  rekey: {
    usage: `rekey --vault DIR [--new-passphrase]
      "I think someone knows my passphrase or recovery key": re-encrypt the whole journal with a
      new data key and print a new recovery key (shown once). The old recovery key and the old
      database key (db-key) open nothing in DIR afterwards; with --new-passphrase the passphrase
      is replaced too (from AXIS_NEW_PASSPHRASE or a prompt, typed twice). Progress goes to stderr.`,
    options: { vault: { type: 'string' }, 'new-passphrase': { type: 'boolean', default: false } },
    run: rekeyCommand,
  },
  check: {
    usage: `check --vault DIR
      Check the key file and the database (that they belong together, SQLite integrity and
      references) without changing them. Works while the app has the journal open.`,
    options: { vault: { type: 'string' } },
    run: checkCommand,
  },
  experiment: {
    usage: `experiment create|list|show ID|stop ID --vault DIR [--json]
      create --factor KEY --outcome KEY [--design pairs|elimination|before-after] [--pairs K]
        [--block-days B] [--washout-days W] [--run-in-days R] [--start DATE] [--seed S]
        [--on TEXT] [--off TEXT] [--threshold N] [--change N] [--title TEXT] [--backdate]
        [--secondary KEY ...]
      Plan a self-experiment (keys as in \`axis insights --json\`; defaults: 6 pairs of 7-day
      blocks, 2 settling-in days, starting today). A past --start needs --backdate and is marked
      as planned after the fact. --secondary adds up to 5 more outcomes, analysed the same way
      but labelled exploratory. show --reveal shows the result of a running experiment (recorded
      as looking early). stop ID --reason TEXT ends one early.`,
    options: {
      vault: { type: 'string' },
      json: { type: 'boolean', default: false },
      factor: { type: 'string' },
      outcome: { type: 'string' },
      design: { type: 'string', default: 'pairs' },
      pairs: { type: 'string', default: '6' },
      'block-days': { type: 'string', default: '7' },
      'washout-days': { type: 'string', default: '2' },
      'run-in-days': { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      on: { type: 'string' },
      off: { type: 'string' },
      threshold: { type: 'string' },
      change: { type: 'string', default: '1' },
      title: { type: 'string' },
      backdate: { type: 'boolean', default: false },
      reveal: { type: 'boolean', default: false },
      reason: { type: 'string' },
      secondary: { type: 'string', multiple: true },
    },
    takesWords: 2,
    run: experimentCommand,
  },
  'db-key': {
    usage: `db-key --vault DIR [--yes]
      After you confirm (type yes, or pass --yes), print the raw database key in hex, to open
      journal.db with any SQLCipher 4 tool (see the README).`,
    options: { vault: { type: 'string' }, yes: { type: 'boolean', default: false } },
    run: dbKeyCommand,
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
  if (typeof values.vault !== 'string' || !values.vault)
    throw new UsageError(`Please give the folder of ${what} with --vault DIR.`);
  return resolve(values.vault);
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}.`);
  return number;
}

/** An app on the vault, unlocked with the passphrase; `dispose` locks it again. */
async function openJournal(vaultDir: string) {
  const app = createApp({
    vaultDir,
    host: 'web',
    version: __APP_VERSION__,
    insightsWorker: new URL('./insightsWorker.js', import.meta.url),
    rekeyWorker: new URL('./rekeyWorker.js', import.meta.url),
  });
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
  const opened = unlocked.value as VaultStatus;
  if (opened.state === 'unlocked' && opened.interruptedRekey) {
    console.error(interruptedRekeyWords(opened.interruptedRekey.recoveryKey));
  }
  return app;
}

/** What the person is told when an unlock finished a re-key a crash had cut off after the switch. */
function interruptedRekeyWords(recoveryKey: string): string {
  return [
    'Your last re-key was interrupted after the journal had switched to its new key, before its new',
    'recovery key was shown. Your journal is safe and uses the new key; your old recovery key no longer',
    'opens it. Here is a new recovery key. Write it down now and keep it somewhere safe; it is not shown again:',
    '',
    `    ${recoveryKey}`,
    '',
  ].join('\n');
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
    console.log(
      values['no-effects']
        ? 'No effects were planted.'
        : `Planted effects:\n${PLANTED_EFFECTS.map((e) => `  - ${e.text}`).join('\n')}`,
    );
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
    if (status.state !== 'done' || !status.result)
      throw new Error(status.error ?? 'The statistics could not be worked out.');
    const { result } = status;
    if (values.json) {
      console.log(JSON.stringify(result.tests.map(jsonRow), null, 2));
      return;
    }
    console.log(
      `${result.daysLogged} days logged (${result.from ?? '–'} to ${result.to ?? '–'}); ${result.testsRun} tests at lags 0–${result.maxLag} days.`,
    );
    if (result.testsRun === 0) {
      console.log(
        `Not enough data yet: about ${result.daysNeeded ?? 'a few'} more days are needed before anything can be tested.`,
      );
      return;
    }
    if (result.findings.length === 0) {
      console.log(
        result.candidates.length > 0
          ? 'No finding yet: the clearest candidates below need more days before they can be told apart from chance.'
          : 'No finding: nothing stood out beyond what chance alone would give.',
      );
    }
    for (const direction of ['gut-to-skin', 'skin-to-gut'] as const) {
      const findings = result.findings.filter((finding) => finding.direction === direction);
      if (findings.length === 0) continue;
      console.log(`\n${direction === 'gut-to-skin' ? 'Gut and lifestyle → skin' : 'Skin → gut'}:`);
      for (const finding of findings) console.log(`  - ${finding.sentence}`);
    }
    const sections: [string, InsightTest[]][] = [
      ['Accounted for by a stronger factor they move with', result.explained],
      ['Too early to tell', result.candidates],
      ['Changed together over the months (not day to day)', result.sharedTrends],
      ['Before and after a change', result.beforeAfter],
    ];
    for (const [title, tests] of sections) {
      if (tests.length === 0) continue;
      console.log(`\n${title}:`);
      for (const test of tests) console.log(`  - ${test.sentence}`);
    }
    console.log('\nThese are patterns in your own records, not proof that one thing causes another.');
  } finally {
    backend.dispose();
  }
}

function newPath(values: Record<string, unknown>, option: string): string {
  if (typeof values[option] !== 'string' || !values[option])
    throw new UsageError(`Please say where to write with --${option} PATH.`);
  const path = resolve(values[option] as string);
  if (existsSync(path) && !(readdirSafe(path)?.length === 0))
    throw new Error(`${path} already exists: choose a new name, so nothing is overwritten.`);
  return path;
}

function readdirSafe(path: string): string[] | null {
  try {
    return readdirSync(path);
  } catch {
    return null;
  }
}

async function exportCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  if (values.format !== 'csv' && values.format !== 'json')
    throw new UsageError('Please choose --format csv or --format json.');
  const out = newPath(values, 'out');
  const { backend } = await openJournal(vaultDir);
  try {
    const db = backend.vault.db;
    if (values.format === 'json') {
      const data = exportJournalJson(db, {
        photos: values.photos === true,
        appVersion: __APP_VERSION__,
        now: new Date(),
      });
      writeFileAtomically(out, `${JSON.stringify(data, null, 2)}\n`);
      console.log(
        `Exported ${data.days.length} days to ${out}${values.photos ? ` with ${data.photos?.length ?? 0} photos` : ''}.`,
      );
    } else {
      const files = exportJournalCsv(db, localDate(Date.now()));
      const temp = temporaryFolderFor(out);
      for (const file of files) writeFileDurably(join(temp, file.name), file.content);
      renameSync(temp, out);
      console.log(`Exported ${files.length} CSV files to ${out}.`);
    }
  } finally {
    backend.dispose();
  }
}

async function importCommand(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const [path] = positionals;
  if (!path) throw new UsageError('Please give the JSON export to import: axis import FILE --vault DIR.');
  try {
    // Checked before reading: a huge file would otherwise be read and parsed into memory whole.
    const size = statSync(resolve(path)).size;
    if (size > IMPORT_MAX_FILE_BYTES) {
      throw new Error(
        `${resolve(path)} is ${Math.round(size / 1024 / 1024)} MB; an Axis Journal export can be at most ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB. Nothing was changed.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
  }
  // Read and checked in a worker thread with a capped heap, before the journal is even opened.
  const file = await readJournalExport(
    { path: resolve(path) },
    new URL('./jsonImportWorker.js', import.meta.url),
  ).catch((error: unknown) => {
    throw new Error(isAppError(error) ? error.message : `${resolve(path)} could not be imported (${String(error)}).`);
  });
  const { backend } = await openJournal(vaultDir);
  try {
    const dryRun = values['dry-run'] === true;
    const summary = await applyJournalExport(() => backend.vault.db, file, { dryRun, today: localDate(Date.now()) });
    console.log(
      `${dryRun ? 'Dry run — nothing was changed. Importing would' : 'Imported. It did'}: ${describeImport(summary)}.`,
    );
  } finally {
    backend.dispose();
  }
}

function describeImport(s: ImportSummary): string {
  return [
    `add ${s.days.added} and replace ${s.days.replaced} days`,
    `add ${s.meditationSessions.added} meditation sessions (${s.meditationSessions.alreadyThere} already there)`,
    `add ${s.photos.added} photos (${s.photos.alreadyThere} already there)`,
    `add ${s.poem.added} and replace ${s.poem.replaced} eczema checks`,
    `add ${s.usualMeals.added} and replace ${s.usualMeals.replaced} usual meals`,
    `add ${s.conditions.added} conditions, ${s.foods.added} foods, ${s.treatments.added} treatments and ${s.customFactors.added} custom factors`,
    `set ${s.settings.replaced} settings`,
    ...(s.experiments ? [`add ${s.experiments.added} experiments (${s.experiments.alreadyThere} already there)`] : []),
  ].join('; ');
}

async function importFromCommand(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const [format, path] = positionals;
  if (!format || !path)
    throw new UsageError('Please give the format and the file: axis import-from FORMAT FILE --vault DIR.');
  if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}"; use one of ${[...IMPORT_FORMATS, 'auto'].join(', ')}.`);
  }
  const file = resolve(path);
  if (!existsSync(file)) throw new Error(`There is no file ${file}.`);
  let given: ImportMapping | undefined;
  if (typeof values.map === 'string') {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolve(values.map), 'utf8'));
    } catch (error) {
      throw new Error(
        `${resolve(values.map)} could not be read as JSON (${(error as Error).message.split('\n')[0]}). Nothing was changed.`,
        { cause: error },
      );
    }
    const parsed = importMapping.safeParse((raw as { mapping?: unknown } | null)?.mapping ?? raw);
    if (!parsed.success)
      throw new Error(
        `The mapping file is not valid (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}). Nothing was changed.`,
      );
    given = parsed.data;
  }
  const { backend } = await openJournal(vaultDir);
  const controller = new AbortController();
  const cancel = { cancelled: false };
  const onSigint = () => {
    cancel.cancelled = true;
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const progress = progressLine('Reading the export…');
  try {
    const read = await readSource(
      format as ImportFormat | 'auto',
      { fileName: basename(file), path: file },
      {
        dateColumn: (values['date-column'] as string | undefined) ?? given?.dateColumn,
        progress: progress.update,
        cancel,
        healthWorker: healthInWorker(new URL('./importWorker.js', import.meta.url), progress.update, controller.signal),
      },
    );
    progress.end();
    const mapping = given ?? proposeMapping(backend.vault.db, read, values['date-column'] as string | undefined);
    if (values.overwrite === true) mapping.conflict = 'overwrite';
    const dryRun = values['dry-run'] === true;
    const summary = runImport(backend.vault.db, read, mapping, { dryRun, today: localDate(Date.now()) });
    if (values.json === true) console.log(JSON.stringify({ mapping, summary }, null, 2));
    else console.log(describeImportFrom(summary, mapping));
  } finally {
    process.off('SIGINT', onSigint);
    progress.end();
    backend.dispose();
  }
}

function describeImportFrom(s: ImportFromSummary, mapping: ImportMapping): string {
  const lines = [
    s.dryRun
      ? `Dry run of ${s.fileName} (${IMPORT_FORMAT_NAMES[s.format]}) — nothing was changed.`
      : `Imported ${s.fileName} (${IMPORT_FORMAT_NAMES[s.format]}) as import ${s.importId ?? '(nothing new)'}.`,
    ...s.notes.map((n) => `Note: ${n}`),
    `Days in the file: ${s.days.inFile}; ${s.dryRun ? 'would add' : 'added'} ${s.days.newDays} new days and ${s.dryRun ? 'would fill' : 'filled'} ${s.days.existingDays} days you had.`,
    `Values: ${s.values.added} added, ${s.values.replaced} replaced, ${s.values.kept} of yours kept, ${s.values.alreadyThere} already there.`,
    'Mapping:',
    ...mapping.items.map((i) => `  ${i.label} (${i.days ?? 0} days) → ${destinationWords(i.to)}`),
  ];
  if (s.changesTotal > 0)
    lines.push(
      `Days where the file differs from what you typed (${s.changesTotal}):`,
      ...s.changes
        .slice(0, 20)
        .map((c) => `  ${c.date} ${c.destination}: yours ${c.yours}, file ${c.theirs} → ${c.action}`),
    );
  if (s.skipped.length)
    lines.push(
      'Skipped:',
      ...s.skipped.map(
        (k) => `  ${k.reason}: ${k.count}${k.examples.length ? ` (e.g. ${k.examples.slice(0, 3).join('; ')})` : ''}`,
      ),
    );
  return lines.join('\n');
}

function destinationWords(to: ImportDestination): string {
  switch (to.type) {
    case 'skip':
      return 'skip';
    case 'field':
      return IMPORT_FIELDS[to.field as keyof typeof IMPORT_FIELDS].label;
    case 'factor':
      return `factor "${to.name}"${to.kind ? ` (new, ${to.kind})` : ''}`;
    default:
      return `${to.type} "${to.name}"`;
  }
}

async function importsCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const undo = values.undo === undefined ? undefined : wholeNumber(values.undo, '--undo', 1, 2 ** 31);
  const { backend } = await openJournal(vaultDir);
  try {
    if (undo !== undefined) {
      const result = undoImport(backend.vault.db, undo, localDate(Date.now()));
      if (values.json === true) console.log(JSON.stringify(result, null, 2));
      else
        console.log(
          `Undid import ${undo}: ${result.restored} values restored, ${result.daysRemoved} days removed${result.keptBecauseEdited ? `, ${result.keptBecauseEdited} values you changed since were left as they are` : ''}.`,
        );
      return;
    }
    const list = listImports(backend.vault.db);
    if (values.json === true) console.log(JSON.stringify(list, null, 2));
    else if (list.length === 0) console.log('No imports from other apps yet.');
    else
      for (const r of list)
        console.log(
          `${r.id}  ${r.importedAt.slice(0, 16).replace('T', ' ')}  ${r.format}  ${r.fileName}  ${r.values} values on ${r.days} days${r.undoneAt ? `  (undone ${r.undoneAt.slice(0, 10)})` : ''}`,
        );
  } finally {
    backend.dispose();
  }
}

async function backupCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const out = newPath(values, 'out');
  const { backend } = await openJournal(vaultDir);
  try {
    const info = writeBackup(backend.vault, out, __APP_VERSION__, new Date());
    console.log(`Wrote an encrypted backup to ${out} (${Math.ceil(info.journalBytes / 1024)} KB of journal).`);
  } finally {
    backend.dispose();
  }
}

async function restoreCommand(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal to replace');
  const [file] = positionals;
  if (!file) throw new UsageError('Please give the backup file: axis restore FILE --vault DIR.');
  const credential: Credential = values['recovery-key']
    ? {
        recoveryKey: normalizeRecoveryKey(
          await readSecret('AXIS_RECOVERY_KEY', 'the recovery key', 'Recovery key of the backup: '),
        ),
      }
    : { passphrase: await readPassphrase('Passphrase of the backup: ') };
  const { info, previous, sealed } = await restoreBackup(vaultDir, resolve(file), credential, new Date());
  console.log(
    `Restored the backup made ${info.createdAt} into ${vaultDir}.${previous ? ` The journal that was there is kept in ${previous}.` : ''}`,
  );
  if (!sealed) console.warn(`Warning: ${UNSEALED_BACKUP_ADVICE}`);
}

async function rekeyCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vaultDir = vaultOption(values, 'the journal');
  const app = await openJournal(vaultDir);
  try {
    const currentPassphrase = await readPassphrase('Passphrase: ');
    let newPassphrase: string | undefined;
    if (values['new-passphrase']) {
      const typed = !process.env.AXIS_NEW_PASSPHRASE;
      newPassphrase = await readSecret('AXIS_NEW_PASSPHRASE', 'the new passphrase', 'New passphrase: ');
      if (typed) {
        const again = await readSecret('AXIS_NEW_PASSPHRASE_AGAIN', 'the new passphrase again', 'Type it again: ');
        if (again !== newPassphrase) throw new Error('The two new passphrases are not the same. Nothing was changed.');
      }
    }
    const progress = rekeyProgressLine();
    const poll = setInterval(() => {
      const running = app.backend.vault.rekeyProgress;
      if (running) progress.update(running.pagesDone, running.pagesTotal);
    }, 100);
    let recoveryKey: string;
    try {
      ({ recoveryKey } = await called(
        app.dispatch,
        'vault.rekey',
        newPassphrase ? { currentPassphrase, newPassphrase } : { currentPassphrase },
      ));
    } finally {
      clearInterval(poll);
    }
    progress.end();
    console.log(
      [
        'Your journal was re-encrypted with a new key. Your new recovery key (shown only now; write it down):',
        '',
        `    ${recoveryKey}`,
        '',
        'The old recovery key and the old database key open nothing in this folder any more.',
        'Backups made before still open with the passphrase and recovery key of their day.',
      ].join('\n'),
    );
  } finally {
    app.backend.dispose();
  }
}

/** Re-key progress on stderr: a line that updates in a terminal, a few plain lines otherwise. */
function rekeyProgressLine() {
  let shown = -1;
  let last = { done: 0, total: 0 };
  const write = (done: number, total: number) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    const step = process.stderr.isTTY ? percent : Math.floor(percent / 25) * 25;
    if (step === shown) return;
    shown = step;
    const text = `Re-encrypting your journal: page ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${percent}%)`;
    process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
  };
  return {
    update(done: number, total: number) {
      last = { done, total };
      write(done, total);
    },
    end() {
      if (last.total > 0) write(last.total, last.total);
      if (process.stderr.isTTY && shown >= 0) process.stderr.write('\n');
    },
  };
}

async function checkCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vault = new Vault(vaultOption(values, 'the journal'));
  const report = await checkVault(vault, await readPassphrase('Passphrase: '));
  for (const line of report.lines) console.log(line);
  if (!report.ok)
    throw new Error(
      'The check found problems (see above). Nothing was changed; keep a copy of the folder before trying anything else.',
    );
}

async function dbKeyCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const vault = new Vault(vaultOption(values, 'the journal'));
  const passphrase = await readPassphrase('Passphrase: ');
  if (!values.yes) {
    if (!process.stdin.isTTY) throw new UsageError('Printing the database key needs confirmation: add --yes.');
    const sure = await confirm(
      'The key decrypts your whole journal: anyone who sees it and has the file can read everything.\nType yes to print it: ',
    );
    if (!sure) throw new Error('Not confirmed: the key was not printed.');
  }
  const key = await vault.revealDataKey(passphrase);
  try {
    console.log(key.toString('hex'));
  } finally {
    key.fill(0);
  }
}

/** Calls one contract method on an open journal; a refusal becomes the error people read. */
async function called<K extends MethodName>(dispatch: Dispatch, method: K, input?: Input<K>): Promise<Output<K>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Output<K>;
}

async function experimentCommand(
  values: Record<string, string | boolean | string[] | undefined>,
  positionals: string[],
): Promise<void> {
  const [action, idWord] = positionals;
  if (!action || !['create', 'list', 'show', 'stop'].includes(action)) {
    throw new UsageError('Please say what to do: axis experiment create|list|show ID|stop ID.');
  }
  const needsId = action === 'show' || action === 'stop';
  if (needsId && idWord === undefined)
    throw new UsageError(`Please give the experiment's number: axis experiment ${action} ID.`);
  if (!needsId && idWord !== undefined) throw new UsageError(`Unexpected argument "${idWord}".`);
  const id = needsId ? wholeNumber(idWord, 'The experiment number', 1, 2 ** 31) : 0;
  if (action === 'stop' && (typeof values.reason !== 'string' || !values.reason.trim())) {
    throw new UsageError('Ending an experiment early needs a reason: --reason TEXT.');
  }
  let create: Input<'experiments.create'> | null = null;
  if (action === 'create') create = experimentPlanFromOptions(values);
  const vaultDir = vaultOption(values, 'the journal');
  const { backend, dispatch } = await openJournal(vaultDir);
  try {
    if (action === 'list') {
      const list = await called(dispatch, 'experiments.list');
      if (values.json) return console.log(JSON.stringify(list, null, 2));
      if (list.length === 0) return console.log('No experiments yet.');
      for (const e of list) console.log(experimentLine(e));
      return;
    }
    if (create) {
      const choices = await called(dispatch, 'experiments.choices');
      const factorKey = create.factorKey;
      const factor = choices.factors.find((c) => c.key === factorKey);
      if (factor && (create.onText === '' || create.offText === '')) {
        const texts = defaultArmTexts(factor, create.onThreshold ?? null);
        create = { ...create, onText: create.onText || texts.onText, offText: create.offText || texts.offText };
      }
      const preview = await called(dispatch, 'experiments.plan', {
        factorKey: create.factorKey,
        outcomeKey: create.outcomeKey,
        design: create.design,
        pairs: create.pairs,
        blockDays: create.blockDays,
        washoutDays: create.washoutDays,
        runInDays: create.runInDays,
        startDate: create.startDate,
        targetChange: create.targetChange ?? 1,
      });
      const detail = await called(dispatch, 'experiments.create', create);
      if (values.json) return console.log(JSON.stringify(experimentJson(detail), null, 2));
      console.log(
        `Planned experiment ${detail.id}: ${detail.title}, ${detail.plan.startDate} to ${detail.endDate}${detail.plan.backdated ? ' (planned after the fact)' : ''}.`,
      );
      if (preview.warning) console.log(`Warning: ${preview.warning}`);
      for (const sentence of preview.sentences) console.log(sentence);
      for (const sentence of preview.safety) console.log(`Safety: ${sentence}`);
      return;
    }
    const detail =
      action === 'stop'
        ? await called(dispatch, 'experiments.stop', { id, reason: values.reason as string })
        : await called(dispatch, 'experiments.get', { id, reveal: values.reveal === true });
    if (values.json) return console.log(JSON.stringify(experimentJson(detail), null, 2));
    console.log(experimentLine(detail));
    for (const d of detail.deviations)
      console.log(
        `  ${d.kind === 'pause' ? `Paused ${d.fromDate} to ${d.toDate}` : d.kind === 'stop' ? `Ended early on ${d.fromDate}` : `Result looked at early on ${d.fromDate}`}: ${d.reason}`,
      );
    for (const sentence of detail.sentences) console.log(sentence);
    if (detail.secondary.length > 0) {
      console.log(EXPLORATORY_NOTE);
      for (const s of detail.secondary) console.log(s.sentence);
    }
  } finally {
    backend.dispose();
  }
}

function experimentPlanFromOptions(
  values: Record<string, string | boolean | string[] | undefined>,
): Input<'experiments.create'> {
  if (typeof values.factor !== 'string' || typeof values.outcome !== 'string') {
    throw new UsageError(
      'Please say what to test and what to watch: --factor KEY --outcome KEY (keys as in axis insights --json).',
    );
  }
  const design = values.design;
  if (design !== 'pairs' && design !== 'elimination' && design !== 'before-after')
    throw new UsageError('--design must be pairs, elimination or before-after.');
  const blockDays = wholeNumber(values['block-days'], '--block-days', MIN_BLOCK_DAYS, MAX_BLOCK_DAYS);
  const number = (name: string): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value))
      throw new UsageError(`--${name} must be a number.`);
    return value;
  };
  const start = values.start ?? localDate(Date.now());
  if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(start))
    throw new UsageError('--start must be a date like 2026-03-14.');
  return {
    factorKey: values.factor,
    outcomeKey: values.outcome,
    design,
    pairs: design === 'before-after' ? 1 : wholeNumber(values.pairs, '--pairs', 1, MAX_PAIRS),
    blockDays,
    washoutDays: wholeNumber(values['washout-days'], '--washout-days', 0, blockDays - 2),
    runInDays:
      design === 'elimination'
        ? wholeNumber(values['run-in-days'] ?? String(blockDays), '--run-in-days', 1, MAX_BLOCK_DAYS)
        : 0,
    startDate: start,
    ...(values.seed === undefined ? {} : { seed: wholeNumber(values.seed, '--seed', -(2 ** 31), 2 ** 31) }),
    backdate: values.backdate === true,
    onText: typeof values.on === 'string' ? values.on : '',
    offText: typeof values.off === 'string' ? values.off : '',
    onThreshold: number('threshold') ?? null,
    targetChange: number('change') ?? 1,
    title: typeof values.title === 'string' ? values.title : '',
    secondaryKeys: secondaryOption(values.secondary),
  };
}

/** `--secondary a --secondary b` or `--secondary a,b`: the exploratory outcomes. */
function secondaryOption(raw: string | boolean | string[] | undefined): string[] {
  if (raw === undefined || typeof raw === 'boolean') return [];
  const keys = (Array.isArray(raw) ? raw : [raw]).flatMap((k) => k.split(',')).map((k) => k.trim());
  if (keys.some((k) => k === '')) throw new UsageError('--secondary needs an outcome key, e.g. --secondary skin.itch.');
  if (keys.length > 5) throw new UsageError('At most 5 secondary outcomes.');
  return [...new Set(keys)];
}

function experimentLine(e: ExperimentSummary): string {
  const progress =
    e.state === 'running'
      ? `running, day ${e.daysDone} of ${e.daysTotal}, ${e.daysLeft} left`
      : e.state === 'planned'
        ? `planned, starts ${e.plan.startDate}`
        : e.state === 'stopped'
          ? `stopped early on ${e.endedOn} (${e.endReason})`
          : `finished on ${e.endDate}`;
  const adherence = e.adherence === null ? '' : `, ${Math.round(e.adherence * 100)}% of days as planned`;
  return `${e.id}. ${e.title} — ${progress}${adherence}${e.plan.backdated ? ' [planned after the fact]' : ''}`;
}

/** The shape \`axis experiment show --json\` promises: plan, schedule, adherence, analysis, then the rest. */
function experimentJson(detail: ExperimentDetail) {
  const a = detail.analysis;
  return {
    id: detail.id,
    title: detail.title,
    state: detail.state,
    plannedAfterTheFact: detail.plan.backdated,
    plan: detail.plan,
    schedule: detail.schedule.map((d) => ({ date: d.date, arm: d.arm, washout: d.washout, phase: d.phase })),
    adherence: { share: detail.adherence, daysUnknown: detail.daysUnknown, days: detail.adherenceDays },
    analysis: a
      ? {
          effect: a.effect,
          ciLow: a.ciLow,
          ciHigh: a.ciHigh,
          p: a.p,
          daysOn: a.daysOn,
          daysOff: a.daysOff,
          adherence: a.adherence,
          status: a.status,
        }
      : null,
    hidden: detail.hidden,
    asDone: detail.asDone,
    /** Exploratory outcomes: the same test, not chosen as the main one (empty while hidden). */
    secondary: detail.secondary.map((s) => ({
      key: s.key,
      label: s.label,
      exploratory: true,
      effect: s.analysis.effect,
      ciLow: s.analysis.ciLow,
      ciHigh: s.analysis.ciHigh,
      p: s.analysis.p,
      daysOn: s.analysis.daysOn,
      daysOff: s.analysis.daysOff,
      status: s.analysis.status,
      sentence: s.sentence,
    })),
    secondaryNote: detail.secondary.length > 0 ? EXPLORATORY_NOTE : null,
    deviations: detail.deviations,
    endDate: detail.endDate,
    endedOn: detail.endedOn,
    endReason: detail.endReason,
    sentences: detail.sentences,
  };
}

/** The fields the issue promises in `--json`, then the rest of each test. */
function jsonRow(test: InsightTest) {
  const { factor, outcome, lag, n, rho, effect, ciLow, ciHigh, p, q, status, explainedBy, flags, ...rest } = test;
  return { factor, outcome, lag, n, rho, effect, ciLow, ciHigh, p, q, status, explainedBy, flags, ...rest };
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
  const fdAt = rest.indexOf('--passphrase-fd');
  if (fdAt !== -1) {
    const fd = Number(rest[fdAt + 1]);
    if (!Number.isInteger(fd) || fd < 0)
      throw new UsageError('--passphrase-fd needs a file descriptor number, e.g. --passphrase-fd 3.');
    readPassphraseFromFd(fd);
    rest.splice(fdAt, 2);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options,
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > (command.takesWords ?? (command.takesFile ? 1 : 0)))
    throw new UsageError(`Unexpected argument "${positionals.at(-1)}".`);
  await command.run(values as Record<string, string | boolean | string[] | undefined>, positionals);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const line = message.split('\n')[0];
  console.error(isUsage ? `${line} (see "axis --help")` : line);
  process.exit(1);
});
