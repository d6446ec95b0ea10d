/**
 * The names of every backend method. Kept free of zod so the sandboxed preload can bundle it
 * without pulling in the schemas; `contract.ts` must define exactly these names.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.activity',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.changePassphrase',
  'vault.newRecoveryKey',
  'vault.rekey',
  'vault.lock',
  'day.get',
  'day.save',
  'day.delete',
  'journal.month',
  'journal.list',
  'journal.search',
  'journal.settings',
  'journal.saveSettings',
  'conditions.list',
  'conditions.save',
  'foods.list',
  'foods.suggest',
  'foods.save',
  'foods.archive',
  'usualMeals.list',
  'usualMeals.save',
  'usualMeals.delete',
  'treatments.list',
  'treatments.save',
  'factors.list',
  'factors.save',
  'photos.add',
  'photos.list',
  'photos.image',
  'photos.delete',
  'meditation.start',
  'meditation.current',
  'meditation.pause',
  'meditation.resume',
  'meditation.end',
  'meditation.finish',
  'meditation.list',
  'meditation.update',
  'meditation.delete',
  'meditation.stats',
  'meditation.settings',
  'meditation.saveSettings',
  'trends.series',
  'insights.run',
  'insights.status',
  'data.exportJson',
  'data.exportCsv',
  'data.import',
  'data.backup',
  'data.restore',
  'data.deleteAll',
  'importFrom.propose',
  'importFrom.run',
  'importFrom.history',
  'importFrom.undo',
  'poem.list',
  'poem.save',
  'poem.delete',
  'poem.status',
  'poem.dismissPrompt',
  'report.data',
  'report.savePdf',
  'preferences.get',
  'preferences.save',
  'preferences.rememberPassphrase',
  'preferences.forgetPassphrase',
  'experiments.choices',
  'experiments.plan',
  'experiments.create',
  'experiments.list',
  'experiments.get',
  'experiments.stop',
  'experiments.pause',
  'experiments.checkIn',
  'experiments.today',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/** IPC channel for one method. */
export function ipcChannel(method: MethodName): string {
  return `axis:${method}`;
}

/** IPC channel on which the desktop shell pushes events (for example an automatic lock). */
export const EVENT_CHANNEL = 'axis:event';
