import { createReadStream, statSync } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { IMPORT_LIMITS } from '../../contract/importFromTerms';
import { addDays } from '../journal/dates';
import { attribute, HealthScanner } from './healthScan';
import { ParsedSource, type Progress } from './types';
import { isoFrom, refused } from './text';

const ASLEEP = new Set([
  'HKCategoryValueSleepAnalysisAsleep',
  'HKCategoryValueSleepAnalysisAsleepUnspecified',
  'HKCategoryValueSleepAnalysisAsleepCore',
  'HKCategoryValueSleepAnalysisAsleepDeep',
  'HKCategoryValueSleepAnalysisAsleepREM',
]);
const CHUNK = 1024 * 1024;
const RELEVANT = new Set([
  'HKCategoryTypeIdentifierSleepAnalysis',
  'HKCategoryTypeIdentifierMindfulSession',
  'HKQuantityTypeIdentifierAppleExerciseTime',
  'HKCategoryTypeIdentifierMenstrualFlow',
  'HKQuantityTypeIdentifierStepCount',
]);

export interface HealthInput {
  path?: string;
  bytes?: Uint8Array;
  /** A stream of the file's bytes (an upload), with the size it announced. */
  chunks?: AsyncIterable<Uint8Array>;
  size?: number;
}

export interface Cancel {
  cancelled: boolean;
}

/** Time intervals in a growable typed array: [start, end, offset minutes] triples (bounded, no objects per record). */
class Intervals {
  private data = new Float64Array(3 * 1024);
  length = 0;
  push(start: number, end: number, offset: number): void {
    if (!(end > start)) return;
    if ((this.length + 1) * 3 > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set([start, end, offset], this.length * 3);
    this.length++;
  }
  /** The union of all intervals (overlaps from phone and watch counted once), in time order. */
  merged(): { start: number; end: number; offset: number }[] {
    const order = Uint32Array.from({ length: this.length }, (_, i) => i).sort(
      (a, b) => this.data[a * 3]! - this.data[b * 3]!,
    );
    const out: { start: number; end: number; offset: number }[] = [];
    for (const i of order) {
      const [start, end, offset] = [this.data[i * 3]!, this.data[i * 3 + 1]!, this.data[i * 3 + 2]!];
      const last = out[out.length - 1];
      if (last && start <= last.end) {
        if (end > last.end) {
          last.end = end;
          last.offset = offset;
        }
      } else out.push({ start, end, offset });
    }
    return out;
  }
}

/** "2024-03-05 23:10:00 +0100" → epoch ms and the offset in minutes, or null. */
export function healthTime(text: string | undefined): { ms: number; offset: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})\s*([+-])(\d{2}):?(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - offset * 60_000;
  return Number.isFinite(ms) ? { ms, offset } : null;
}

