import { COPY_PARTS, type CopyPart } from './fromYesterday';

const COLLAPSED_KEY = 'axis.day.collapsed';
const COPY_KEY = 'axis.day.copyParts';

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be unavailable; the choice still holds for this visit.
  }
}

/**
 * How the person likes the Day view laid out: which sections are folded away and which parts
 * "Start from yesterday" copies. Not journal data (no health values), so kept in localStorage
 * like the theme.
 */
class DayLayout {
  collapsed = $state<string[]>(
    Array.isArray(read(COLLAPSED_KEY)) ? (read(COLLAPSED_KEY) as string[]).filter((s) => typeof s === 'string') : [],
  );
  copyParts = $state<CopyPart[]>(
    Array.isArray(read(COPY_KEY))
      ? (read(COPY_KEY) as string[]).filter((p): p is CopyPart => (COPY_PARTS as readonly string[]).includes(p))
      : [...COPY_PARTS],
  );

  isOpen(id: string): boolean {
    return !this.collapsed.includes(id);
  }

  toggle(id: string): void {
    this.collapsed = this.isOpen(id) ? [...this.collapsed, id] : this.collapsed.filter((s) => s !== id);
    write(COLLAPSED_KEY, this.collapsed);
  }

  open(id: string): void {
    if (!this.isOpen(id)) this.toggle(id);
  }

  setCopyParts(parts: CopyPart[]): void {
    this.copyParts = parts;
    write(COPY_KEY, parts);
  }
}

export const dayLayout = new DayLayout();
