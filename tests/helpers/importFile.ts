/** The header every import test file starts from: an export of an empty journal. */
export const EMPTY_EXPORT = {
  format: 'axis-journal-export',
  formatVersion: 1,
  schemaVersion: 1,
  appVersion: 'elsewhere',
  exportedAt: '2026-12-01T00:00:00.000Z',
  settings: {},
  conditions: [],
  foods: [],
  treatments: [],
  customFactors: [],
  days: [],
  meditationSessions: [],
};
