import { SvelteMap } from 'svelte/reactivity';

/**
 * Fields of the open day that hold something that cannot be saved (a number out of range, a
 * stool type not chosen yet). The day's header shows the first one as "Not saved: …" instead of
 * "Saved", so the page never claims a value is stored while the field shows another.
 */
class InputIssues {
  private readonly issues = new SvelteMap<string, string>();
  /** Goes up each time the day is saved: a field's valid value then becomes what an invalid text falls back to. */
  savedGeneration = $state(0);

  markSaved(): void {
    this.savedGeneration++;
  }

  set(id: string, message: string): void {
    this.issues.set(id, message);
  }

  clear(id: string): void {
    this.issues.delete(id);
  }

  get count(): number {
    return this.issues.size;
  }

  /** The first problem, e.g. "sleep must be 0–24 hours." */
  get first(): { id: string; message: string } | null {
    for (const [id, message] of this.issues) return { id, message };
    return null;
  }
}

export const inputIssues = new InputIssues();
