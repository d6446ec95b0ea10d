import { Worker } from 'node:worker_threads';
import { databasePages, rekeyCopy, rekeyPagesDone } from './database';

export interface RekeyWorkerInput {
  copyPath: string;
  oldKey: Uint8Array;
  newKey: Uint8Array;
  nativeBinding?: string | undefined;
}

export type RekeyWorkerMessage = { type: 'done' } | { type: 'failed'; message: string };

export interface RekeyProgress {
  pagesDone: number;
  pagesTotal: number;
}

/** How often the pages done are read while a re-key runs. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Re-encrypts the snapshot at `copyPath` under `newKey`, in a worker thread when one is built
 * (`workerUrl`), reporting the pages done as they are re-encrypted; without a worker (unit tests
 * run the sources) on this thread, reporting only the start and the end.
 */
export async function rekeySnapshot(
  copyPath: string,
  oldKey: Buffer,
  newKey: Buffer,
  options: { workerUrl?: URL | undefined; nativeBinding?: string | undefined; onProgress: (p: RekeyProgress) => void },
): Promise<void> {
  const pagesTotal = Math.max(1, databasePages(copyPath));
  options.onProgress({ pagesDone: 0, pagesTotal });
  if (!options.workerUrl) {
    rekeyCopy(copyPath, oldKey, newKey, options.nativeBinding);
    options.onProgress({ pagesDone: pagesTotal, pagesTotal });
    return;
  }
  // Copies of the keys for the worker (a Buffer may share a pool); each side wipes its own.
  const input: RekeyWorkerInput = {
    copyPath,
    oldKey: new Uint8Array(oldKey),
    newKey: new Uint8Array(newKey),
    nativeBinding: options.nativeBinding,
  };
  // The rollback journal is deleted when the rekey commits, so its size drops to nothing just before
  // the end: progress only ever moves forward.
  let pagesDone = 0;
  const ticker = setInterval(() => {
    pagesDone = Math.max(pagesDone, rekeyPagesDone(copyPath, pagesTotal));
    options.onProgress({ pagesDone, pagesTotal });
  }, PROGRESS_INTERVAL_MS);
  try {
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(options.workerUrl!, { workerData: input, env: {} });
      input.oldKey.fill(0);
      input.newKey.fill(0);
      let settled = false;
      worker.on('message', (message: RekeyWorkerMessage) => {
        settled = true;
        if (message.type === 'done') resolve();
        else reject(new Error(message.message));
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the re-key stopped before it finished (exit code ${code})`));
      });
    });
  } finally {
    clearInterval(ticker);
  }
  options.onProgress({ pagesDone: pagesTotal, pagesTotal });
}
