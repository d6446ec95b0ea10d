import { Worker } from 'node:worker_threads';
import type { MealKind } from '../../contract/journalTerms';
import { AppError } from '../errors';
import { ParsedSource, type Progress, type ReadingValue, type SourceItem } from './types';

export interface SerializedSource {
  format: ParsedSource['format'];
  items: SourceItem[];
  days: [string, [string, ReadingValue][]][];
  meals: [string, MealKind][];
  skipped: [string, { count: number; examples: string[] }][];
  notes: string[];
  readings: number;
  itemReadings: [string, number][];
}

export type HealthWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'ack' }
  | { type: 'result'; source: SerializedSource; sha256: string }
  | { type: 'error'; message: string };

export function serializeSource(source: ParsedSource): SerializedSource {
  return {
    format: source.format,
    items: [...source.items.values()],
    days: [...source.days].map(([date, values]) => [date, [...values]]),
    meals: [...source.meals],
    skipped: [...source.skipped],
    notes: source.notes,
    readings: source.readings,
    itemReadings: [...source.itemReadings],
  };
}

export function deserializeSource(data: SerializedSource): ParsedSource {
  const source = new ParsedSource(data.format);
  for (const item of data.items) source.items.set(item.key, item);
  for (const [date, values] of data.days) source.days.set(date, new Map(values));
  for (const [key, meal] of data.meals) source.meals.set(key, meal);
  for (const [reason, v] of data.skipped) source.skipped.set(reason, v);
  source.notes.push(...data.notes);
  source.readings = data.readings;
  for (const [key, n] of data.itemReadings) source.itemReadings.set(key, n);
  return source;
}

/**
 * Streams an Apple Health export in a worker thread (the main thread stays responsive), reporting
 * progress; `signal` aborts it: the worker is stopped and nothing is changed.
 */
export function healthInWorker(
  workerUrl: URL,
  progress?: Progress,
  signal?: AbortSignal,
): (path: string) => Promise<{ source: ParsedSource; sha256: string }> {
  return (path) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { path }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
      const stop = () => {
        void worker.terminate();
        reject(new AppError('IMPORT_INVALID', 'The import was cancelled. Nothing was changed.'));
      };
      signal?.addEventListener('abort', stop, { once: true });
      worker.on('message', (message: HealthWorkerMessage) => {
        if (message.type === 'ack') return;
        if (message.type === 'progress') progress?.(message.done, message.total);
        else if (message.type === 'result')
          resolve({ source: deserializeSource(message.source), sha256: message.sha256 });
        else reject(new AppError('IMPORT_INVALID', message.message));
      });
      worker.on('error', (error) =>
        reject(
          new AppError(
            'IMPORT_INVALID',
            `The Apple Health export could not be read (${error.message}). Nothing was changed.`,
          ),
        ),
      );
      worker.on('exit', () => signal?.removeEventListener('abort', stop));
    });
}
