import { describe, expect, it } from 'vitest';
import { attribute, HealthScanner } from '../../electron/core/importers/healthScan';

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
<!ATTLIST Record type CDATA #REQUIRED>
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-03-05 09:00:00 +0000"/>
 <!-- a comment with <Record type="HKCategoryTypeIdentifierSleepAnalysis"/> inside -->
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" startDate="2026-03-04 10:00:00 +0000" value="61"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Jo &amp; Sam&apos;s &#x201C;Phone&#8221;" startDate="2026-03-02 10:00:00 +0000" endDate="2026-03-02 10:01:00 +0000" value="120">
  <MetadataEntry key="HKTimeZone" value="Europe/London"/>
 </Record>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" startDate="2026-03-03 07:00:00 +0000" endDate="2026-03-03 07:30:00 +0000"><![CDATA[ <Record type="x"> ]]></Workout>
</HealthData>
`;

function scan(chunks: string[]) {
  const seen: [string, string][] = [];
  const scanner = new HealthScanner(new Set(['HKQuantityTypeIdentifierStepCount']), (name, tag) =>
    seen.push([name, attribute(tag, 'sourceName') ?? attribute(tag, 'workoutActivityType')!]),
  );
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return { seen, records: scanner.records, lastDay: scanner.lastDay };
}

describe('HealthScanner (the fast export.xml reader)', () => {
  it('hands over wanted records and workouts, skips comments, CDATA and other types, decodes entities', () => {
    const whole = scan([DOC]);
    expect(whole).toEqual({
      seen: [
        ['Record', "Jo & Sam's \u201cPhone\u201d"],
        ['Workout', 'HKWorkoutActivityTypeRunning'],
      ],
      records: 3,
      lastDay: '2026-03-04',
    });
    // Chunk boundaries anywhere give the same result.
    for (const size of [1, 2, 3, 7, 64])
      expect(scan(DOC.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!)).toEqual(whole);
  });

  it('refuses a file cut short, another root, and anything after </HealthData>', () => {
    expect(() => scan([DOC.slice(0, DOC.indexOf('</HealthData>'))])).toThrow(/damaged or cut short/);
    expect(() => scan([DOC.slice(0, 300)])).toThrow(/damaged or cut short/);
    expect(() => scan(['<?xml version="1.0"?><rss><channel/></rss>'])).toThrow(/not an Apple Health export/);
    expect(() => scan([`${DOC}<Record type="a"/>`])).toThrow(/more after <\/HealthData>/);
    expect(() => scan(['<?xml version="1.0"?>\n<HealthData><Record value="1"/><Record/></HealthData>'])).toThrow(
      /a Record without a type/,
    );
  });
});
