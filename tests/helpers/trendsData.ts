import type { DailySeries, TrendsData } from '../../electron/contract/trendsTerms';

/** Every date from `from`, `days` of them. */
export function datesFrom(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

type SeriesInput = Partial<DailySeries> & Pick<DailySeries, 'key' | 'values'>;

/** A series with sensible defaults from its key (skin.severity.* → a 0–10 skin score, food.* → yes/no …). */
export function aSeries(input: SeriesInput): DailySeries {
  const [group] = input.key.split('.') as [string];
  const yesno = /^(food\.(?!plants)|treatment\.|skin\.flare\.)/.test(input.key);
  const defaults: Omit<DailySeries, 'key' | 'values'> = {
    label: input.key,
    kind: yesno ? 'yesno' : 'number',
    group:
      group === 'life'
        ? 'lifestyle'
        : group === 'food'
          ? 'food'
          : group === 'skin'
            ? 'skin'
            : group === 'gut'
              ? 'gut'
              : group === 'treatment'
                ? 'treatment'
                : group === 'servings'
                  ? 'servings'
                  : 'custom',
    role: group === 'skin' ? 'skin' : group === 'gut' ? 'gut' : 'factor',
    unit: yesno ? '' : 'points (0–10)',
  };
  return { ...defaults, ...input };
}

/** A small TrendsData: dates from `from`, the given series (values padded with null to the length). */
export function trendsData(
  from: string,
  days: number,
  series: SeriesInput[],
  extra: Partial<TrendsData> = {},
): TrendsData {
  const dates = datesFrom(from, days);
  return {
    from: dates[0]!,
    to: dates.at(-1)!,
    dates,
    series: series.map((s) =>
      aSeries({ ...s, values: [...s.values, ...new Array<null>(Math.max(0, days - s.values.length)).fill(null)] }),
    ),
    stoolTypeCounts: [0, 0, 0, 0, 0, 0, 0],
    conditions: [],
    daysLogged: days,
    firstLogged: dates[0]!,
    lastLogged: dates.at(-1)!,
    ...extra,
  };
}

/** The demo-like journal: acne and eczema with flares, itch, dairy, stress and meditation. */
export function skinJournal(): TrendsData {
  return trendsData(
    '2026-03-01',
    10,
    [
      { key: 'skin.severity.1', label: 'Acne severity', values: [2, 3, null, 5, 6, 4, 4, null, 3, 2] },
      { key: 'skin.severity.2', label: 'Eczema severity', values: [5, 5, null, 4, 4, 3, 3, null, 2, 2] },
      { key: 'skin.itch', label: 'Itch', values: [1, 2, null, 3, 3, 2, 1, null, 1, 0] },
      { key: 'skin.itch.1', label: 'Acne itch', role: 'none', values: [] },
      { key: 'skin.flare.1', label: 'Acne flare', role: 'none', values: [0, 0, null, 1, 1, 0, 0, null, 0, 0] },
      { key: 'skin.itch.2', label: 'Eczema itch', role: 'none', values: [1, 2, null, 3, 3, 2, 1, null, 1, 0] },
      { key: 'skin.flare.2', label: 'Eczema flare', role: 'none', values: [1, 0, null, 0, 0, 0, 0, null, 0, 0] },
      { key: 'gut.bloating', label: 'Bloating', values: [3, 2, null, 4, 1, 1, 2, null, 0, 1] },
      { key: 'gut.discomfort', label: 'Tummy discomfort', values: [1, 1, null, 2, 1, 0, 0, null, 0, 0] },
      { key: 'food.dairy', label: 'Dairy', values: [0, 1, null, 0, 0, 1, 1, null, 0, 0] },
      { key: 'life.stress', label: 'Stress', values: [7, 6, null, 2, 3, 8, 5, null, 4, 2] },
      { key: 'life.meditation', label: 'Meditation', unit: 'minutes', values: [0, 10, null, 20, 0, 0, 15, null, 0, 5] },
    ],
    {
      daysLogged: 8,
      stoolTypeCounts: [1, 2, 5, 8, 3, 1, 0],
      conditions: [
        { id: 1, name: 'Acne', severityKey: 'skin.severity.1', itchKey: 'skin.itch.1', flareKey: 'skin.flare.1' },
        { id: 2, name: 'Eczema', severityKey: 'skin.severity.2', itchKey: 'skin.itch.2', flareKey: 'skin.flare.2' },
      ],
    },
  );
}
