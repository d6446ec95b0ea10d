import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../electron/contract/dataExport';
import { confirmsDeletion, DELETE_CONFIRMATION } from '../../electron/contract/dataTerms';
import { countOf, describeImport, listOf } from '../../renderer/src/views/Data/importWords';

function summary(parts: Partial<{ [K in keyof ImportSummary]: Partial<ImportSummary[K]> }> = {}): ImportSummary {
  return {
    days: { added: 0, replaced: 0, ...parts.days },
    meditationSessions: { added: 0, alreadyThere: 0, ...parts.meditationSessions },
    photos: { added: 0, alreadyThere: 0, ...parts.photos },
    poem: { added: 0, replaced: 0, ...parts.poem },
    usualMeals: { added: 0, replaced: 0, ...parts.usualMeals },
    conditions: { added: 0, ...parts.conditions },
    foods: { added: 0, ...parts.foods },
    treatments: { added: 0, ...parts.treatments },
    customFactors: { added: 0, ...parts.customFactors },
    settings: { replaced: 0, ...parts.settings },
  };
}

describe('counts and lists', () => {
  it('counts with the right form of the noun and thousands separators', () => {
    expect(countOf(1, ['day', 'days'])).toBe('1 day');
    expect(countOf(0, ['day', 'days'])).toBe('0 days');
    expect(countOf(2, ['day', 'days'])).toBe('2 days');
    expect(countOf(12_400, ['day', 'days'])).toBe('12,400 days');
  });

  it('joins lists with commas and a final "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('what an import will do, in words', () => {
  it('adds and replaces days', () => {
    const words = describeImport(summary({ days: { added: 120, replaced: 3 } }), 'plan');
    expect(words.headline).toBe('This will add 120 days and replace 3 days with the versions in the file.');
    expect(words.changesSomething).toBe(true);
    expect(words.unchanged).toBe('');
    expect(words.warning).toBe(
      '3 days you already logged here will be overwritten completely by the file’s versions of those dates.',
    );
  });

  it('names every kind of record, in singular', () => {
    const one = summary({
      days: { added: 1, replaced: 1 },
      meditationSessions: { added: 1, alreadyThere: 1 },
      photos: { added: 1 },
      poem: { added: 1, replaced: 1 },
      conditions: { added: 1 },
      foods: { added: 1 },
      treatments: { added: 1 },
      customFactors: { added: 1 },
      settings: { replaced: 1 },
    });
    const words = describeImport(one, 'plan');
    expect(words.headline).toBe(
      'This will add 1 day, 1 meditation session, 1 photo, 1 weekly eczema check, 1 skin condition, 1 food, 1 treatment and 1 custom factor, ' +
        'and replace 1 day, 1 weekly eczema check and 1 setting with the versions in the file.',
    );
    expect(words.unchanged).toBe('1 meditation session is already in your journal and will be left as it is.');
    expect(words.warning).toBe(
      '1 day you already logged here will be overwritten completely by the file’s version of that date.',
    );
  });

  it('names every kind of record, in plural', () => {
    const many = summary({
      days: { added: 365, replaced: 2 },
      meditationSessions: { added: 40, alreadyThere: 3 },
      photos: { added: 12, alreadyThere: 2 },
      poem: { added: 30, replaced: 4 },
      conditions: { added: 2 },
      foods: { added: 1_500 },
      treatments: { added: 3 },
      customFactors: { added: 5 },
      settings: { replaced: 6 },
    });
    const words = describeImport(many, 'plan');
    expect(words.headline).toBe(
      'This will add 365 days, 40 meditation sessions, 12 photos, 30 weekly eczema checks, 2 skin conditions, 1,500 foods, 3 treatments and 5 custom factors, ' +
        'and replace 2 days, 4 weekly eczema checks and 6 settings with the versions in the file.',
    );
    expect(words.unchanged).toBe(
      '3 meditation sessions and 2 photos are already in your journal and will be left as they are.',
    );
  });

  it('only adds, or only replaces', () => {
    expect(describeImport(summary({ days: { added: 2 }, foods: { added: 1 } }), 'plan').headline).toBe(
      'This will add 2 days and 1 food.',
    );
    const replaceOnly = describeImport(summary({ settings: { replaced: 2 } }), 'plan');
    expect(replaceOnly.headline).toBe('This will replace 2 settings with the versions in the file.');
    expect(replaceOnly.warning).toBe('');
  });

  it('says so when there is nothing to do', () => {
    const nothing = describeImport(summary(), 'plan');
    expect(nothing.changesSomething).toBe(false);
    expect(nothing.headline).toBe('This file holds nothing new for your journal: importing it would change nothing.');
    expect(nothing.unchanged).toBe('');
    expect(nothing.warning).toBe('');
    expect(describeImport(summary(), 'done').headline).toBe(
      'Nothing was changed: the file held nothing new for your journal.',
    );
  });

  it('says what is already there even when nothing is new', () => {
    const words = describeImport(summary({ photos: { alreadyThere: 4 } }), 'plan');
    expect(words.changesSomething).toBe(false);
    expect(words.unchanged).toBe('4 photos are already in your journal and will be left as they are.');
  });

  it('tells what was done afterwards, without a warning', () => {
    const done = describeImport(summary({ days: { added: 120, replaced: 3 }, photos: { alreadyThere: 1 } }), 'done');
    expect(done.headline).toBe('Imported: added 120 days and replaced 3 days with the versions in the file.');
    expect(done.unchanged).toBe('1 photo was already in your journal and was left as it was.');
    expect(done.warning).toBe('');
    const more = describeImport(
      summary({ meditationSessions: { alreadyThere: 2 }, photos: { alreadyThere: 1 } }),
      'done',
    );
    expect(more.unchanged).toBe(
      '2 meditation sessions and 1 photo were already in your journal and were left as they were.',
    );
  });
});

describe('the words that confirm deleting everything', () => {
  it('match exactly, ignoring case and spaces around them', () => {
    expect(DELETE_CONFIRMATION).toBe('delete my journal');
    expect(confirmsDeletion('delete my journal')).toBe(true);
    expect(confirmsDeletion('  Delete My Journal ')).toBe(true);
    expect(confirmsDeletion('delete my')).toBe(false);
    expect(confirmsDeletion('delete  my journal')).toBe(false);
    expect(confirmsDeletion('')).toBe(false);
  });
});
