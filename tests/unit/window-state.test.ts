import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { readWindowState, rememberWindowState, writeWindowState } from '../../electron/main/windowState';
import {
  DEFAULT_WINDOW_SIZE,
  DEFAULT_WINDOW_STATE,
  isVisibleOn,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  serializeWindowState,
  WINDOW_STATE_FILE,
  type Rectangle,
  type WindowState,
} from '../../electron/main/windowStatePolicy';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

const LAPTOP: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
/** A second monitor to the right of the laptop. */
const MONITOR: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };
const saved = (bounds: Rectangle, extra: Partial<WindowState> = {}): WindowState => ({
  bounds,
  maximized: false,
  fullScreen: false,
  ...extra,
});

describe('reading the saved window state', () => {
  it('gives the defaults for a missing, empty, damaged or odd file — never an exception', () => {
    for (const text of [
      null,
      undefined,
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '42',
      '{"x": "10", "y": 0, "width": 800, "height": 600}',
      '{"x": 1.5, "y": 0, "width": 800, "height": 600}',
      '{"x": 0, "y": 0, "width": -800, "height": 600}',
      '{"x": 0, "y": 0, "width": 0, "height": 600}',
      '{"x": 1e300, "y": 0, "width": 800, "height": 600}',
      '{"x": 0, "y": 0, "width": 800}',
      '{"__proto__": {"x": 0}}',
    ]) {
      expect(parseWindowState(text).bounds, String(text)).toBeNull();
    }
    expect(parseWindowState('{"maximized": "yes", "fullScreen": 1}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reads what it wrote', () => {
    const state = saved({ x: -1800, y: 40, width: 1000, height: 700 }, { maximized: true });
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it('a missing or unreadable file on disk gives the defaults', () => {
    const dir = tempDir();
    expect(readWindowState(join(dir, WINDOW_STATE_FILE))).toEqual(DEFAULT_WINDOW_STATE);
    // A folder where the file should be cannot be read as text.
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, WINDOW_STATE_FILE), '\u0000\u0001 not json');
    expect(readWindowState(join(dir, WINDOW_STATE_FILE))).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('is the saved window still on a display?', () => {
  it('yes when enough of its title bar is on some work area, on any monitor', () => {
    expect(isVisibleOn({ x: 100, y: 100, width: 1000, height: 700 }, [LAPTOP])).toBe(true);
    expect(isVisibleOn({ x: 2000, y: 200, width: 1000, height: 700 }, [LAPTOP, MONITOR])).toBe(true);
    // Hanging off the right edge, with its left part (and title bar) on screen.
    expect(isVisibleOn({ x: 1200, y: 100, width: 1000, height: 700 }, [LAPTOP])).toBe(true);
    // Windows places snapped windows a few pixels outside the work area.
    expect(isVisibleOn({ x: -7, y: 18, width: 1000, height: 700 }, [LAPTOP])).toBe(true);
  });

  it('no when its monitor is gone, or only a sliver or its bottom is on screen', () => {
    expect(isVisibleOn({ x: 2000, y: 200, width: 1000, height: 700 }, [LAPTOP])).toBe(false);
    expect(isVisibleOn({ x: 1400, y: 200, width: 1000, height: 700 }, [LAPTOP])).toBe(false);
    // Title bar above the top of the screen: the window cannot be dragged back.
    expect(isVisibleOn({ x: 100, y: -650, width: 1000, height: 700 }, [LAPTOP])).toBe(false);
    expect(isVisibleOn({ x: 100, y: 890, width: 1000, height: 700 }, [LAPTOP])).toBe(false);
    expect(isVisibleOn({ x: 100, y: 100, width: 1000, height: 700 }, [])).toBe(false);
  });
});

describe('placing the window at start', () => {
  it('restores a visible window exactly, with its maximized and full-screen state', () => {
    const bounds = { x: 1600, y: 100, width: 1300, height: 900 };
    expect(placeWindow(saved(bounds, { maximized: true }), [LAPTOP, MONITOR])).toEqual({
      bounds,
      maximized: true,
      fullScreen: false,
    });
    expect(placeWindow(saved(bounds, { fullScreen: true }), [LAPTOP, MONITOR])).toMatchObject({ fullScreen: true });
  });

  it('centres the default size on the primary display when nothing was saved or it is off screen', () => {
    const centred = {
      bounds: {
        x: (1440 - DEFAULT_WINDOW_SIZE.width) / 2,
        y: 25 + Math.round((875 - DEFAULT_WINDOW_SIZE.height) / 2),
        ...DEFAULT_WINDOW_SIZE,
      },
      maximized: false,
      fullScreen: false,
    };
    expect(placeWindow(DEFAULT_WINDOW_STATE, [LAPTOP, MONITOR])).toEqual(centred);
    // Saved on the monitor that is no longer plugged in, maximized there: back to the defaults.
    expect(placeWindow(saved({ x: 2000, y: 200, width: 1300, height: 900 }, { maximized: true }), [LAPTOP])).toEqual(
      centred,
    );
  });

  it('clamps to the minimum size, and shrinks a window larger than its display onto it', () => {
    const tiny = placeWindow(saved({ x: 100, y: 100, width: 200, height: 100 }), [LAPTOP]);
    expect(tiny.bounds).toEqual({ x: 100, y: 100, ...MIN_WINDOW_SIZE });
    // Saved on a big screen, now on a small one with the same origin.
    const huge = placeWindow(saved({ x: 300, y: 100, width: 2400, height: 1300 }), [LAPTOP]);
    expect(huge.bounds).toEqual(LAPTOP);
  });

  it('fits the default size to a small screen', () => {
    const small: Rectangle = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow(DEFAULT_WINDOW_STATE, [small]).bounds).toEqual({ x: 93, y: 0, width: 1180, height: 728 });
  });
});

describe('saving the window state', () => {
  it('writes atomically to window-state.json: only numbers and flags, no temporary file left', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', WINDOW_STATE_FILE);
    writeWindowState(file, saved({ x: 10, y: 20, width: 900, height: 700 }, { maximized: true }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      maximized: true,
      fullScreen: false,
    });
    writeWindowState(file, saved({ x: 11, y: 21, width: 901, height: 701 }));
    expect(readWindowState(file).bounds).toEqual({ x: 11, y: 21, width: 901, height: 701 });
    expect(readdirSync(join(dir, 'nested'))).toEqual([WINDOW_STATE_FILE]);
  });

  it('a folder it cannot write to costs only the remembered position', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => writeWindowState(join(dir, 'not-a-folder', WINDOW_STATE_FILE), DEFAULT_WINDOW_STATE)).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('saves once after moving and resizing stop, and at once on close', () => {
    vi.useFakeTimers();
    const file = join(tempDir(), WINDOW_STATE_FILE);
    const window = fakeWindow({ x: 5, y: 6, width: 800, height: 600 });
    rememberWindowState(window as unknown as BrowserWindow, file, 500);

    window.emit('move');
    window.emit('resize');
    vi.advanceTimersByTime(400);
    expect(existsSync(file)).toBe(false);
    window.emit('resize');
    vi.advanceTimersByTime(400);
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(readWindowState(file)).toEqual(saved({ x: 5, y: 6, width: 800, height: 600 }));

    // Maximized: the normal bounds are kept, so it unmaximizes to where it was.
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(readWindowState(file)).toEqual(saved({ x: 5, y: 6, width: 800, height: 600 }, { maximized: true }));

    // Nothing is written for a window that is gone.
    window.destroyed = true;
    window.normal = { x: 1, y: 1, width: 900, height: 900 };
    window.emit('resize');
    vi.advanceTimersByTime(1000);
    expect(readWindowState(file).bounds).toEqual({ x: 5, y: 6, width: 800, height: 600 });
  });
});

/** Just what rememberWindowState uses of a BrowserWindow (a real one needs Electron's runtime). */
function fakeWindow(normal: Rectangle) {
  return Object.assign(new EventEmitter(), {
    normal,
    maximized: false,
    destroyed: false,
    getNormalBounds() {
      return this.normal;
    },
    isMaximized() {
      return this.maximized;
    },
    isFullScreen: () => false,
    isDestroyed() {
      return this.destroyed;
    },
  });
}