/** The local calendar date and hour at `ms` in a place `offset` minutes from UTC. */
function local(ms: number, offset: number): { date: string; hour: number } {
  const d = new Date(ms + offset * 60_000);
  return {
    date: isoFrom(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? '1900-01-01',
    hour: d.getUTCHours(),
  };
}

/**
 * Apple Health's export.zip (or the export.xml inside it), read as a stream: the file is never held
 * in memory, only per-day totals and the sleep, mindful and exercise intervals (three numbers
 * each). Sizes above the limit are refused before reading. `cancel.cancelled` stops at the next chunk.
 *
 * - Sleep: the asleep categories (Asleep, Unspecified, Core, Deep, REM; not In bed, not Awake) of
 *   every source are merged into one set of intervals — phone and watch overlapping count once —
 *   and each merged stretch counts for the morning it ends on (a stretch ending at 18:00 or later
 *   counts for the next day), in the time zone written in the record.
 * - Mindful sessions → meditation minutes, exercise time and workouts → exercise minutes: merged
 *   the same way, counted on the day they start.
 * - Menstrual flow (any flow but "None") → cycle day: day 1 is a flow day after at least two days
 *   without flow, counted up to the next start (at most 60 days, not past the export's last day).
 * - Steps: summed per source and day; the day's value is the source with the most (phone and watch
 *   count the same steps, so adding them would double them).
 */
export async function parseAppleHealth(
  input: HealthInput,
  progress?: Progress,
  cancel?: Cancel,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<ParsedSource> {
  const total =
    input.path !== undefined ? statSync(input.path).size : input.bytes ? input.bytes.length : (input.size ?? 0);
  if (total === 0) throw refused('The file is empty.');
  if (total > IMPORT_LIMITS.healthBytes)
    throw refused(
      `The file is larger than ${IMPORT_LIMITS.healthBytes / 1024 ** 3} GB, more than an Apple Health export holds.`,
    );
  const sleep = new Intervals();
  const mindful = new Intervals();
  const exercise = new Intervals();
  const flowDays = new Set<string>();
  const steps = new Map<string, Map<string, number>>();
  const scanner = new HealthScanner(RELEVANT, (name, tag) => {
    const type = attribute(tag, 'type');
    const startText = attribute(tag, 'startDate');
    const day = (startText ?? '').slice(0, 10);
    if (type === 'HKQuantityTypeIdentifierStepCount') {
      const value = Number(attribute(tag, 'value'));
      if (!Number.isFinite(value) || value < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
      let bySource = steps.get(day);
      if (!bySource) steps.set(day, (bySource = new Map()));
      const from = (attribute(tag, 'sourceName') ?? '').slice(0, 100);
      bySource.set(from, (bySource.get(from) ?? 0) + value);
      return;
    }
    const start = healthTime(startText);
    const end = healthTime(attribute(tag, 'endDate')) ?? start;
    if (!start || !end) return;
    if (name === 'Workout') return exercise.push(start.ms, end.ms, start.offset);
    const value = attribute(tag, 'value');
    switch (type) {
      case 'HKCategoryTypeIdentifierSleepAnalysis':
        if (ASLEEP.has(value ?? '')) sleep.push(start.ms, end.ms, end.offset);
        return;
      case 'HKCategoryTypeIdentifierMindfulSession':
        return mindful.push(start.ms, end.ms, start.offset);
      case 'HKQuantityTypeIdentifierAppleExerciseTime':
        return exercise.push(start.ms, end.ms, start.offset);
      case 'HKCategoryTypeIdentifierMenstrualFlow':
        if (value && value !== 'HKCategoryValueMenstrualFlowNone') flowDays.add(day);
        return;
    }
  });
  // The text is read as Latin-1, one character per byte: a cheap copy instead of UTF-8 decoding.
  // Everything the import reads (tags, types, dates, numbers) is ASCII, which UTF-8 leaves as it is,
  // and a source name only needs to tell sources apart (its UTF-8 bytes do that as well).
  let sawXml = false;
  let xmlClosed = false;
  let first = true;
  const feedXml = (data: Uint8Array, final: boolean) => {
    sawXml = true;
    if (first && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    if (data.length > 0) first = false;
    if (data.includes(0))
      throw refused('The Apple Health export cannot be read: it is damaged (it holds binary data).');
    scanner.write(Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1'));
    if (final) {
      scanner.end();
      xmlClosed = true;
    }
  };

  const stream = chunks(input)[Symbol.asyncIterator]();
  const head = await stream.next();
  const isZip = !head.done && head.value[0] === 0x50 && head.value[1] === 0x4b;
  let unzip: Unzip | null = null;
  let foundXml = false;
  let zipError: Error | null = null;
  if (isZip) {
    unzip = new Unzip((file) => {
      if (foundXml || !/(^|\/)export\.xml$/.test(file.name)) return;
      foundXml = true;
      file.ondata = (error, data, final) => {
        if (error) zipError = error;
        else if (!zipError) {
          try {
            feedXml(data, final);
          } catch (e) {
            zipError = e as Error;
          }
        }
      };
      file.start();
    });
    unzip.register(UnzipInflate);
  }
  let done = 0;
  let tail: Uint8Array = new Uint8Array(0);
  for (let next = head; !next.done; next = await stream.next()) {
    const chunk = next.value;
    if (isZip)
      tail =
        chunk.length >= 65_600
          ? chunk.subarray(chunk.length - 65_600)
          : concat(tail.subarray(Math.max(0, tail.length + chunk.length - 65_600)), chunk);
    if (cancel?.cancelled) throw refused('The import was cancelled.');
    onChunk?.(chunk);
    done += chunk.length;
    if (unzip) {
      try {
        unzip.push(chunk, false);
      } catch (error) {
        throw refused(`The ZIP file is damaged (${(error as Error).message}).`);
      }
      if (zipError) throw zipError;
    } else {
      if (
        done === chunk.length &&
        !/^\s*(<\?xml|<!DOCTYPE|<HealthData)/.test(
          new TextDecoder().decode(chunk.subarray(0, 200)).replace(/^\ufeff/, ''),
        )
      ) {
        throw refused('This file is neither an Apple Health export.zip nor its export.xml.');
      }
      feedXml(chunk, false);
    }
    progress?.(done, total);
  }
  if (unzip) {
    try {
      unzip.push(new Uint8Array(0), true);
    } catch (error) {
      throw refused(`The ZIP file is damaged or cut short (${(error as Error).message}).`);
    }
    if (zipError) throw zipError;
    if (!hasZipEnd(tail))
      throw refused('The ZIP file is cut short: it ends before its table of contents. Copy or download it again.');
    if (!foundXml)
      throw refused(
        'This ZIP file has no export.xml in it: export from the Health app (your picture → Export All Health Data) and choose that export.zip.',
      );
    if (!sawXml || !xmlClosed) throw refused('The export.xml in this ZIP file is cut short.');
  } else feedXml(new Uint8Array(0), true);
  const lastDate = scanner.lastDay;
  const records = scanner.records;

  const source = new ParsedSource('apple-health');
  const sleepHours = new Map<string, number>();
  for (const { start, end, offset } of sleep.merged()) {
    const at = local(end, offset);
    const morning = at.hour >= 18 ? addDays(at.date, 1) : at.date;
    sleepHours.set(morning, (sleepHours.get(morning) ?? 0) + (end - start) / 3_600_000);
  }
  const sleepItem = {
    key: 'sleep',
    label: 'Sleep (asleep time)',
    kind: 'number',
    unit: 'hours',
    aggregate: 'sum',
    conversion: 'asleep intervals of all sources merged, per morning',
    hint: { to: 'field', field: 'sleepHours' },
  } as const;
  for (const [date, hours] of sleepHours)
    source.add(date, { ...sleepItem }, Math.min(24, Math.round(hours * 100) / 100));
  const minutesPerDay = (intervals: Intervals) => {
    const out = new Map<string, number>();
    for (const { start, end, offset } of intervals.merged()) {
      const date = local(start, offset).date;
      out.set(date, (out.get(date) ?? 0) + (end - start) / 60_000);
    }
    return out;
  };
  for (const [date, minutes] of minutesPerDay(mindful)) {
    source.add(
      date,
      {
        key: 'mindful',
        label: 'Mindful minutes',
        kind: 'number',
        unit: 'minutes',
        aggregate: 'sum',
        conversion: 'mindful sessions merged, per day',
        hint: { to: 'field', field: 'meditationMinutes' },
      },
      Math.min(1440, Math.round(minutes)),
    );
  }
  for (const [date, minutes] of minutesPerDay(exercise)) {
    source.add(
      date,
      {
        key: 'exercise',
        label: 'Exercise minutes and workouts',
        kind: 'number',
        unit: 'minutes',
        aggregate: 'sum',
        conversion: 'exercise time and workouts merged, per day',
        hint: { to: 'field', field: 'exerciseMinutes' },
      },
      Math.min(1440, Math.round(minutes)),
    );
  }
  for (const [date, day] of cycleDays(flowDays, lastDate)) {
    source.add(
      date,
      {
        key: 'cycle',
        label: 'Menstrual cycle day (from flow)',
        kind: 'number',
        aggregate: 'last',
        conversion: 'day 1 = first flow day after 2 days without',
        hint: { to: 'field', field: 'cycleDay' },
      },
      day,
    );
  }
  for (const [date, bySource] of steps) {
    source.add(
      date,
      {
        key: 'steps',
        label: 'Steps',
        kind: 'number',
        unit: 'steps',
        aggregate: 'last',
        conversion: 'per day, the source with the most steps',
        hint: { to: 'skip', reason: 'optional' },
      },
      Math.round(Math.max(...bySource.values())),
    );
  }
  if (records === 0) source.notes.push('The export has no health records in it.');
  return source;
}

/** Cycle day per date from the days with menstrual flow. */
export function cycleDays(flowDays: Set<string>, lastDate: string): Map<string, number> {
  const flows = [...flowDays].sort();
  const starts = flows.filter((date, i) => i === 0 || flows[i - 1]! < addDays(date, -2));
  const out = new Map<string, number>();
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    for (let n = 1, date = start; n <= 60 && (next ? date < next : date <= lastDate); n++, date = addDays(date, 1))
      out.set(date, n);
  });
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Whether the last bytes hold the end-of-central-directory record (PK 05 06) a complete ZIP ends with. */
function hasZipEnd(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) return true;
  return false;
}

async function* chunks(input: HealthInput): AsyncGenerator<Uint8Array> {
  if (input.chunks) {
    yield* input.chunks;
    return;
  }
  if (input.bytes) {
    for (let i = 0; i < input.bytes.length; i += CHUNK) yield input.bytes.subarray(i, i + CHUNK);
    return;
  }
  for await (const chunk of createReadStream(input.path!, { highWaterMark: CHUNK })) yield chunk as Buffer;
}
