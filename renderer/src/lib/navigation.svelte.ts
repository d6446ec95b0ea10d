import { todayIso } from './dates';
import { registerForgetOnLock } from './session.svelte';

export type SectionId = 'today' | 'journal' | 'meditate' | 'photos' | 'learn' | 'settings' | 'security' | 'about';

export { addDaysIso, longDate, todayIso } from './dates';

type LeaveGuard = () => Promise<void>;

/**
 * Which section is shown, and which day the day editor has open. Views that hold unsaved
 * work register a guard that runs (and finishes saving) before the view changes.
 */
class Navigation {
  section = $state<SectionId>('today');
  date = $state<string>(todayIso());
  private guards = new Set<LeaveGuard>();

  async open(section: SectionId, date?: string): Promise<void> {
    await this.beforeLeave();
    if (date) this.date = date;
    this.section = section;
  }

  async setDate(date: string): Promise<void> {
    await this.beforeLeave();
    this.date = date;
  }

  onLeave(guard: LeaveGuard): () => void {
    this.guards.add(guard);
    return () => this.guards.delete(guard);
  }

  async beforeLeave(): Promise<void> {
    for (const guard of this.guards) await guard();
  }

  reset(): void {
    this.section = 'today';
    this.date = todayIso();
  }
}

export const navigation = new Navigation();
registerForgetOnLock(() => navigation.reset());
