import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { parseAppleHealth, type HealthInput } from './appleHealth';
import { serializeSource, type HealthWorkerMessage } from './healthRunner';
import { ChunkQueue } from './reads';

/**
 * Worker-thread entry (built as out/main/importWorker.js): streams one Apple Health export, then
 * ends. Either reads the file at `path` (CLI, desktop app), or parses the bytes the parent posts
 * (`chunk` messages, then `end`: the web host's upload), acknowledging each chunk once parsed so
 * the parent sends no faster than it is read.
 */
const data = workerData as { path: string } | { total: number };
const post = (message: HealthWorkerMessage): void => parentPort!.postMessage(message);
let input: HealthInput;
if ('path' in data) input = { path: data.path };
else {
  const queue = new ChunkQueue();
  parentPort!.on('message', (message: { type: 'chunk'; data: Uint8Array } | { type: 'end' }) => {
    void queue.push(message.type === 'chunk' ? message.data : null);
  });
  input = { chunks: acknowledged(queue), size: data.total };
}
let last = 0;
const hash = createHash('sha256');
parseAppleHealth(
  input,
  (done, total) => {
    if (done - last >= 1024 * 1024 || done === total) {
      last = done;
      post({ type: 'progress', done, total });
    }
  },
  undefined,
  (chunk) => hash.update(chunk),
)
  .then((source) => post({ type: 'result', source: serializeSource(source), sha256: hash.digest('hex') }))
  .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));

async function* acknowledged(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    yield chunk;
    post({ type: 'ack' });
  }
}
