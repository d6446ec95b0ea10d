// Runs every calibration family at scale and prints a table (npm run calibrate). Optional
// arguments: a number scales the journals per family (e.g. 0.2 for a quick look); words keep
// only families whose name contains one of them. Bundled and run by scripts/calibrate.mjs.
import { performance } from 'node:perf_hooks';
import { FAMILIES, meetsTarget, runFamily, share } from './calibration';
import { pValueShares } from './pValues';

const args = process.argv.slice(2);
const scale = Number(args.find((arg) => /^[\d.]+$/.test(arg)) ?? 1);
const filters = args.filter((arg) => !/^[\d.]+$/.test(arg) && !arg.startsWith('--'));
const showNotes = args.includes('--notes');
if (args.includes('--p-values')) {
  console.log(`p-values below ${'0.05, 0.01, 0.002, 0.0005'} on journals with nothing planted:`);
  for (const line of pValueShares(scale)) console.log(line);
  process.exit(0);
}
const started = performance.now();
const rows: string[] = [];
rows.push('| Family | Measured | Journals | Result | Target | Met | 95 % interval holds the planted size | Time |');
rows.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
let covered = 0;
let intervals = 0;
for (const family of FAMILIES) {
  if (filters.length && !filters.some((words) => family.name.includes(words))) continue;
  const journals = Math.max(3, Math.round(family.journals * scale));
  const result = runFamily(family, journals);
  const value = share(result);
  const target =
    family.check === 'no-finding'
      ? family.target >= 1
        ? '(reference)'
        : `≤ ${pct(family.target)}`
      : `≥ ${pct(family.target)}`;
  const counts =
    family.check === 'no-finding'
      ? `${result.denominator - result.successes} of ${result.denominator}`
      : `${result.successes} of ${result.denominator}`;
  const untestable = result.untestable
    ? `; ${result.untestable} ${result.untestable === 1 ? 'miss' : 'misses'} not testable yet at the planted lag`
    : '';
  covered += result.covered;
  intervals += result.intervals;
  const coverage = result.intervals ? `${result.covered} of ${result.intervals}` : '–';
  rows.push(
    `| ${family.name} | ${family.measures} | ${journals} | ${counts} (${Number.isNaN(value) ? '–' : pct(value)}${untestable}) | ${target} | ${family.target >= 1 ? '–' : meetsTarget(result) ? 'yes' : '**no**'} | ${coverage} | ${result.seconds.toFixed(1)} s |`,
  );
  process.stderr.write(`${rows.at(-1)}\n`);
  if (showNotes) for (const note of result.notes) process.stderr.write(`    ${note}\n`);
}
console.log(rows.join('\n'));
if (intervals)
  console.log(`\n95 % intervals holding the planted size: ${covered} of ${intervals} (${pct(covered / intervals)}).`);
console.log(`\nCalibration run: ${((performance.now() - started) / 1000).toFixed(1)} s on this machine.`);

function pct(value: number): string {
  return `${Math.round(value * 1000) / 10} %`;
}
