import { DEFAULT_MAX_LAG, MAX_LAG_LIMIT, type InsightsResult, type InsightsStatus } from '../../contract/insights';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import type { EngineInput } from './engine';
import type { InsightsJob, InsightsRunner } from './runner';
import { readDailySeries } from '../trends/series';

const MAX_LAG_SETTING = 'insights.maxLag';

/**
 * One insights run at a time, its progress, and its result until the journal changes or
 * locks. Asking again while nothing changed returns the result at once.
 */
export class InsightsService {
  private state: InsightsStatus['state'] = 'idle';
  private progress = { done: 0, total: 0 };
  private result: InsightsResult | null = null;
  private error: string | null = null;
  /** The database's change count when the running or finished run read its data. */
  private revision = -1;
  private runningLag = -1;
  private job: InsightsJob | null = null;

  constructor(
    private readonly runner: InsightsRunner,
    private readonly today: () => string,
  ) {}

  run(db: Db, maxLag?: number): InsightsStatus {
    if (maxLag !== undefined && maxLag !== savedMaxLag(db)) writeSetting(db, MAX_LAG_SETTING, maxLag);
    const lag = savedMaxLag(db);
    const revision = journalRevision(db);
    const current = this.revision === revision;
    if (current && this.state === 'running' && this.runningLag === lag) return this.status(db);
    if (current && this.state === 'done' && this.result?.maxLag === lag) return this.status(db);

    this.job?.cancel();
    const data = readDailySeries(db, {}, this.today());
    const input = { dates: data.dates, series: data.series.filter((series) => series.role !== 'none') };
    this.state = 'running';
    this.progress = { done: 0, total: 0 };
    this.error = null;
    this.revision = revision;
    this.runningLag = lag;
    const job = this.runner(input, lag, (done, total) => {
      if (this.job === job) this.progress = { done, total };
    });
    this.job = job;
    job.promise.then(
      (result) => {
        if (this.job !== job) return;
        this.job = null;
        this.state = 'done';
        this.result = result;
        this.progress = { done: this.progress.total, total: this.progress.total };
      },
      (error: unknown) => {
        if (this.job !== job) return;
        this.job = null;
        this.state = 'failed';
        this.error = `The statistics could not be worked out (${error instanceof Error ? error.message : 'unknown problem'}). Your journal is unchanged; please try again.`;
      },
    );
    return this.status(db);
  }

  status(db: Db): InsightsStatus {
    return {
      state: this.state,
      progress: { ...this.progress },
      result: this.result,
      stale: this.result !== null && this.revision !== journalRevision(db),
      error: this.error,
      maxLag: savedMaxLag(db),
    };
  }

  /**
   * The status once the run in progress (if any) has finished — or failed, or was stopped by a
   * lock. A run replaced by a newer one (the journal changed meanwhile) is followed to the newer.
   */
  async settled(db: Db): Promise<InsightsStatus> {
    for (let job = this.job; job; job = this.job) {
      await job.promise.catch(() => {});
      // run()'s own handlers were attached first, so the state has been updated by now.
      if (this.job === job) break;
    }
    return this.status(db);
  }

  /**
   * Runs the engine once on other data (for example the report's shorter period) the same way
   * as the journal-wide run — in the worker when the app has one — without keeping the result.
   */
  runOnce(input: EngineInput, maxLag: number): Promise<InsightsResult> {
    return this.runner(input, maxLag, () => {}).promise;
  }

  /** The journal locked: stop any run and forget every number (they describe private data). */
  forget(): void {
    this.job?.cancel();
    this.job = null;
    this.state = 'idle';
    this.progress = { done: 0, total: 0 };
    this.result = null;
    this.error = null;
    this.revision = -1;
  }
}

function savedMaxLag(db: Db): number {
  const saved = readSetting<number>(db, MAX_LAG_SETTING);
  return Number.isInteger(saved) && saved! >= 0 && saved! <= MAX_LAG_LIMIT ? saved! : DEFAULT_MAX_LAG;
}

/** Every write on this connection counts, so any change to the journal makes a result stale. */
function journalRevision(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}
