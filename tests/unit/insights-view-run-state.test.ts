import { describe, expect, it } from 'vitest';
import type { InsightsResult, InsightsStatus } from '../../electron/contract/insightsTerms';
import { aTest } from '../helpers/insightTest';
import { basisLine, doneAnnouncement, headline, isRunning, phaseOf } from '../../renderer/src/views/Insights/runState';

function aResult(overrides: Partial<InsightsResult> = {}): InsightsResult {
  return {
    generatedAt: '2026-06-01T10:00:00.000Z',
    from: '2026-01-01',
    to: '2026-06-01',
    daysLogged: 150,
    maxLag: 7,
    shifts: 140,
    testsRun: 1440,
    pairsTested: 180,
    daysNeeded: null,
    findings: [aTest()],
    explained: [],
    sharedTrends: [],
    candidates: [],
    beforeAfter: [],
    tests: [aTest()],
    ...overrides,
  };
}

function aStatus(overrides: Partial<InsightsStatus> = {}): InsightsStatus {
  return {
    state: 'done',
    progress: { done: 10, total: 10 },
    result: aResult(),
    stale: false,
    error: null,
    maxLag: 7,
    ...overrides,
  };
}

const waitingResult = aResult({ testsRun: 0, daysNeeded: 18, findings: [], daysLogged: 10 });

describe('insights view: what to show', () => {
  it('starts blank, then shows progress until the first result', () => {
    expect(phaseOf(null)).toBe('starting');
    expect(phaseOf(aStatus({ state: 'running', result: null }))).toBe('first-run');
    expect(phaseOf(aStatus({ state: 'idle', result: null }))).toBe('first-run');
    expect(phaseOf(aStatus({ state: 'failed', result: null, error: 'It broke.' }))).toBe('failed');
  });

  it('shows a result, even an earlier one while a new run is on or after one failed', () => {
    expect(phaseOf(aStatus())).toBe('results');
    expect(phaseOf(aStatus({ state: 'running' }))).toBe('results');
    expect(phaseOf(aStatus({ state: 'failed', error: 'It broke.' }))).toBe('results');
    expect(isRunning(aStatus({ state: 'running' }))).toBe(true);
    expect(isRunning(null)).toBe(false);
  });

  it('never shows a run without tests as results: it waits for data, or has nothing to compare', () => {
    expect(phaseOf(aStatus({ result: waitingResult }))).toBe('waiting-for-data');
    expect(phaseOf(aStatus({ result: aResult({ testsRun: 0, daysNeeded: null, findings: [], tests: [] }) }))).toBe(
      'nothing-to-test',
    );
  });
});

describe('insights view: words about a run', () => {
  it('announces the end of a run, counting patterns as the cards show them', () => {
    expect(doneAnnouncement(aResult())).toBe('Insights are ready: 1 pattern found in 1,440 comparisons.');
    expect(doneAnnouncement(aResult({ findings: [], tests: [aTest({ status: 'no-finding', p: 0.4, q: 0.9 })] }))).toBe(
      'Insights are ready: no clear pattern in 1,440 comparisons.',
    );
    expect(doneAnnouncement(waitingResult)).toBe('Not enough days logged yet: at least 18 more days needed.');
    expect(doneAnnouncement(aResult({ testsRun: 0, findings: [] }))).toBe('There was nothing to compare yet.');
  });

  it('sums up the patterns per condition, a factor’s forms as one and explained links under others', () => {
    const tests = [
      aTest(),
      aTest({ factor: 'servings.dairy', factorLabel: 'Dairy (servings)', factorKind: 'number' }),
      aTest({ factor: 'food.gluten', factorLabel: 'Gluten', status: 'explained', explainedBy: 'food.dairy' }),
      aTest({
        factor: 'life.stress',
        factorLabel: 'Stress',
        factorKind: 'number',
        outcome: 'skin.severity.3',
        outcomeLabel: 'Rosacea severity',
      }),
      aTest({
        direction: 'skin-to-gut',
        factor: 'skin.severity.1',
        factorLabel: 'Acne severity',
        factorKind: 'number',
        outcome: 'gut.bloating',
        outcomeLabel: 'Bloating',
      }),
    ];
    expect(headline(aResult({ tests }))).toBe(
      '3 patterns stood out from chance: 1 for acne, 1 for rosacea and 1 for your gut.',
    );
    expect(headline(aResult())).toBe('1 pattern stood out from chance: 1 for acne.');
    expect(headline(aResult({ findings: [], tests: [] }))).toBe(
      'No pattern stood out clearly from chance in 1,440 comparisons.',
    );
    expect(headline(waitingResult)).toBe('');
  });

  it('says what the result is based on', () => {
    const date = (iso: string): string => `<${iso}>`;
    expect(basisLine(aResult(), date)).toBe(
      'Based on 150 logged days from <2026-01-01> to <2026-06-01>, with 1,440 comparisons from the same day up to 7 days later.',
    );
    expect(basisLine(aResult({ maxLag: 0, testsRun: 1 }), date)).toContain('with 1 comparison on the same day only.');
    expect(basisLine(waitingResult, date)).toBe('Based on 10 logged days from <2026-01-01> to <2026-06-01>.');
    expect(basisLine(aResult({ daysLogged: 1, from: '2026-06-01', to: '2026-06-01', testsRun: 0 }), date)).toBe(
      'Based on 1 logged day on <2026-06-01>.',
    );
    expect(basisLine(aResult({ daysLogged: 0, from: null, to: null, testsRun: 0 }), date)).toBe(
      'Based on 0 logged days.',
    );
  });
});
