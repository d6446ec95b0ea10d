import { parentPort, workerData } from 'node:worker_threads';
import { rekeyCopy } from './database';
import type { RekeyWorkerInput, RekeyWorkerMessage } from './rekeyRunner';

/**
 * Worker-thread entry (built as out/main/rekeyWorker.js): re-encrypts one journal snapshot under a
 * new key (`rekeyCopy`), so that the process holding the journal keeps answering — and can report
 * the pages done — meanwhile. The keys arrive as bytes and are wiped here when done.
 */
const input = workerData as RekeyWorkerInput;
const oldKey = Buffer.from(input.oldKey);
const newKey = Buffer.from(input.newKey);
const post = (message: RekeyWorkerMessage): void => parentPort!.postMessage(message);
try {
  rekeyCopy(input.copyPath, oldKey, newKey, input.nativeBinding);
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  oldKey.fill(0);
  newKey.fill(0);
  input.oldKey.fill(0);
  input.newKey.fill(0);
}
