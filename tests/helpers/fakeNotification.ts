/**
 * Electron's Notification for tests that mock `electron` (the only mock the suite allows): each
 * notification shown is recorded in `shown`, with its click handler and whether it was closed.
 * Use it from a `vi.mock('electron', …)` factory through a dynamic import.
 */
export interface ShownNotification {
  title: string;
  body: string;
  click: () => void;
  closed: boolean;
}

export const shown: ShownNotification[] = [];

export class FakeNotification {
  private readonly record: ShownNotification;
  constructor(options: { title: string; body: string }) {
    this.record = { ...options, click: () => {}, closed: false };
  }
  on(event: string, listener: () => void): void {
    if (event === 'click') this.record.click = listener;
  }
  show(): void {
    shown.push(this.record);
  }
  close(): void {
    this.record.closed = true;
  }
}
