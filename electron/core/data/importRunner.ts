import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { JournalExport } from '../../contract/dataExport';
import { latestVersion } from '../db/migrate';
import { AppError } from '../errors';
import { parseJournalExportText } from './importValidation';

export type ImportWorkerInput = ({ text: string } | { path: string }) & { latestSchemaVersion: number };

export type ImportWorkerMessage =
  { type: 'result'; file: JournalExport } | { type: 'refused'; message: string } | { type: 'failed'; message: string };

/**
 * The worker's heap cap. The largest file accepted (256 MB, `axis import`) parses to well under
 * this; a crafted file that would need more stops the worker alone, with a clear refusal.
 */
export const IMPORT_WORKER_HEAP_MB = 1536;

/**
 * Reads and checks a JSON export (text from the page, or a file the CLI names) in a worker thread
 * with a capped heap, so that neither parsing nor validating a crafted file can freeze or abort
 * the process that holds the open journal. The event loop stays free meanwhile. Without a built
 * worker (unit tests run the sources) it runs on this thread.
 */
export function readJournalExport(
  source: { text: string } | { path: string },
  workerUrl: URL | undefined,
  heapMb = IMPORT_WORKER_HEAP_MB,
): Promise<JournalExport> {
  const latestSchemaVersion = latestVersion();
  if (!workerUrl) {
    return Promise.resolve().then(() =>
      'text' in source
        ? parseJournalExportText(source.text, latestSchemaVersion)
        : parseJournalExportText(readFileSync(source.path, 'utf8'), latestSchemaVersion, source.path),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { ...source, latestSchemaVersion } satisfies ImportWorkerInput,
      resourceLimits: {
        maxOldGenerationSizeMb: heapMb,
        maxYoungGenerationSizeMb: Math.min(64, heapMb),
        stackSizeMb: 4,
      },
      env: {}, // nothing of this process's environment is needed there
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: ImportWorkerMessage) => {
      settle(() => {
        if (message.type === 'result') resolve(message.file);
        else if (message.type === 'refused') reject(new AppError('IMPORT_INVALID', message.message));
        else reject(new Error(`the import check failed: ${message.message}`));
      });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError(
                'IMPORT_INVALID',
                'This file is too large or too deeply nested to be an Axis Journal export. Nothing was changed.',
              )
            : error,
        ),
      );
    });
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the import check stopped before it finished (exit code ${code})`))),
    );
  });
}
