import { todayIso } from './dates';
import { registerForgetOnLock } from './session.svelte';

export type SectionId =
  | 'day'
  | 'journal'
  | 'poem'
  | 'trends'
  | 'insights'
  | 'report'
  | 'meditate'
  | 'experiments'
  | 'photos'
  | 'learn'
  | 'settings'
  | 'security'
  | 'data';

/** What the trends view should show when an insight opens it: a factor over an outcome, shifted by the lag. */
export interface TrendsFocus {
  factor: string;
  outcome: string;
  lag: number;
}

/** What the experiment planner should start from when an insight's "Test this" opens it. */
export interface ExperimentFocus {
  factor: string;
  outcome: string;
  lag: number;
  sentence: string;
  /** The finding's difference (outcome units): the change worth looking for. */
  change: number | null;
}

export { addDaysIso, longDate, todayIso } from './dates';

type LeaveGuard = () => Promise<void>;

/**
 * Which section is shown, and which day the day editor has open. Views that hold unsaved
 * work register a guard that runs (and finishes saving) before the view changes.
 */
class Navigation {
  section = $state<SectionId>('day');
  date = $state<string>(todayIso());
  /** True until the person picks another day: the Day view then opens on the calendar's today. */
  followsToday = true;
  /** Set by `showLink`, read (and cleared) by the trends view. */
  trendsFocus = $state<TrendsFocus | null>(null);
  /** Set by `planExperiment`, read (and cleared) by the experiments view. */
  experimentFocus = $state<ExperimentFocus | null>(null);
  private guards = new Set<LeaveGuard>();

  async open(section: SectionId, date?: string): Promise<void> {
    await this.beforeLeave();
    if (date) {
      this.date = date;
      this.followsToday = date === todayIso();
    }
    this.section = section;
  }

  /** Opens the trends view with a factor overlaid on an outcome, shifted by the lag. */
  async showLink(focus: TrendsFocus): Promise<void> {
    await this.beforeLeave();
    this.trendsFocus = focus;
    this.section = 'trends';
  }

  /** Opens the experiment planner on a finding's factor and outcome. */
  async planExperiment(focus: ExperimentFocus): Promise<void> {
    await this.beforeLeave();
    this.experimentFocus = focus;
    this.section = 'experiments';
  }

  async setDate(date: string): Promise<void> {
    await this.beforeLeave();
    this.date = date;
    this.followsToday = date === todayIso();
  }

  onLeave(guard: LeaveGuard): () => void {
    this.guards.add(guard);
    return () => this.guards.delete(guard);
  }

  async beforeLeave(): Promise<void> {
    for (const guard of this.guards) await guard();
  }

  reset(): void {
    this.section = 'day';
    this.date = todayIso();
    this.followsToday = true;
    this.trendsFocus = null;
    this.experimentFocus = null;
  }
}

export const navigation = new Navigation();
registerForgetOnLock(() => navigation.reset());
