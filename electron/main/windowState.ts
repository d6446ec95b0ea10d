import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow } from 'electron';
import { writeFileAtomically } from '../core/durableFiles';
import { DEFAULT_WINDOW_STATE, parseWindowState, serializeWindowState, type WindowState } from './windowStatePolicy';

/** How long the window must sit still after a move or resize before its place is written. */
export const SAVE_DELAY_MS = 500;

/** The saved window state, or the defaults when the file is missing, unreadable or damaged. */
export function readWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * Writes the state atomically (a temporary file, flushed, then renamed over the old one), so a
 * crash leaves the old file or the new one, never half of either. A failure only costs the
 * remembered position, so it is logged and otherwise ignored.
 */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomically(file, serializeWindowState(state));
  } catch (error) {
    console.warn(
      '[axis] the window position could not be saved:',
      error instanceof Error ? error.message : 'unknown error',
    );
  }
}

/** Saves the window's place a moment after it moves or changes size, and at once when it closes. */
export function rememberWindowState(window: BrowserWindow, file: string, delayMs = SAVE_DELAY_MS): void {
  let timer: NodeJS.Timeout | undefined;
  const saveNow = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    writeWindowState(file, {
      // The normal bounds, whatever the state: a maximized window unmaximizes to where it was.
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('enter-full-screen', saveSoon);
  window.on('leave-full-screen', saveSoon);
  window.on('close', saveNow);
  window.on('closed', () => clearTimeout(timer));
}
