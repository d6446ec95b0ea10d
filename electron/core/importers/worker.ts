import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { parseAppleHealth } from './appleHealth';
import { serializeSource, type HealthWorkerMessage } from './healthRunner';

/** Worker-thread entry (built as out/main/importWorker.js): streams one Apple Health export, then ends. */
const { path } = workerData as { path: string };
const post = (message: HealthWorkerMessage): void => parentPort!.postMessage(message);
let last = 0;
const hash = createHash('sha256');
parseAppleHealth(
  { path },
  (done, total) => {
    if (done - last >= 8 * 1024 * 1024 || done === total) {
      last = done;
      post({ type: 'progress', done, total });
    }
  },
  undefined,
  (chunk) => hash.update(chunk),
)
  .then((source) => post({ type: 'result', source: serializeSource(source), sha256: hash.digest('hex') }))
  .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
