import { describe, expect, it } from 'vitest';
import { cycleDays, healthTime } from '../../electron/core/importers/appleHealth';
import { parseBearable } from '../../electron/core/importers/bearable';
import { matchName, normalizeName } from '../../electron/core/importers/names';
import { dayOrderOf, parseDate, parseNumber } from '../../electron/core/importers/text';
import { destinationGroups } from '../../renderer/src/views/Data/importFromOptions';

describe('reading what other apps write', () => {
  it('dates: ISO, day-first, month-first, month names; impossible dates are null', () => {
    expect(parseDate('2026-03-05T08:00:00.000Z')).toBe('2026-03-05');
    expect(parseDate('05-03-2026')).toBe('2026-03-05');
    expect(parseDate('05/03/2026', 'mdy')).toBe('2026-05-03');
    expect(parseDate('5 March 2026')).toBe('2026-03-05');
    expect(parseDate('Mar 5, 2026')).toBe('2026-03-05');
    expect(parseDate('31-02-2026')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
    const notes: string[] = [];
    expect(dayOrderOf(['03/13/2026', '03/01/2026'], notes)).toBe('mdy');
    expect(dayOrderOf(['13/03/2026'], notes)).toBe('dmy');
    expect(notes).toEqual([]);
    expect(dayOrderOf(['03/04/2026'], notes)).toBe('dmy');
    expect(notes[0]).toMatch(/read day first/);
  });

  it('numbers with decimal commas and thousands separators', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('12 000')).toBe(12000);
    expect(parseNumber('abc')).toBeNull();
  });

  it('names match despite case, plurals and a small spelling difference, but not loosely', () => {
    const foods = ['Banana', 'Yogurt', 'Blueberries', 'Oats', 'Greek yogurt'];
    expect(matchName('bananas', foods)).toBe('Banana');
    expect(matchName('Yoghurt', foods)).toBe('Yogurt');
    expect(matchName('blueberry', foods)).toBe('Blueberries');
    expect(matchName('OATS', foods)).toBe('Oats');
    expect(matchName('Boats', foods)).toBeNull();
    expect(matchName('Tea', ['Pea'])).toBeNull();
    expect(normalizeName('Café  crème!')).toBe('cafe creme');
  });

  it("Bearable's ISO column settles day-first or month-first", () => {
    const csv = [
      'date,date formatted,weekday,time of day,category,rating/amount,detail,notes',
      '2026-04-03T08:00:00.000Z,04/03/2026,Friday,am,Mood,3,,',
    ].join('\n');
    const source = parseBearable(Buffer.from(csv));
    expect([...source.days.keys()]).toEqual(['2026-04-03']);
    expect(source.notes).toEqual([]);
  });

  it('Apple Health times carry their offset; cycle days restart after a gap in flow', () => {
    expect(healthTime('2026-03-01 23:30:00 +0100')).toEqual({ ms: Date.UTC(2026, 2, 1, 22, 30), offset: 60 });
    expect(healthTime('not a time')).toBeNull();
    const days = cycleDays(new Set(['2026-01-01', '2026-01-02', '2026-01-29', '2026-01-30']), '2026-02-02');
    expect(days.get('2026-01-01')).toBe(1);
    expect(days.get('2026-01-28')).toBe(28);
    expect(days.get('2026-01-29')).toBe(1);
    expect(days.get('2026-02-02')).toBe(5);
    expect(days.has('2026-02-03')).toBe(false);
  });

  it('the mapping screen offers only destinations that can take an item', () => {
    const destinations = {
      conditions: ['Eczema'],
      foods: ['Banana'],
      treatments: [],
      factors: [
        { name: 'Energy', kind: 'scale' },
        { name: 'Alcohol', kind: 'yesno' },
      ],
      trackCycle: false,
    };
    const event = destinationGroups(
      { key: 'activity:alcohol', label: 'Alcohol (activity)', kind: 'event', to: { type: 'factor', name: 'Alcohol' } },
      destinations,
    );
    expect(event.map((g) => g.label)).toEqual(['Do not import', 'Foods', 'Treatments', 'Your own factors']);
    expect(event.find((g) => g.label === 'Your own factors')!.options.map((o) => o.label)).toEqual(['Alcohol']);
    expect(event.find((g) => g.label === 'Treatments')!.options.map((o) => o.label)).toEqual([
      'New treatment: Alcohol',
    ]);
    const scale = destinationGroups(
      { key: 'symptom:itch', label: 'Itch (symptom)', kind: 'scale', to: { type: 'condition', name: 'Eczema' } },
      destinations,
    );
    expect(scale.map((g) => g.label)).toEqual([
      'Do not import',
      'Day fields',
      'Skin conditions (severity 0–10)',
      'Your own factors',
    ]);
    expect(scale.find((g) => g.label === 'Day fields')!.options.map((o) => o.label)).not.toContain('Cycle day');
    expect(scale.find((g) => g.label === 'Your own factors')!.options.map((o) => o.label)).toEqual([
      'New 0–10 factor: Itch',
      'Energy',
    ]);
  });
});
