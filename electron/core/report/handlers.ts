import type { InsightsResult } from '../../contract/insightsTerms';
import { REPORT_MAX_DAYS } from '../../contract/reportTerms';
import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { datesBetween, readDailySeries } from '../trends/series';
import { needsInsights, reportFromSeries } from './build';
import { triggersFrom } from './triggers';

type ReportMethods = 'report.data' | 'report.savePdf';

/** How long the report waits for a journal-wide insights run before giving up on the triggers. */
const INSIGHTS_WAIT_MS = 120_000;

/** The dermatologist report's data; photos load through `photos.image`. */
export function reportHandlers(backend: Backend, today: () => string): Pick<Handlers, ReportMethods> {
  const { vault } = backend;
  return {
    // The desktop shell answers this itself (electron/main/pdf.ts); a browser prints instead.
    'report.savePdf': () => {
      throw new AppError(
        'INVALID_INPUT',
        'Saving a PDF directly is part of the desktop app. Here, choose Print and then “Save as PDF” as the printer.',
      );
    },
    'report.data': async (input) => {
      const now = today();
      checkDates(input.from, input.to, input.dateOfBirth || null, now);
      const db = vault.db;
      const data = readDailySeries(db, { from: input.from, to: input.to }, now);
      const maxLag = backend.insights.status(db).maxLag;
      const periodDaysLogged = data.daysLogged;
      let triggers = triggersFrom({ result: null, periodDaysLogged });
      if (needsInsights(input.sections)) {
        try {
          triggers = triggersFrom({ result: await journalInsights(backend, db), periodDaysLogged });
        } catch (error) {
          if (error instanceof AppError) throw error;
          triggers = triggersFrom({
            result: null,
            periodDaysLogged,
            failure:
              'The statistics could not be worked out this time, so no candidate triggers are listed. Please try again.',
          });
        }
      }
      return reportFromSeries(vault.db, data, { ...input, today: now, maxLag }, triggers);
    },
  };
}

/** Plain-word checks the schema cannot make: they need today's date. */
function checkDates(from: string, to: string, dateOfBirth: string | null, today: string): void {
  if (from > today)
    throw new AppError(
      'INVALID_INPUT',
      'The report cannot start in the future. Choose a start date on or before today.',
    );
  if (to > today)
    throw new AppError('INVALID_INPUT', 'The report cannot end in the future. Choose an end date on or before today.');
  if (datesBetween(from, to).length > REPORT_MAX_DAYS) {
    throw new AppError('INVALID_INPUT', 'A report can cover at most 10 years. Please choose a shorter period.');
  }
  if (dateOfBirth && dateOfBirth >= today)
    throw new AppError('INVALID_INPUT', 'The date of birth must be a day in the past.');
}

/**
 * The insights behind the candidate triggers: the journal-wide result the Insights view shows,
 * reused when it is current, or run (off this thread when the app has the insights worker, and
 * then kept for that view), whatever period the report covers.
 */
async function journalInsights(backend: Backend, db: Db): Promise<InsightsResult> {
  backend.insights.run(db);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), INSIGHTS_WAIT_MS);
    timer.unref();
  });
  const status = await Promise.race([backend.insights.settled(db), timeout]).finally(() => clearTimeout(timer));
  if (status?.state === 'done' && status.result) return status.result;
  throw new Error(status?.error ?? 'insights did not finish');
}
