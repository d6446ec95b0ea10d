import type { SeriesKind } from '$contract/trendsTerms';
import { formatValue, oneDecimal, shortDay, type Values } from './series';

/**
 * "Show as table": every chart's numbers as rows and columns, for screen readers, printing
 * and checking. Pure: tested in tests/unit/trends-charts.test.ts.
 */

export interface TableColumn {
  label: string;
  numeric?: boolean;
}

export interface TableRow {
  key: string;
  /** The first cell is the row's header (a date, a month, a type). */
  cells: string[];
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Shown under the table, e.g. what "–" means. */
  note?: string;
}

export interface DailyColumn {
  label: string;
  values: Values;
  kind?: SeriesKind;
  /** A 7-day average: always one decimal ("4.0"). */
  average?: boolean;
  /** Days where this is 1 add a word to the cell (a flare next to the score). */
  flag?: { values: Values; word: string };
}

export const MISSING_NOTE =
  '– means nothing was recorded that day. Days with nothing recorded in any column are left out.';

/** One row per day that has a value in at least one column, oldest first like the charts. */
export function dailyTable(
  caption: string,
  dates: readonly string[],
  columns: readonly DailyColumn[],
  dateLabel = 'Date',
): TableModel {
  const rows: TableRow[] = [];
  for (let i = 0; i < dates.length; i++) {
    let any = false;
    const cells: string[] = [];
    for (const column of columns) {
      const value = column.values[i];
      const flagged = column.flag?.values[i] === 1;
      if ((value !== null && value !== undefined) || flagged) any = true;
      let text =
        column.average && value !== null && value !== undefined ? oneDecimal(value) : formatValue(value, column.kind);
      if (flagged) text = value === null || value === undefined ? column.flag!.word : `${text} ${column.flag!.word}`;
      cells.push(text);
    }
    if (any) rows.push({ key: dates[i]!, cells: [shortDay(dates[i]!), ...cells] });
  }
  return {
    caption,
    columns: [{ label: dateLabel }, ...columns.map((column) => ({ label: column.label, numeric: true }))],
    rows,
    note: MISSING_NOTE,
  };
}

/** Rows per page of a long table: a year of days. */
export const PAGE_ROWS = 366;

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_ROWS));
}

/** Rows [start, end) of a page. Pages are counted from the end, so the newest page is full and the oldest holds the rest. */
export function pageRange(rows: number, page: number): { start: number; end: number } {
  const pages = pageCount(rows);
  const fromEnd = pages - 1 - Math.max(0, Math.min(page, pages - 1));
  const end = rows - fromEnd * PAGE_ROWS;
  return { start: Math.max(0, end - PAGE_ROWS), end };
}

export function pageRows<T>(rows: readonly T[], page: number): T[] {
  const { start, end } = pageRange(rows.length, page);
  return rows.slice(start, end);
}
