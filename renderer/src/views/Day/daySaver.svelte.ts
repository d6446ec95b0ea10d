import type { ApiError, DayEntry, DayView } from '$contract';
import { call } from '../../lib/api';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const DEBOUNCE_MS = 700;

/**
 * Autosave for the day editor: waits for a pause in typing, saves the latest version, never
 * runs two saves at once, and can be flushed (on blur, navigation, lock or page close).
 */
export class DaySaver {
  state = $state<SaveState>('idle');
  error = $state<ApiError | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: DayEntry | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly onSaved: (view: DayView) => void) {}

  schedule(entry: DayEntry): void {
    this.pending = entry;
    this.state = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Saves now whatever is waiting; resolves when everything typed so far is stored (or failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    const entry = this.pending;
    if (!entry) return;
    this.pending = null;
    this.state = 'saving';
    this.running = (async () => {
      const result = await call('day.save', entry);
      if (result.ok) {
        this.error = null;
        this.state = this.pending ? 'pending' : 'saved';
        this.onSaved(result.value);
      } else {
        this.error = result.error;
        this.state = 'error';
      }
    })();
    await this.running;
    this.running = null;
    if (this.pending) await this.flush();
  }

  reset(): void {
    clearTimeout(this.timer);
    this.pending = null;
    this.state = 'idle';
    this.error = null;
  }
}
