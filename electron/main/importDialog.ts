import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { Result } from '../contract/errors';
import type { ImportReadStatus } from '../contract/importFrom';
import type { Backend } from '../core/backend';
import { isAppError } from '../core/errors';

/**
 * `importFrom.chooseFile` in the desktop app: the system's Open dialog, then the chosen Apple
 * Health export is read from disk by its path in the import worker (no copy, no upload). The path
 * never reaches the page; the page follows the read by its id (`importFrom.readStatus`).
 */
export async function chooseImportFile(
  sender: WebContents,
  backend: Backend,
): Promise<Result<ImportReadStatus | null>> {
  if (!backend.vault.isUnlocked)
    return { ok: false, error: { code: 'VAULT_LOCKED', message: 'Unlock your journal first.' } };
  const window = BrowserWindow.fromWebContents(sender);
  const options: Electron.OpenDialogOptions = {
    title: 'Choose an Apple Health export',
    properties: ['openFile'],
    filters: [
      { name: 'Apple Health export', extensions: ['zip', 'xml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || !path) return { ok: true, value: null };
  try {
    return { ok: true, value: backend.importReads.startPath(path) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toApiError() };
    return {
      ok: false,
      error: { code: 'IMPORT_INVALID', message: 'That file could not be opened. Nothing was changed.' },
    };
  }
}
