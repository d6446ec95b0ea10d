import type { ApiError, PoemEntry } from '$contract';
import { call } from '../../lib/api';
import { registerForgetOnLock } from '../../lib/session.svelte';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The saved eczema checks, newest first, as the Eczema check view shows and changes them. */
class PoemRecords {
  entries = $state<PoemEntry[]>([]);
  loaded = $state(false);
  loadError = $state('');

  readonly byDate = $derived(new Map(this.entries.map((entry) => [entry.date, entry])));

  async load(): Promise<void> {
    this.loadError = '';
    const result = await call('poem.list');
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.entries = result.value;
    this.loaded = true;
  }

  async save(date: string, answers: number[]): Promise<Outcome<PoemEntry>> {
    const result = await call('poem.save', { date, answers });
    if (result.ok) {
      const saved = result.value;
      this.entries = [...this.entries.filter((entry) => entry.date !== saved.date), saved].sort((a, b) =>
        b.date.localeCompare(a.date),
      );
    }
    return result;
  }

  async remove(date: string): Promise<Outcome<null>> {
    const result = await call('poem.delete', { date });
    if (result.ok) this.entries = this.entries.filter((entry) => entry.date !== date);
    return result;
  }

  forget(): void {
    this.entries = [];
    this.loaded = false;
    this.loadError = '';
  }
}

export const poemRecords = new PoemRecords();
registerForgetOnLock(() => poemRecords.forget());
