import { tick } from 'svelte';
import type { Result } from '$contract';

/**
 * The state of the Settings catalog editors (foods, treatments, custom factors, skin conditions):
 * one edit/cancel/save/focus machine instead of four copies. The views keep their own fields and
 * words; this keeps what must behave the same everywhere:
 * - a save is busy while it runs, shows the backend's sentence on failure and changes nothing else;
 * - Edit moves focus into the editor, Cancel, Escape or a saved change move it back to that row's
 *   Edit button (by id, since the row re-renders);
 * - the form's and the list's feedback (one error, one success sentence each) are cleared when the
 *   next action starts, so an old message never sits beside a new one.
 */

/** A form that saves a draft: an "Add …" form, or the editor below. */
export class DraftForm<Draft> {
  draft: Draft = $state() as Draft;
  busy = $state(false);
  error = $state('');
  message = $state('');

  constructor(private readonly blank: () => Draft) {
    this.draft = blank();
  }

  /** Back to an empty draft. */
  reset(): void {
    this.draft = this.blank();
  }

  /** Runs a save: busy while it runs, the error shown on failure (undefined), else the saved value. */
  async save<T>(request: () => Promise<Result<T>>): Promise<T | undefined> {
    this.error = '';
    this.message = '';
    this.busy = true;
    const result = await request();
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return undefined;
    }
    return result.value;
  }
}

export interface CatalogEditorOptions<Item, Draft> {
  blank: () => Draft;
  /** The draft an item is edited from. */
  draftOf: (item: Item) => Draft;
  /** The id of the row's Edit button, where focus returns after an edit. */
  editButtonId: (id: number) => string;
  /** The id of the field that takes focus when an edit starts. */
  firstFieldId: (id: number) => string;
  /** The same form adds and edits (factors, treatments): stopping an edit empties it. */
  sharedForm?: boolean;
}

/** A catalog list with one item at a time being edited, plus the list's own feedback. */
export class CatalogEditor<Item extends { id: number }, Draft> extends DraftForm<Draft> {
  editingId = $state<number | null>(null);
  listError = $state('');
  listMessage = $state('');

  constructor(private readonly options: CatalogEditorOptions<Item, Draft>) {
    super(options.blank);
  }

  isEditing(item: Item): boolean {
    return this.editingId === item.id;
  }

  async edit(item: Item, select = false): Promise<void> {
    this.editingId = item.id;
    this.draft = this.options.draftOf(item);
    this.error = '';
    this.message = '';
    this.listError = '';
    this.listMessage = '';
    await tick();
    const field = document.getElementById(this.options.firstFieldId(item.id));
    field?.focus();
    if (select && field instanceof HTMLInputElement) field.select();
  }

  /** Ends the edit (Cancel, Escape, or saved) and puts focus back on the row's Edit button. */
  async stopEditing(): Promise<void> {
    const id = this.editingId;
    this.editingId = null;
    this.error = '';
    if (this.options.sharedForm) this.reset();
    await tick();
    if (id !== null) document.getElementById(this.options.editButtonId(id))?.focus();
  }

  /**
   * Saves the edited item; on success the list says `saved(value)` and the edit ends.
   * Returns the value (undefined on failure, the form showing why).
   */
  async saveEdit<T>(request: () => Promise<Result<T>>, saved: (value: T) => string): Promise<T | undefined> {
    this.listMessage = '';
    const value = await this.save(request);
    if (value === undefined) return undefined;
    this.listMessage = saved(value);
    await this.stopEditing();
    return value;
  }

  /** An action on a row (archive, hide, stop today): its error or its sentence under the list. */
  async listAction<T>(request: () => Promise<Result<T>>, done: (value: T) => string): Promise<T | undefined> {
    this.listError = '';
    this.listMessage = '';
    const result = await request();
    if (!result.ok) {
      this.listError = result.error.message;
      return undefined;
    }
    this.listMessage = done(result.value);
    return result.value;
  }

  /** Attachment for the editor's form: Escape on any of its controls, while editing, cancels. */
  readonly escapeCancels = (form: HTMLFormElement): (() => void) => {
    const onKeydown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || this.editingId === null) return;
      event.preventDefault();
      void this.stopEditing();
    };
    form.addEventListener('keydown', onKeydown);
    return () => form.removeEventListener('keydown', onKeydown);
  };
}
