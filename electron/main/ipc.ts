import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, ipcChannel } from '../contract/methods';
import type { Dispatch } from '../core/api/dispatch';
import type { Backend } from '../core/backend';
import { chooseImportFile } from './importDialog';
import { savePdf } from './pdf';
import { isTrustedSender } from './securityPolicy';

/** Registers one handler per contract method; calls from any frame but our own page are refused. */
export function registerIpc(dispatch: Dispatch, devServerUrl?: string, backend?: Backend): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Axis Journal.' } };
      }
      // Printing needs the window itself, so the shell answers this one method.
      if (method === 'report.savePdf') return savePdf(event.sender, input);
      // So does choosing a (large) file to import: the system dialog, then a read by path.
      if (method === 'importFrom.chooseFile' && backend) return chooseImportFile(event.sender, backend);
      return dispatch(method, input);
    });
  }
}
