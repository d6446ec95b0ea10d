import { parentPort, workerData } from 'node:worker_threads';
import { runInsights, type EngineInput } from './engine';
import type { WorkerMessage } from './runner';

/** Worker-thread entry (built as out/main/insightsWorker.js): one run, then the thread ends. */
const { input, maxLag } = workerData as { input: EngineInput; maxLag: number };
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
try {
  post({
    type: 'result',
    result: runInsights(input, { maxLag, onProgress: (done, total) => post({ type: 'progress', done, total }) }),
  });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
