import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { DownloadFile } from '../../contract/data';
import type { Backend } from '../backend';
import { VAULT_FILES } from '../paths';
import type { Handlers } from '../api/handlerTypes';
import { buildBackup, BACKUP_EXTENSION, restoreBackup, UNSEALED_BACKUP_ADVICE } from './backup';
import { exportJournalCsv } from './exportCsv';
import { exportJournalJson } from './exportJson';
import { applyJournalExport } from './importJson';
import { readJournalExport } from './importRunner';

type DataMethods =
  'data.exportJson' | 'data.exportCsv' | 'data.import' | 'data.backup' | 'data.restore' | 'data.deleteAll';

/** Export, import, backup, restore and delete-everything, for the page (files travel as base64). */
export function dataHandlers(backend: Backend): Pick<Handlers, DataMethods> {
  const { vault } = backend;
  const today = (): string => backend.today();
  const now = (): Date => backend.now();
  const download = (fileName: string, mime: string, bytes: Uint8Array): DownloadFile => ({
    fileName,
    mime,
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  return {
    'data.exportJson': ({ photos }) => {
      const data = exportJournalJson(vault.db, { photos, appVersion: backend.options.version, now: now() });
      return download(
        `axis-journal-${today()}.json`,
        'application/json',
        Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'),
      );
    },
    'data.exportCsv': () => {
      const folder = `axis-journal-csv-${today()}`;
      const files = Object.fromEntries(
        exportJournalCsv(vault.db, today()).map((file) => [`${folder}/${file.name}`, strToU8(file.content)]),
      );
      return download(`${folder}.zip`, 'application/zip', zipSync(files, { level: 6 }));
    },
    'data.import': async ({ content, dryRun }) => {
      // Parsed and checked in a worker with a capped heap: a crafted file cannot freeze or abort
      // the process holding the open journal.
      const file = await readJournalExport({ text: content }, backend.options.jsonImportWorker);
      return applyJournalExport(() => vault.db, file, { dryRun, today: today() });
    },
    'data.backup': () => {
      const { bytes } = buildBackup(vault, backend.options.version, now());
      return download(`axis-journal-${today()}${BACKUP_EXTENSION}`, 'application/octet-stream', bytes);
    },
    'data.restore': async (input) => {
      // Only someone who knows its passphrase (wrong tries count, and wait, like wrong unlocks).
      await vault.confirmPassphrase(input.currentPassphrase);
      const credential = 'passphrase' in input ? { passphrase: input.passphrase } : { recoveryKey: input.recoveryKey };
      // Checked first; only then does the journal lock, and the backup take its place.
      // The backup's passphrase or recovery key is checked under the same limiter as unlocking.
      const { sealed } = await vault.limitAttempts(() =>
        restoreBackup(
          vault.dir,
          Buffer.from(input.dataBase64, 'base64'),
          credential,
          now(),
          () => backend.lock('user'),
          { nativeBinding: backend.options.nativeBinding },
        ),
      );
      // A passphrase remembered on this device must open the journal now in place.
      if ('passphrase' in input) await backend.rememberedPassphrase.replaceIfRemembered(input.passphrase);
      else backend.rememberedPassphrase.forget();
      return sealed ? backend.status() : { ...backend.status(), advice: UNSEALED_BACKUP_ADVICE };
    },
    'data.deleteAll': async ({ currentPassphrase }) => {
      await vault.confirmPassphrase(currentPassphrase);
      backend.lock('user');
      deleteVaultFiles(vault.dir);
      // Nothing of it stays on this computer: not the remembered passphrase, not its settings.
      backend.rememberedPassphrase.forget();
      backend.preferences.reset();
      return backend.status();
    },
  };
}

/** Everything the app keeps in the folder: the journal, its key files and any journal kept aside by a restore. */
function deleteVaultFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const isVaultFile =
      name.startsWith(VAULT_FILES.journal) ||
      name.startsWith(VAULT_FILES.keyFile) ||
      name.startsWith('before-restore-');
    if (isVaultFile && name !== VAULT_FILES.lock) rmSync(join(dir, name), { recursive: true, force: true });
  }
}
