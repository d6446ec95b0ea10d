// Writes a made-up Apple Health export.xml of about `targetBytes`, streamed to disk, for tests and
// the bench: every night both the phone and the watch record sleep (overlapping, the watch in
// Core/Deep/REM pieces around an Awake gap), plus In-bed records that must not count, and filler
// heart-rate and step records to reach the size. Returns the true asleep hours per morning.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const pad = (n) => String(n).padStart(2, '0');

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:MM:SS +0100" for minute `m` counted from midnight of `date` (may exceed a day). */
function stamp(date, minutes) {
  const day = addDays(date, Math.floor(minutes / 1440));
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${day} ${pad(Math.floor(m / 60))}:${pad(m % 60)}:00 +0100`;
}

function unionMinutes(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = sorted[0];
  for (const [s, e] of sorted.slice(1)) {
    if (s <= end) end = Math.max(end, e);
    else {
      total += end - start;
      [start, end] = [s, e];
    }
  }
  return total + end - start;
}

/**
 * @param {string} path
 * @param {{ nights: number, targetBytes: number, endDate: string }} options
 * @returns {Promise<{ sleepHours: Map<string, number>, bytes: number }>}
 */
export async function writeHealthExport(path, { nights, targetBytes, endDate }) {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const rec = (type, source, start, end, value, unit = '') =>
    `  <Record type="${type}" sourceName="${source}" sourceVersion="17.4" device="&lt;&lt;HKDevice: 0x1&gt;&gt;" ${unit ? `unit="${unit}" ` : ''}creationDate="${end}" startDate="${start}" endDate="${end}" value="${value}">\n   <MetadataEntry key="HKTimeZone" value="Europe/London"/>\n  </Record>\n`;
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED>
]>
<HealthData locale="en_GB">
 <ExportDate value="${endDate} 09:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-01-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
`);
  const sleepHours = new Map();
  const sleep = 'HKCategoryTypeIdentifierSleepAnalysis';
  const fillerPerNight = Math.max(0, Math.floor((targetBytes - 2000) / nights / 330) - 8);
  for (let i = 0; i < nights; i++) {
    const evening = addDays(endDate, -nights + i);
    const a = (i * 7) % 40; // phone: 22:40–23:20 to 06:30–07:20
    const b = (i * 11) % 50;
    const phone = [22 * 60 + 40 + a, 30 * 60 + 30 + b];
    const watch1 = [23 * 60 + (i % 30), 27 * 60];
    const watch2 = [27 * 60 + 10 + (i % 5), 31 * 60 + ((i * 13) % 60)];
    await write(
      rec(sleep, 'Phone', stamp(evening, 22 * 60), stamp(evening, 31 * 60 + 30), 'HKCategoryValueSleepAnalysisInBed'),
    );
    await write(
      rec(
        sleep,
        'Phone',
        stamp(evening, phone[0]),
        stamp(evening, phone[1]),
        'HKCategoryValueSleepAnalysisAsleepUnspecified',
      ),
    );
    await write(
      rec(sleep, 'Watch', stamp(evening, watch1[0]), stamp(evening, 25 * 60), 'HKCategoryValueSleepAnalysisAsleepCore'),
    );
    await write(
      rec(sleep, 'Watch', stamp(evening, 25 * 60), stamp(evening, watch1[1]), 'HKCategoryValueSleepAnalysisAsleepDeep'),
    );
    await write(
      rec(sleep, 'Watch', stamp(evening, 27 * 60), stamp(evening, watch2[0]), 'HKCategoryValueSleepAnalysisAwake'),
    );
    await write(
      rec(
        sleep,
        'Watch',
        stamp(evening, watch2[0]),
        stamp(evening, watch2[1]),
        'HKCategoryValueSleepAnalysisAsleepREM',
      ),
    );
    sleepHours.set(addDays(evening, 1), Math.round((unionMinutes([phone, watch1, watch2]) / 60) * 100) / 100);
    let chunk = '';
    for (let k = 0; k < fillerPerNight; k++) {
      const minute = 8 * 60 + (k % 840);
      chunk +=
        k % 2 === 0
          ? rec(
              'HKQuantityTypeIdentifierHeartRate',
              'Watch',
              stamp(addDays(evening, 1), minute),
              stamp(addDays(evening, 1), minute),
              String(60 + (k % 40)),
              'count/min',
            )
          : rec(
              'HKQuantityTypeIdentifierStepCount',
              k % 4 === 1 ? 'Phone' : 'Watch',
              stamp(addDays(evening, 1), minute),
              stamp(addDays(evening, 1), minute + 1),
              String(10 + (k % 90)),
              'count',
            );
      if (chunk.length > 256 * 1024) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
  }
  await write('</HealthData>\n');
  out.end();
  await once(out, 'finish');
  return { sleepHours, bytes };
}
