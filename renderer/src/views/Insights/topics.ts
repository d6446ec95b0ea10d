import type { InsightTopic } from '$contract/insightsReading';

/**
 * The Insights view's condition chips, as pure functions: which chip is chosen and where the
 * arrow keys go. The reading of the result itself (topics, cards, sentences) lives in
 * electron/contract/insightsReading.ts, shared with the engine's sentences and the report.
 */

/** Where a key moves in a tab list (wrapping round), or null when the key is not one of the tab list's. */
export function nextTabIndex(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The chip to show: the one chosen before when it still exists, otherwise the first condition. */
export function chosenTopic(topics: readonly Pick<InsightTopic, 'key'>[], remembered: string): string {
  if (topics.some((topic) => topic.key === remembered)) return remembered;
  return topics[0]?.key ?? '';
}
