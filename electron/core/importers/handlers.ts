import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { AppError } from '../errors';
import { listImports, undoImport } from './history';
import { destinationsOf, proposeMapping, readSource, runImport } from './pipeline';

type ImportFromMethods =
  | 'importFrom.propose'
  | 'importFrom.run'
  | 'importFrom.history'
  | 'importFrom.undo'
  | 'importFrom.chooseFile'
  | 'importFrom.startUpload'
  | 'importFrom.readStatus'
  | 'importFrom.cancelRead';

/**
 * Import from another app, for the page: a CSV travels as base64 (within the upload limit); an
 * Apple Health export of any size is read in the background first (`backend.importReads`: by path
 * in the desktop app, streamed from the upload in the web host) and then named by its `readId`.
 */
export function importFromHandlers(backend: Backend): Pick<Handlers, ImportFromMethods> {
  const { vault } = backend;
  const today = (): string => backend.today();
  const file = (input: { fileName: string; dataBase64?: string | undefined }) => ({
    fileName: input.fileName,
    bytes: Buffer.from(input.dataBase64 ?? '', 'base64'),
  });
  const reads = backend.importReads;
  return {
    'importFrom.propose': async (input) => {
      const read = input.readId ? reads.source(input.readId) : await readSource(input.format, file(input));
      const mapping = proposeMapping(vault.db, read);
      const summary = runImport(vault.db, read, mapping, { dryRun: true, today: today() });
      return { mapping, summary, destinations: destinationsOf(vault.db) };
    },
    'importFrom.run': async (input) => {
      const read = input.readId
        ? reads.source(input.readId)
        : await readSource(input.mapping.format, file(input), { dateColumn: input.mapping.dateColumn });
      if (read.source.format !== input.mapping.format)
        throw new AppError('INVALID_INPUT', 'This mapping is for another kind of file. Please choose the file again.');
      return runImport(vault.db, read, input.mapping, { dryRun: input.dryRun, today: today() });
    },
    'importFrom.history': () => listImports(vault.db),
    'importFrom.undo': ({ id }) => undoImport(vault.db, id, today()),
    // The desktop shell answers this itself (electron/main/importDialog.ts).
    'importFrom.chooseFile': () => {
      throw new AppError(
        'INVALID_INPUT',
        'Choosing a file with the system dialog is part of the desktop app. Here, pick the file on the page.',
      );
    },
    'importFrom.startUpload': ({ fileName, size }) => reads.startUpload(fileName, size),
    'importFrom.readStatus': ({ readId }) => reads.status(readId),
    'importFrom.cancelRead': ({ readId }) => reads.cancel(readId),
  };
}
