import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { Result } from '../contract/errors';
import { reportSchemas, type SavedPdf } from '../contract/report';
import { inputProblem } from '../core/api/dispatch';

/**
 * `report.savePdf` in the desktop app: the system save dialog, then Chromium's own PDF of the
 * page as it prints (the report's print styles, its @page size and margins), written to the
 * chosen file. Nothing else of the app is involved, so it lives in the shell.
 */
export async function savePdf(sender: WebContents, rawInput: unknown): Promise<Result<SavedPdf>> {
  const parsed = reportSchemas.savePdf.safeParse(rawInput);
  if (!parsed.success)
    return { ok: false, error: { code: 'INVALID_INPUT', message: inputProblem(parsed.error.issues[0]) } };
  const { paper, fileName } = parsed.data;
  const window = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false, path: null } };
  try {
    const pdf = await sender.printToPDF({
      pageSize: paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    await writeFile(choice.filePath, pdf);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown problem';
    return {
      ok: false,
      error: { code: 'STORAGE_FAILED', message: `The PDF could not be saved (${reason}). Please try another folder.` },
    };
  }
  return { ok: true, value: { saved: true, path: choice.filePath } };
}
