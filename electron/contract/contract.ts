import { z } from 'zod';
import type { MethodName } from './methods';
import type { AppInfo } from './app';
import { vaultSchemas, type CreatedVault, type NewRecoveryKey, type VaultStatus } from './vault';
import {
  dayEntryInput,
  journalSchemas,
  type CalendarDay,
  type Condition,
  type CustomFactor,
  type DaySummary,
  type DayView,
  type Food,
  type JournalSettings,
  type SearchHit,
  type Treatment,
  type UsualMeal,
} from './journal';
import { photoSchemas, type PhotoImage, type PhotoMeta } from './photos';
import {
  meditationSchemas,
  type ActiveSession,
  type MeditationSession,
  type MeditationSettings,
  type MeditationStats,
} from './meditation';
import { insightsSchemas, type InsightsStatus } from './insights';
import { trendsSchemas, type TrendsData } from './trends';
import { dataSchemas, type DownloadFile, type RestoreOutcome } from './data';
import type { ImportSummary } from './dataExport';
import {
  importFromSchemas,
  type ImportFromSummary,
  type ImportProposal,
  type ImportReadStatus,
  type ImportRecord,
  type UndoSummary,
} from './importFrom';
import { poemSchemas, type PoemEntry, type PoemStatus } from './poem';
import { reportSchemas, type ReportData, type SavedPdf } from './report';
import { preferencesSchemas, type PreferencesView } from './preferences';
import {
  experimentSchemas,
  type ExperimentChoices,
  type ExperimentDetail,
  type ExperimentReminderStatus,
  type ExperimentSummary,
  type FinishedExperiment,
  type PlanPreview,
  type TodayAssignment,
} from './experiments';

/**
 * A method: the zod schema its input must pass, whether it needs the journal open, and (as a type
 * only) what it returns.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /**
   * While the journal is locked (or not made yet) the dispatcher answers VAULT_LOCKED before the
   * handler runs. False only for the methods that make, open or describe the journal.
   */
  needsOpenJournal: boolean;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

/** `method<Output>()(schema)` needs the journal open; `method<Output>(WITHOUT_JOURNAL)(schema)` does not. */
function method<O>(options: { needsOpenJournal: boolean } = { needsOpenJournal: true }) {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, needsOpenJournal: options.needsOpenJournal });
}

/** For the methods that work on a locked journal: they make, open, lock or describe it. */
const WITHOUT_JOURNAL = { needsOpenJournal: false };

/** Methods that take nothing accept `undefined` or `{}` and nothing else. */
const none = z.object({}).strict().optional();

