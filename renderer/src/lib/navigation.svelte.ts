import { registerForgetOnLock } from './session.svelte';

export type SectionId = 'today' | 'journal' | 'meditate' | 'photos' | 'learn' | 'settings' | 'security' | 'about';

/** Today's date in the person's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** "Saturday 14 June 2026" */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

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
