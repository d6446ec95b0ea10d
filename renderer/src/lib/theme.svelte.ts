export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'axis.theme';

/** Light, dark or follow the system. Not sensitive, so kept in localStorage. */
class Theme {
  choice = $state<ThemeChoice>(readChoice());

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage can be unavailable; the choice still holds for this visit.
    }
    apply(choice);
  }

  init(): void {
    apply(this.choice);
  }
}

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'system') return stored;
  } catch {
    // Fall through to the system theme.
  }
  return 'system';
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export const theme = new Theme();
