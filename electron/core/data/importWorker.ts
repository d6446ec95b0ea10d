import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, isAppError } from '../errors';
import { parseJournalExportText } from './importValidation';
import type { ImportWorkerInput, ImportWorkerMessage } from './importRunner';

/**
 * Worker-thread entry (built as out/main/jsonImportWorker.js): reads one JSON export (text, or a
 * file by path), checks it completely, posts the checked export back, and ends. Its heap is capped
 * by the caller (resourceLimits): a crafted file can exhaust only this thread, never the process
 * holding the open journal.
 */
const input = workerData as ImportWorkerInput;
const post = (message: ImportWorkerMessage): void => parentPort!.postMessage(message);
try {
  const file =
    'path' in input
      ? parseJournalExportText(readFile(input.path), input.latestSchemaVersion, input.path)
      : parseJournalExportText(input.text, input.latestSchemaVersion);
  post({ type: 'result', file });
} catch (error) {
  if (isAppError(error)) post({ type: 'refused', message: error.message });
  else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'IMPORT_INVALID',
      `${path} could not be read (${(error as Error).message.split('\n')[0]}). Nothing was changed.`,
    );
  }
}
