import type { ExperimentSummary, FinishedExperiment } from '$contract/experimentsTerms';
import { call } from '../../lib/api';
import { registerForgetOnLock } from '../../lib/session.svelte';

/** Finished experiments (with their results) and running ones, for Insights; forgotten on lock. */
class ExperimentResults {
  finished = $state<FinishedExperiment[]>([]);
  running = $state<ExperimentSummary[]>([]);
  error = $state('');

  async load(): Promise<void> {
    const [results, list] = await Promise.all([call('experiments.results'), call('experiments.list')]);
    if (results.ok) this.finished = results.value;
    if (list.ok) this.running = list.value.filter((e) => e.state === 'running');
    this.error = results.ok ? (list.ok ? '' : list.error.message) : results.error.message;
  }

  forget(): void {
    this.finished = [];
    this.running = [];
    this.error = '';
  }
}

export const experimentResults = new ExperimentResults();
registerForgetOnLock(() => experimentResults.forget());
