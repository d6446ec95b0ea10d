/**
 * The engine's sentence for each test (printed by the CLI, kept in `--json` and in the report):
 * the same words the Insights view uses, from one module, so every place tells the same truth.
 */
export { describeTest } from '../../contract/insightsReading';
