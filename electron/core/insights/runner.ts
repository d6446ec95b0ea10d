import { Worker } from 'node:worker_threads';
import type { InsightsResult } from '../../contract/insights';
import { runInsights, type EngineInput } from './engine';

export interface InsightsJob {
  promise: Promise<InsightsResult>;
  cancel(): void;
}

/** Starts one insights run; progress arrives as (done, total) test counts. */
export type InsightsRunner = (
  input: EngineInput,
  maxLag: number,
  onProgress: (done: number, total: number) => void,
) => InsightsJob;

/** Messages the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: InsightsResult }
  | { type: 'error'; message: string };

/**
 * Runs the engine in a worker thread so the host's event loop (IPC, the web host, the
 * meditation timer) never waits on it. `workerUrl` is the built worker entry.
 */
export function workerRunner(workerUrl: URL): InsightsRunner {
  return (input, maxLag, onProgress) => {
    const worker = new Worker(workerUrl, { workerData: { input, maxLag } });
    let settled = false;
    const promise = new Promise<InsightsResult>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else if (message.type === 'result') {
          settled = true;
          resolve(message.result);
        } else {
          settled = true;
          reject(new Error(message.message));
        }
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(code === 1 ? 'cancelled' : `the worker stopped (exit code ${code})`));
      });
    });
    return { promise, cancel: () => void worker.terminate() };
  };
}

/** Runs the engine on this thread, after the current call returns (tests and the CLI). */
export const inProcessRunner: InsightsRunner = (input, maxLag, onProgress) => {
  let cancelled = false;
  const promise = new Promise<InsightsResult>((resolve, reject) => {
    setImmediate(() => {
      if (cancelled) return reject(new Error('cancelled'));
      try {
        resolve(runInsights(input, { maxLag, onProgress }));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
    },
  };
};
