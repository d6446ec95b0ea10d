import { createHash, randomBytes, type Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportReadStatus } from '../../contract/importFrom';
import { IMPORT_LIMITS } from '../../contract/importFromTerms';
import { AppError } from '../errors';
import { parseAppleHealth, type Cancel } from './appleHealth';
import { deserializeSource, type HealthWorkerMessage } from './healthRunner';
import type { ReadSource } from './pipeline';
import { refused } from './text';
import type { ParsedSource } from './types';

/** Chunks sent to the worker at once, and how many may wait there unread (memory stays bounded). */
const BATCH_BYTES = 1024 * 1024;
const MAX_IN_FLIGHT = 4;

interface Read {
  status: ImportReadStatus;
  worker: Worker | null;
  cancel: Cancel;
  /** Web host: where the request body's bytes go; resolves when the reader is ready for more. */
  sink: ((chunk: Uint8Array | null) => Promise<void>) | null;
  result: ReadSource | null;
  /** Reads on this thread hash the bytes here (the worker hashes its own). */
  hash: Hash;
}

/**
 * Large Apple Health exports read for "Import from another app" in the app, away from the
 * backend's main thread: in a worker thread (heap capped at 256 MB) that reports the bytes read.
 * The desktop app reads the file the person chose in the system dialog by its path; the web host
 * streams the upload's request body straight into the worker, so the export is never written to
 * disk and never held whole in memory. A read holds only the parsed per-day totals afterwards,
 * until the mapping screen uses it (`source`), another read starts, or the journal locks.
 * Cancelling stops the worker: nothing was written, so nothing changes.
 */
export class ImportReads {
  private reads = new Map<string, Read>();

  /** `workerUrl`: the built out/main/importWorker.js; without it (tests of the core) reads run on this thread. */
  constructor(private readonly workerUrl?: URL) {}

  /** Desktop: the file chosen in the system dialog, read from disk by its path. */
  startPath(path: string): ImportReadStatus {
    const total = statSync(path).size;
    const read = this.begin(basename(path), total);
    if (this.workerUrl) this.inWorker(read, { path });
    else void this.inThread(read, parseAppleHealth({ path }, this.progressOf(read), read.cancel, hasher(read)));
    return { ...read.status };
  }

  /** Web host: a read whose bytes arrive as the body of a later upload request (`feed`). */
  startUpload(fileName: string, total: number): ImportReadStatus {
    if (total > IMPORT_LIMITS.healthBytes)
      throw refused(
        `The file is larger than ${IMPORT_LIMITS.healthBytes / 1024 ** 3} GB, more than an Apple Health export holds.`,
      );
    const read = this.begin(fileName, total);
    if (this.workerUrl) this.inWorker(read, { total });
    else {
      const queue = new ChunkQueue();
      read.sink = (chunk) => queue.push(chunk);
      void this.inThread(
        read,
        parseAppleHealth({ chunks: queue, size: total }, this.progressOf(read), read.cancel, hasher(read)),
      );
    }
    return { ...read.status };
  }

