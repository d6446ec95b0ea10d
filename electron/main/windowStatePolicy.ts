/**
 * Pure rules for remembering the window's size and position (unit-tested without Electron): what
 * the saved file may hold, and where a window goes on the displays there are now. The file holds
 * only numbers and two flags — never anything from the journal.
 */

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1180, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 560 } as const;

/** How much of the window's top edge (where the title bar is) must be on a display to count as visible. */
const TITLE_BAR_HEIGHT = 40;
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 20;
/** Far beyond any real desktop: a larger number is a damaged or hand-edited file. */
const MAX_COORDINATE = 100_000;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximized, not full-screen) bounds; null until first saved. */
  bounds: Rectangle | null;
  maximized: boolean;
  fullScreen: boolean;
}

/** Where a new window goes: always a size, and a position (centred when nothing fits). */
export interface WindowPlacement {
  bounds: Rectangle;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: null, maximized: false, fullScreen: false };

/** Reads the file's text; anything missing, damaged or odd gives the defaults (never an exception). */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (!text) return DEFAULT_WINDOW_STATE;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height, maximized, fullScreen } = data as Record<string, unknown>;
  const bounds =
    isPixel(x) && isPixel(y) && isPixel(width) && isPixel(height) && width > 0 && height > 0
      ? { x, y, width, height }
      : null;
  return { bounds, maximized: maximized === true, fullScreen: fullScreen === true };
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ ...state.bounds, maximized: state.maximized, fullScreen: state.fullScreen }, null, 2)}\n`;
}

/**
 * Whether a window at `bounds` could be seen and dragged on one of these work areas: enough of
 * its top edge (the title bar) lies on it.
 */
export function isVisibleOn(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return displayShowing(bounds, workAreas) !== null;
}

/**
 * The saved window if it is still visible on a current display (its size clamped to the minimum
 * and to that display), otherwise the default size centred on the primary display — the first
 * work area given.
 */
export function placeWindow(state: WindowState, workAreas: readonly Rectangle[]): WindowPlacement {
  const display = state.bounds ? displayShowing(state.bounds, workAreas) : null;
  if (!state.bounds || !display) {
    return { bounds: centred(DEFAULT_WINDOW_SIZE, workAreas[0]), maximized: false, fullScreen: false };
  }
  const width = fit(state.bounds.width, MIN_WINDOW_SIZE.width, display.width);
  const height = fit(state.bounds.height, MIN_WINDOW_SIZE.height, display.height);
  // A window that had to shrink (the display is smaller now) is moved fully onto it.
  const x =
    width < state.bounds.width
      ? display.x + Math.max(0, Math.min(state.bounds.x - display.x, display.width - width))
      : state.bounds.x;
  const y =
    height < state.bounds.height
      ? display.y + Math.max(0, Math.min(state.bounds.y - display.y, display.height - height))
      : state.bounds.y;
  return { bounds: { x, y, width, height }, maximized: state.maximized, fullScreen: state.fullScreen };
}

/** The work area showing most of the window's title bar, or null when none shows enough of it. */
function displayShowing(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | null {
  const titleBar = { ...bounds, height: Math.min(TITLE_BAR_HEIGHT, bounds.height) };
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersection(titleBar, area);
    if (
      !overlap ||
      overlap.width < Math.min(MIN_VISIBLE_WIDTH, bounds.width) ||
      overlap.height < Math.min(MIN_VISIBLE_HEIGHT, titleBar.height)
    )
      continue;
    if (overlap.width * overlap.height > bestArea) {
      best = area;
      bestArea = overlap.width * overlap.height;
    }
  }
  return best;
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function centred(size: { width: number; height: number }, area: Rectangle | undefined): Rectangle {
  if (!area) return { x: 0, y: 0, ...size };
  const width = fit(size.width, MIN_WINDOW_SIZE.width, area.width);
  const height = fit(size.height, MIN_WINDOW_SIZE.height, area.height);
  return {
    x: area.x + Math.max(0, Math.round((area.width - width) / 2)),
    y: area.y + Math.max(0, Math.round((area.height - height) / 2)),
    width,
    height,
  };
}

/** At least the minimum, at most what the display holds (unless the display is below the minimum). */
function fit(value: number, minimum: number, available: number): number {
  return Math.max(minimum, Math.min(value, available));
}

function isPixel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORDINATE;
}
