import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../electron/contract/app';
import { commandAction, commandOf } from '../../renderer/src/lib/commands';

const TODAY = '2026-06-15';

describe('what each menu command does in the page', () => {
  it('opens the right section, and the follow-up the opened view carries out', () => {
    expect(commandAction('new-entry', TODAY)).toEqual({ section: 'day', date: TODAY, followUp: 'focus-day' });
    expect(commandAction('start-meditation', TODAY)).toEqual({ section: 'meditate', followUp: 'start-session' });
    expect(commandAction('print-report', TODAY)).toEqual({ section: 'report', followUp: 'print' });
    expect(commandAction('export', TODAY)).toEqual({ section: 'data', followUp: 'focus-export' });
    expect(commandAction('settings', TODAY)).toEqual({ section: 'settings' });
    expect(commandAction('about', TODAY)).toEqual({ section: 'data' });
    expect(commandAction('learn', TODAY)).toEqual({ section: 'learn' });
    expect(commandAction('security', TODAY)).toEqual({ section: 'security' });
  });

  it('covers every command the shell can send, and only a new entry changes the day', () => {
    for (const command of APP_COMMANDS) {
      if (command === 'lock') continue; // not a place: the page saves and locks (commands.svelte.ts)
      const action = commandAction(command, TODAY);
      expect(action.section, command).toBeTruthy();
      if (command !== 'new-entry') expect(action.date, command).toBeUndefined();
    }
  });
});

describe('reading a command from a shell event', () => {
  it('accepts every known command', () => {
    for (const command of APP_COMMANDS) expect(commandOf({ type: 'command', command })).toBe(command);
  });

  it('ignores other events and anything malformed', () => {
    for (const event of [
      { type: 'vault-locked', reason: 'user' },
      { type: 'vault-unlocked' },
      { type: 'meditation', running: true },
      { type: 'command', command: 'delete-everything' },
      { type: 'command', command: '__proto__' },
      { type: 'command', command: 'toString' },
      { type: 'command', command: 42 },
      { type: 'command' },
      { command: 'new-entry' },
      null,
      undefined,
      'new-entry',
      ['command', 'new-entry'],
    ]) {
      expect(commandOf(event), JSON.stringify(event)).toBeNull();
    }
  });
});