  /**
   * The upload's body, streamed into the read as it arrives: never written anywhere, at most a
   * few MB waiting. Refuses a body longer or shorter than announced, and stops when cancelled.
   */
  async feed(readId: string, body: AsyncIterable<Uint8Array>): Promise<ImportReadStatus> {
    const read = this.reads.get(readId);
    if (!read || !read.sink)
      throw new AppError('INVALID_INPUT', 'This upload is not expected (it was cancelled or already sent).');
    const sink = read.sink;
    read.sink = null;
    let received = 0;
    let batch: Uint8Array[] = [];
    let batched = 0;
    const flush = async () => {
      if (batched === 0) return;
      const data = new Uint8Array(batched);
      let at = 0;
      for (const part of batch) {
        data.set(part, at);
        at += part.length;
      }
      batch = [];
      batched = 0;
      await sink(data);
    };
    try {
      for await (const chunk of body) {
        if (read.status.state !== 'reading') return { ...read.status };
        received += chunk.length;
        if (received > read.status.total) {
          this.fail(read, 'The upload was longer than the file it announced. Nothing was changed.');
          return { ...read.status };
        }
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= BATCH_BYTES) await flush();
      }
    } catch {
      // The page went away or the connection broke: the read stops, the worker with it.
      this.fail(read, 'The upload stopped before the whole file arrived. Nothing was changed.');
      return { ...read.status };
    }
    if (read.status.state !== 'reading') return { ...read.status };
    if (received !== read.status.total) {
      this.fail(read, 'The upload stopped before the whole file arrived. Nothing was changed.');
      return { ...read.status };
    }
    await flush();
    await sink(null);
    return { ...read.status };
  }

  status(readId: string): ImportReadStatus {
    return { ...this.get(readId).status };
  }

  /** Stops a read: its worker ends, its bytes are dropped, the journal was never touched. */
  cancel(readId: string): ImportReadStatus {
    const read = this.get(readId);
    if (read.status.state === 'reading') {
      read.status.state = 'cancelled';
      read.status.message = 'Cancelled. Nothing was changed.';
      this.stop(read);
    }
    return { ...read.status };
  }

  /** The parsed export of a finished read, for the mapping screen, the dry run and the import. */
  source(readId: string): ReadSource {
    const read = this.get(readId);
    if (read.status.state === 'reading')
      throw new AppError('INVALID_INPUT', 'The file is still being read. Please wait for it to finish.');
    if (!read.result) throw new AppError('IMPORT_INVALID', read.status.message ?? 'The file could not be read.');
    return read.result;
  }

  /** Every read stopped and forgotten (the journal locked, or the app ends). */
  clear(): void {
    for (const read of this.reads.values()) this.stop(read);
    this.reads.clear();
  }

  private get(readId: string): Read {
    const read = this.reads.get(readId);
    if (!read)
      throw new AppError('INVALID_INPUT', 'That file is no longer open for importing. Please choose it again.');
    return read;
  }

  private begin(fileName: string, total: number): Read {
    if (total === 0) throw refused('The file is empty.');
    // One import at a time: a new file replaces any earlier one, read or being read.
    this.clear();
    const readId = randomBytes(16).toString('hex');
    const read: Read = {
      status: { readId, fileName: fileName.slice(0, 260), done: 0, total, state: 'reading' },
      worker: null,
      cancel: { cancelled: false },
      sink: null,
      result: null,
      hash: createHash('sha256'),
    };
    this.reads.set(readId, read);
    return read;
  }

  private progressOf(read: Read) {
    return (done: number) => {
      if (read.status.state === 'reading') read.status.done = done;
    };
  }

  private finish(read: Read, result: ReadSource): void {
    if (read.status.state !== 'reading') return;
    read.result = result;
    read.status.done = read.status.total;
    read.status.state = 'ready';
    read.worker = null;
  }

  private fail(read: Read, message: string): void {
    if (read.status.state !== 'reading') return;
    read.status.state = 'failed';
    read.status.message = message;
    this.stop(read);
  }

  private stop(read: Read): void {
    read.cancel.cancelled = true;
    read.sink = null;
    void read.worker?.terminate();
    read.worker = null;
  }

  private async inThread(read: Read, parsing: Promise<ParsedSource>): Promise<void> {
    try {
      const source = await parsing;
      this.finish(read, { source, sha256: read.hash.digest('hex'), fileName: read.status.fileName });
    } catch (error) {
      this.fail(read, error instanceof Error ? error.message : String(error));
    }
  }

  private inWorker(read: Read, data: { path: string } | { total: number }): void {
    const worker = new Worker(this.workerUrl!, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    read.worker = worker;
    // Flow control for uploads: each batch is acknowledged once parsed; the body waits meanwhile.
    let inFlight = 0;
    let wake: (() => void) | null = null;
    if ('total' in data) {
      read.sink = async (chunk) => {
        if (read.worker !== worker) return;
        if (chunk === null) return worker.postMessage({ type: 'end' });
        inFlight++;
        worker.postMessage({ type: 'chunk', data: chunk }, [chunk.buffer as ArrayBuffer]);
        while (inFlight >= MAX_IN_FLIGHT && read.worker === worker) await new Promise<void>((r) => (wake = r));
      };
    }
    const release = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    worker.on('message', (message: HealthWorkerMessage) => {
      if (message.type === 'ack') {
        inFlight--;
        release();
      } else if (message.type === 'progress') this.progressOf(read)(message.done);
      else if (message.type === 'result')
        this.finish(read, {
          source: deserializeSource(message.source),
          sha256: message.sha256,
          fileName: read.status.fileName,
        });
      else this.fail(read, message.message);
    });
    worker.on('error', (error) =>
      this.fail(read, `The Apple Health export could not be read (${error.message}). Nothing was changed.`),
    );
    worker.on('exit', () => {
      if (read.worker === worker) this.fail(read, 'The reading of the file stopped unexpectedly. Nothing was changed.');
      release();
    });
  }
}

function hasher(read: Read): (chunk: Uint8Array) => void {
  return (chunk) => read.hash.update(chunk);
}

/** Chunks handed from the request body to the parser on the same thread, one at a time. */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private items: (Uint8Array | null)[] = [];
  private wakeReader: (() => void) | null = null;
  private wakeWriter: (() => void) | null = null;

  /** Resolves when the reader has taken the chunk (so at most one waits). */
  async push(chunk: Uint8Array | null): Promise<void> {
    this.items.push(chunk);
    this.wakeReader?.();
    if (this.items.length > 1) await new Promise<void>((r) => (this.wakeWriter = r));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      while (this.items.length === 0) await new Promise<void>((r) => (this.wakeReader = r));
      this.wakeReader = null;
      const item = this.items.shift()!;
      const w = this.wakeWriter;
      this.wakeWriter = null;
      w?.();
      if (item === null) return;
      yield item;
    }
  }
}
