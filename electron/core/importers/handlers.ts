import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';
import { listImports, undoImport } from './history';
import { destinationsOf, proposeMapping, readSource, runImport } from './pipeline';

type ImportFromMethods = 'importFrom.propose' | 'importFrom.run' | 'importFrom.history' | 'importFrom.undo';

/**
 * Import from another app, for the page: the file travels as base64 (within the upload limit);
 * larger Apple Health exports go through the command line, which streams them from disk.
 */
export function importFromHandlers(backend: Backend): Pick<Handlers, ImportFromMethods> {
  const { vault } = backend;
  const today = (): string => backend.today();
  const file = (input: { fileName: string; dataBase64: string }) => ({
    fileName: input.fileName,
    bytes: Buffer.from(input.dataBase64, 'base64'),
  });
  return {
    'importFrom.propose': async (input) => {
      const read = await readSource(input.format, file(input));
      const mapping = proposeMapping(vault.db, read);
      const summary = runImport(vault.db, read, mapping, { dryRun: true, today: today() });
      return { mapping, summary, destinations: destinationsOf(vault.db) };
    },
    'importFrom.run': async (input) => {
      const read = await readSource(input.mapping.format, file(input), { dateColumn: input.mapping.dateColumn });
      return runImport(vault.db, read, input.mapping, { dryRun: input.dryRun, today: today() });
    },
    'importFrom.history': () => listImports(vault.db),
    'importFrom.undo': ({ id }) => undoImport(vault.db, id, today()),
  };
}
