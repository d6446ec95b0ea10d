import { describe, expect, it } from 'vitest';
import { chosenTopic, nextTabIndex } from '../../renderer/src/views/Insights/topics';

describe('insights view: condition chips', () => {
  it('moves with the arrow keys (wrapping round), Home and End, and ignores other keys', () => {
    expect(nextTabIndex('ArrowRight', 0, 4)).toBe(1);
    expect(nextTabIndex('ArrowRight', 3, 4)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 4)).toBe(3);
    expect(nextTabIndex('ArrowDown', 1, 4)).toBe(2);
    expect(nextTabIndex('ArrowUp', 1, 4)).toBe(0);
    expect(nextTabIndex('Home', 2, 4)).toBe(0);
    expect(nextTabIndex('End', 0, 4)).toBe(3);
    expect(nextTabIndex('Enter', 0, 4)).toBeNull();
    expect(nextTabIndex('ArrowRight', 0, 0)).toBeNull();
  });

  it('keeps the chip chosen before while it exists, else shows the first condition', () => {
    const topics = [{ key: 'skin.severity.1' }, { key: 'skin.severity.2' }, { key: 'gut' }];
    expect(chosenTopic(topics, 'gut')).toBe('gut');
    expect(chosenTopic(topics, 'skin.severity.7')).toBe('skin.severity.1');
    expect(chosenTopic(topics, '')).toBe('skin.severity.1');
    expect(chosenTopic([], 'gut')).toBe('');
  });
});
