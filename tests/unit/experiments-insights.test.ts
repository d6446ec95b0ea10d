import { describe, expect, it } from 'vitest';
import type { ExperimentPlan } from '../../electron/contract/experimentsTerms';
import {
  experimentsTesting,
  intervalWords,
  resultSentence,
} from '../../renderer/src/views/Experiments/experimentResults';

const plan = (factorKey: string, outcomeKey: string, backdated = false) =>
  ({ factorKey, outcomeKey, backdated }) as ExperimentPlan;

describe('experiments in Insights', () => {
  it('finds the experiments that tested a finding, whichever form of the food the finding used', () => {
    const experiments = [
      { id: 1, plan: plan('food.dairy', 'skin.severity.1') },
      { id: 2, plan: plan('food.dairy', 'skin.severity.2') },
      { id: 3, plan: plan('life.stress', 'skin.severity.1') },
    ];
    expect(experimentsTesting(experiments, [{ factor: 'servings.dairy', outcome: 'skin.severity.1' }])).toEqual([
      experiments[0],
    ]);
    expect(experimentsTesting(experiments, [{ factor: 'food.gluten', outcome: 'skin.severity.1' }])).toEqual([]);
  });

  it('states the result, not the "planned after the fact" warning before it', () => {
    expect(resultSentence({ plan: plan('a', 'b'), sentences: ['In your experiment …', 'Good evidence.'] })).toBe(
      'In your experiment …',
    );
    expect(
      resultSentence({ plan: plan('a', 'b', true), sentences: ['Planned after the fact: …', 'In your experiment …'] }),
    ).toBe('In your experiment …');
    expect(intervalWords(null)).toBeNull();
  });
});