export const contract = {
  'app.info': method<AppInfo>(WITHOUT_JOURNAL)(none),
  'app.activity': method<null>(WITHOUT_JOURNAL)(none),
  'vault.status': method<VaultStatus>(WITHOUT_JOURNAL)(none),
  'vault.create': method<CreatedVault>(WITHOUT_JOURNAL)(vaultSchemas.create),
  'vault.unlock': method<VaultStatus>(WITHOUT_JOURNAL)(vaultSchemas.unlock),
  'vault.recover': method<VaultStatus>(WITHOUT_JOURNAL)(vaultSchemas.recover),
  'vault.changePassphrase': method<null>()(vaultSchemas.changePassphrase),
  'vault.newRecoveryKey': method<NewRecoveryKey>()(vaultSchemas.newRecoveryKey),
  'vault.rekey': method<NewRecoveryKey>()(vaultSchemas.rekey),
  'vault.lock': method<VaultStatus>(WITHOUT_JOURNAL)(none),
  'day.get': method<DayView>()(journalSchemas.date),
  'day.save': method<DayView>()(dayEntryInput),
  'day.delete': method<null>()(journalSchemas.date),
  'journal.month': method<CalendarDay[]>()(journalSchemas.month),
  'journal.list': method<DaySummary[]>()(journalSchemas.list),
  'journal.search': method<SearchHit[]>()(journalSchemas.search),
  'journal.settings': method<JournalSettings>()(none),
  'journal.saveSettings': method<JournalSettings>()(journalSchemas.settings),
  'conditions.list': method<Condition[]>()(none),
  'conditions.save': method<Condition[]>()(journalSchemas.saveCondition),
  'foods.list': method<Food[]>()(none),
  'foods.suggest': method<Food[]>()(journalSchemas.suggestFoods),
  'foods.save': method<Food>()(journalSchemas.saveFood),
  'foods.archive': method<Food>()(journalSchemas.archive),
  'usualMeals.list': method<UsualMeal[]>()(none),
  'usualMeals.save': method<UsualMeal[]>()(journalSchemas.saveUsualMeal),
  'usualMeals.delete': method<UsualMeal[]>()(journalSchemas.deleteUsualMeal),
  'treatments.list': method<Treatment[]>()(none),
  'treatments.save': method<Treatment[]>()(journalSchemas.saveTreatment),
  'factors.list': method<CustomFactor[]>()(none),
  'factors.save': method<CustomFactor[]>()(journalSchemas.saveFactor),
  'photos.add': method<PhotoMeta>()(photoSchemas.add),
  'photos.list': method<PhotoMeta[]>()(photoSchemas.list),
  'photos.image': method<PhotoImage>()(photoSchemas.image),
  'photos.delete': method<null>()(photoSchemas.remove),
  'meditation.start': method<ActiveSession>()(meditationSchemas.start),
  'meditation.current': method<ActiveSession | null>()(none),
  'meditation.pause': method<ActiveSession>()(none),
  'meditation.resume': method<ActiveSession>()(none),
  'meditation.end': method<ActiveSession>()(none),
  'meditation.finish': method<MeditationSession | null>()(meditationSchemas.finish),
  'meditation.list': method<MeditationSession[]>()(meditationSchemas.list),
  'meditation.update': method<MeditationSession>()(meditationSchemas.update),
  'meditation.delete': method<null>()(meditationSchemas.remove),
  'meditation.stats': method<MeditationStats>()(none),
  'meditation.settings': method<MeditationSettings>()(none),
  'meditation.saveSettings': method<MeditationSettings>()(meditationSchemas.saveSettings),
  'trends.series': method<TrendsData>()(trendsSchemas.range),
  'insights.run': method<InsightsStatus>()(insightsSchemas.run),
  'insights.status': method<InsightsStatus>()(none),
  'data.exportJson': method<DownloadFile>()(dataSchemas.exportJson),
  'data.exportCsv': method<DownloadFile>()(none),
  'data.import': method<ImportSummary>()(dataSchemas.import),
  'data.backup': method<DownloadFile>()(none),
  'data.restore': method<RestoreOutcome>()(dataSchemas.restore),
  'data.deleteAll': method<VaultStatus>()(dataSchemas.deleteAll),
  'importFrom.propose': method<ImportProposal>()(importFromSchemas.propose),
  'importFrom.run': method<ImportFromSummary>()(importFromSchemas.run),
  'importFrom.history': method<ImportRecord[]>()(none),
  'importFrom.undo': method<UndoSummary>()(importFromSchemas.undo),
  'importFrom.chooseFile': method<ImportReadStatus | null>()(importFromSchemas.chooseFile),
  'importFrom.startUpload': method<ImportReadStatus>()(importFromSchemas.startUpload),
  'importFrom.readStatus': method<ImportReadStatus>()(importFromSchemas.readStatus),
  'importFrom.cancelRead': method<ImportReadStatus>()(importFromSchemas.cancelRead),
  'poem.list': method<PoemEntry[]>()(none),
  'poem.save': method<PoemEntry>()(poemSchemas.save),
  'poem.delete': method<null>()(poemSchemas.date),
  'poem.status': method<PoemStatus>()(none),
  'poem.dismissPrompt': method<PoemStatus>()(none),
  'report.data': method<ReportData>()(reportSchemas.data),
  'report.savePdf': method<SavedPdf>()(reportSchemas.savePdf),
  'preferences.get': method<PreferencesView>()(none),
  'preferences.save': method<PreferencesView>()(preferencesSchemas.save),
  'preferences.rememberPassphrase': method<PreferencesView>()(preferencesSchemas.remember),
  'preferences.forgetPassphrase': method<PreferencesView>()(none),
  'experiments.choices': method<ExperimentChoices>()(none),
  'experiments.plan': method<PlanPreview>()(experimentSchemas.plan),
  'experiments.create': method<ExperimentDetail>()(experimentSchemas.create),
  'experiments.list': method<ExperimentSummary[]>()(none),
  'experiments.get': method<ExperimentDetail>()(experimentSchemas.get),
  'experiments.stop': method<ExperimentDetail>()(experimentSchemas.stop),
  'experiments.pause': method<ExperimentDetail>()(experimentSchemas.pause),
  'experiments.checkIn': method<TodayAssignment>()(experimentSchemas.checkIn),
  'experiments.today': method<TodayAssignment[]>()(experimentSchemas.today),
  'experiments.results': method<FinishedExperiment[]>()(none),
  'experiments.reminder': method<ExperimentReminderStatus>()(none),
  'experiments.setReminder': method<ExperimentReminderStatus>()(experimentSchemas.setReminder),
} satisfies { [K in MethodName]: MethodSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What a caller passes (before validation and normalisation). */
export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (after validation and normalisation). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = Exclude<Contract[K]['output'], undefined>;
