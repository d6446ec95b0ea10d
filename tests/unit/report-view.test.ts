import { describe, expect, it } from 'vitest';
import {
  REPORT_PERIOD_DAYS_FOR_LINKS,
  REPORT_SECTION_KEYS,
  type ReportData,
} from '../../electron/contract/reportTerms';
import { chartKey, poemChart, severityChart, servingsChart, stoolChart } from '../../renderer/src/views/Report/charts';
import {
  ageOn,
  changeWords,
  paperDate,
  paperPeriod,
  qPhrase,
  qText,
  signed,
  thirdPerson,
  trendWords,
} from '../../renderer/src/views/Report/format';
import { defaultForm, defaultPaper, formProblems, toRequest } from '../../renderer/src/views/Report/options';
import { cssString, pageCss } from '../../renderer/src/views/Report/pageStyle';
import {
  clipNote,
  lifestyleFacts,
  noTriggersWords,
  poemLine,
  servingsLine,
  shortFinding,
  stressLine,
  triggersSpan,
  visitNotes,
} from '../../renderer/src/views/Report/summaryText';
import {
  chunkRows,
  conditionsSummaryTable,
  poemTable,
  servingsTable,
  treatmentsTable,
} from '../../renderer/src/views/Report/tables';

const servings = (a: number | null) => ({ fibre_rich: a, prebiotic: a, fermented: a, ultra_processed: a });

/** A small report: two weeks, one condition, two POEM checks, one treatment, one finding. */
function sampleReport(): ReportData {
  return {
    generatedOn: '2026-06-15',
    from: '2026-06-02',
    to: '2026-06-15',
    days: 14,
    daysLogged: 12,
    sections: [...REPORT_SECTION_KEYS],
    patient: { name: 'Alex "Al" Smith', dateOfBirth: '1990-06-16' },
    bucket: 'week',
    periods: [
      { start: '2026-06-02', end: '2026-06-07', days: 6 },
      { start: '2026-06-08', end: '2026-06-14', days: 7 },
      { start: '2026-06-15', end: '2026-06-15', days: 1 },
    ],
    conditions: [
      {
        id: 2,
        name: 'Eczema',
        scoredDays: 12,
        average: 4.25,
        lowest: 2,
        highest: 7,
        latest: { date: '2026-06-15', value: 3 },
        last7Average: 3.5,
        trend: { direction: 'better', change: -1.24, early: 5, late: 3.76, windowDays: 7 },
        averageByPeriod: [5, 3.8, null],
        scoredByPeriod: [5, 7, 0],
        flareDaysByPeriod: [2, 0, 0],
        flares: {
          episodes: [{ start: '2026-06-03', end: '2026-06-04', days: 2 }],
          flareDays: 2,
          shortestDays: 2,
          medianDays: 2,
          longestDays: 2,
        },
      },
    ],
    itch: {
      itchDays: 12,
      averageItch: 3,
      sleepDays: 12,
      averageSleepLost: 1,
      nightsWithSleepLost: 4,
      itchByPeriod: [4, 2, null],
      sleepLostByPeriod: [2, 0.5, null],
      nightsLostByPeriod: [3, 1, 0],
    },
    poem: {
      relevant: true,
      entries: [
        { date: '2026-06-07', total: 19, band: 'severe', answers: [4, 4, 2, 2, 3, 2, 2] },
        { date: '2026-06-14', total: 11, band: 'moderate', answers: [2, 2, 0, 1, 2, 2, 2] },
      ],
      latest: { date: '2026-06-14', total: 11, band: 'moderate', answers: [2, 2, 0, 1, 2, 2, 2] },
      change: -8,
    },
    treatments: [
      {
        id: 1,
        name: 'Emollient',
        kind: 'topical',
        dose: 'twice a day',
        startedOn: '2026-01-01',
        stoppedOn: null,
        activeFrom: '2026-06-02',
        activeTo: '2026-06-15',
        daysTicked: 12,
        daysTaken: 9,
        adherencePercent: 75,
      },
    ],
    gut: {
      foodDays: 12,
      servingsPerWeek: { fibre_rich: 21, prebiotic: 10.5, fermented: 3.5, ultra_processed: 7 },
      servingsPerDay: { fibre_rich: 3, prebiotic: 1.5, fermented: 0.5, ultra_processed: 1 },
      weeks: [],
      byPeriod: [
        { foodDays: 5, servingsPerWeek: servings(14), servingsPerDay: servings(2), bloating: 3 },
        { foodDays: 7, servingsPerWeek: servings(21), servingsPerDay: servings(3), bloating: 2 },
        { foodDays: 0, servingsPerWeek: servings(null), servingsPerDay: servings(null), bloating: null },
      ],
      stoolTypeCounts: [1, 2, 5, 6, 3, 1, 0],
      bloating: { days: 12, average: 2.5, markedDays: 1 },
      discomfort: { days: 12, average: 1.5 },
      plantsPerWeek: 24,
    },
    stress: {
      stressDays: 12,
      averageStress: 4.5,
      highStressDays: 3,
      meditationDays: 4,
      meditationMinutes: 50,
      minutesPerWeek: 29.2,
      minutesPerLoggedDay: 4.2,
      sessions: { count: 2, averageStressBefore: 6, averageStressAfter: 3.5, pairs: 2 },
      stressByPeriod: [5, 4, null],
      meditationMinutesByPeriod: [20, 30, 0],
      highStressDaysByPeriod: [2, 1, 0],
    },
    triggers: {
      state: 'done',
      scope: 'journal',
      from: '2025-03-14',
      to: '2026-06-15',
      daysLogged: 430,
      period: { daysLogged: 12, tooShort: true },
      maxLag: 7,
      testsRun: 100,
      daysNeeded: null,
      caveat: 'Not proof of cause.',
      message: null,
      findings: [
        {
          factorLabel: 'Dairy',
          outcomeLabel: 'Acne severity',
          outcomeUnit: 'points (0–10)',
          direction: 'gut-to-skin',
          lag: 2,
          n: 309,
          effect: 1.97,
          rho: 0.6,
          q: 0.0004,
          highLabel: 'with',
          lowLabel: 'without',
          highMean: 5.47,
          lowMean: 3.5,
          title: 'Acne and dairy',
          ciLow: null,
          ciHigh: null,
          flags: [],
          movesWith: [],
          sentence:
            'Your acne was worse 2 days after dairy: 5.5 out of 10 on average, against 3.5 after days without (2.0 points higher).',
        },
      ],
    },
    photos: [],
    notes: [{ date: '2026-06-10', text: 'Itchy at night <b>not bold</b>' }],
  };
}

describe('report words and numbers', () => {
  it('writes dates the same in every language, and signed changes with a real minus', () => {
    expect(paperDate('2026-03-05')).toBe('5 Mar 2026');
    expect(paperPeriod('2025-06-16', '2026-06-15')).toBe('16 Jun 2025 to 15 Jun 2026');
    expect(signed(0.94)).toBe('+0.9');
    expect(signed(-1.24)).toBe('−1.2');
    expect(signed(0.01)).toBe('0.0');
    expect(qText(0.0004)).toBe('< 0.001');
    expect(qText(0.0123)).toBe('0.012');
    expect(qText(0.31)).toBe('0.31');
    expect(qPhrase(0.0123)).toBe('q = 0.012');
    expect(ageOn('1990-06-16', '2026-06-15')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });

  it('gives a trend as an arrow and words, higher being worse', () => {
    expect(trendWords({ direction: 'better', change: -1.24, early: 5, late: 3.76, windowDays: 7 })).toEqual({
      arrow: '↓',
      words: 'improving (−1.2)',
    });
    expect(trendWords({ direction: 'worse', change: 0.9, early: 3, late: 3.9, windowDays: 28 }).arrow).toBe('↑');
    expect(trendWords({ direction: 'unknown', change: null, early: null, late: null, windowDays: 7 }).words).toBe(
      'too few scores to tell',
    );
  });

  it('puts the insights sentences in the third person for the clinician', () => {
    expect(thirdPerson('On days with dairy, your acne severity averaged 2.0 points higher.')).toBe(
      'On days with dairy, the patient’s acne severity averaged 2.0 points higher.',
    );
  });
});

describe('report options', () => {
  it('defaults to 90 days, every section, and Letter paper only where Letter is the usual size', () => {
    const form = defaultForm('2026-06-15', 'en-GB');
    expect(toRequest(form, '2026-06-15')).toEqual({
      from: '2026-03-18',
      to: '2026-06-15',
      sections: [...REPORT_SECTION_KEYS],
      patientName: '',
      dateOfBirth: '',
    });
    expect(form.paper).toBe('a4');
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('fr-CA')).toBe('letter');
    expect(defaultPaper('de')).toBe('a4');
  });

  it('says what is wrong with custom dates, the sections, the name and the date of birth', () => {
    const base = { ...defaultForm('2026-06-15', 'en-GB'), preset: 'custom' as const };
    const today = '2026-06-15';
    expect(formProblems({ ...base, from: '', to: '' }, today).range).toBe('Choose both a start date and an end date.');
    expect(formProblems({ ...base, from: '2026-06-10', to: '2026-06-01' }, today).range).toBe(
      'The start date must be on or before the end date.',
    );
    expect(formProblems({ ...base, from: '2026-06-10', to: '2026-06-16' }, today).range).toBe(
      'The end date cannot be in the future.',
    );
    expect(formProblems({ ...base, from: '2000-01-01', to: '2026-06-01' }, today).range).toMatch(/at most 10 years/);
    expect(formProblems({ ...base, from: '2026-06-01', to: '2026-06-10', sections: [] }, today)).toEqual({
      sections: 'Choose at least one section.',
    });
    expect(
      formProblems({ ...base, from: '2026-06-01', to: '2026-06-10', patientName: 'x'.repeat(101) }, today).patientName,
    ).toMatch(/at most 100/);
    expect(
      formProblems({ ...base, from: '2026-06-01', to: '2026-06-10', dateOfBirth: '2026-06-15' }, today).dateOfBirth,
    ).toBe('The date of birth must be a day in the past.');
    expect(
      formProblems({ ...base, from: '2026-06-01', to: '2026-06-10', dateOfBirth: '1990-02-30' }, today).dateOfBirth,
    ).toBe('That date of birth does not exist.');
  });

  it('asks for the sections in the report’s order and the name trimmed', () => {
    const form = {
      ...defaultForm('2026-06-15', 'en-GB'),
      sections: ['notes', 'summary'] as ReportData['sections'],
      patientName: '  Alex  ',
    };
    expect(toRequest(form, '2026-06-15')).toMatchObject({ sections: ['summary', 'notes'], patientName: 'Alex' });
  });
});

describe('the printed page', () => {
  it('sets the paper size, and the period, title and "Page x of y" in the page margins', () => {
    const css = pageCss({
      paper: 'letter',
      title: 'Skin and gut report · Alex',
      period: '1 Jun 2026 to 15 Jun 2026',
      footer: 'Axis Journal',
    });
    expect(css).toContain('size: letter;');
    expect(css).toContain('@top-right { content: "1 Jun 2026 to 15 Jun 2026";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(pageCss({ paper: 'a4', title: '', period: '', footer: '' })).toContain('size: A4;');
  });

  it('escapes what a person typed so it stays one CSS string', () => {
    expect(cssString('Alex "Al" Smith')).toBe('"Alex \\"Al\\" Smith"');
    expect(cssString('back\\slash')).toBe('"back\\\\slash"');
    expect(cssString('two\nlines"; } body { display: none')).toBe('"two lines\\"; } body { display: none"');
  });
});

describe('report tables', () => {
  it('summarise each condition with its average, last 7 days, latest score, trend and flares', () => {
    const table = conditionsSummaryTable(sampleReport());
    expect(table.rows[0]!.cells).toEqual([
      'Eczema',
      '4.3',
      '3.5',
      '3 on 15 Jun',
      '↓ improving (−1.2)',
      '1 flare, 2 days',
    ]);
  });

  it('list the POEM checks and the treatments with their adherence', () => {
    const report = sampleReport();
    expect(poemTable(report).rows.map((row) => row.cells)).toEqual([
      ['7 Jun 2026', '19', 'Severe'],
      ['14 Jun 2026', '11', 'Moderate'],
    ]);
    expect(treatmentsTable(report).rows[0]!.cells).toEqual([
      'Emollient',
      'Cream or ointment (on the skin)',
      'twice a day',
      '1 Jan 2026',
      'ongoing',
      '12',
      '9',
      '75%',
    ]);
    expect(servingsTable(report).rows.map((row) => row.cells[0])).toEqual(['w/c 2 Jun', 'w/c 8 Jun', 'w/c 15 Jun']);
    expect(servingsTable(report).rows[2]!.cells.slice(1)).toEqual(['–', '–', '–', '–', '0 of 1', '–']);
  });

  it('split long, narrow tables into at most three parts side by side', () => {
    const rows = Array.from({ length: 50 }, (_, i) => i);
    expect(chunkRows(rows, 60)).toEqual([rows]);
    expect(chunkRows(rows, 18).map((part) => part.length)).toEqual([17, 17, 16]);
    expect(chunkRows(rows.slice(0, 30), 18).map((part) => part.length)).toEqual([15, 15]);
    expect(
      chunkRows(
        Array.from({ length: 100 }, (_, i) => i),
        18,
      ),
    ).toHaveLength(3);
  });
});

describe('report charts', () => {
  it('draw a condition’s average severity per period with its flare days as bars, without animation, at 2×', () => {
    const report = sampleReport();
    const config = severityChart(report, report.conditions[0]!, 0);
    expect(config.data.labels).toEqual(['w/c 2 Jun', 'w/c 8 Jun', 'w/c 15 Jun']);
    expect(config.data.datasets.map((d) => [d.type, d.data])).toEqual([
      ['line', [5, 3.8, null]],
      ['bar', [2, 0, 0]],
    ]);
    expect(config.options).toMatchObject({ animation: false, responsive: false, devicePixelRatio: 2 });
    expect(chartKey(config).map((entry) => [entry.label, entry.look])).toEqual([
      ['Eczema, weekly average severity', 'line'],
      ['Flare days', 'bar'],
    ]);
  });

  it('draw POEM totals by date, servings per week and stool types from the same numbers as the tables', () => {
    const report = sampleReport();
    expect(poemChart(report).data.datasets[0]!.data).toEqual([19, 11]);
    expect(poemChart(report).data.labels).toEqual(['7 Jun', '14 Jun']);
    expect(servingsChart(report).data.datasets).toHaveLength(4);
    expect(servingsChart(report).data.datasets[0]!.data).toEqual([14, 21, null]);
    expect(stoolChart(report).data.datasets[0]!.data).toEqual([1, 2, 5, 6, 3, 1, 0]);
    // Lines differ by dash and mark too, for black-and-white printers.
    const keys = chartKey(servingsChart(report));
    expect(new Set(keys.map((key) => key.mark)).size).toBe(4);
  });
});

describe('page 1 sentences', () => {
  it('give the latest POEM with its band and the change, and one-line findings', () => {
    const report = sampleReport();
    expect(poemLine(report)).toBe(
      'Latest POEM 11 of 28 on 14 Jun 2026: Moderate eczema. 2 checks in the period; the first scored 19 (change −8.0, better; lower is better).',
    );
    expect(shortFinding(report.triggers.findings[0]!)).toBe('+2.0 points, worse, 2 days later');
    // With an interval, the factors that moved with it, and its cautions.
    const full = {
      ...report.triggers.findings[0]!,
      ciLow: 1.2,
      ciHigh: 2.61,
      movesWith: ['yogurt', 'cheese'],
      flags: ['same-day' as const],
    };
    expect(shortFinding(full)).toBe(
      '+2.0 points, worse (95% CI +1.2 to +2.6), 2 days later · moves with yogurt and cheese',
    );
    expect(lifestyleFacts(report).find((fact) => fact.label === 'Stool (Bristol)')!.value).toBe(
      '61% type 3–4 · 17% type 1–2 · 22% type 5–7 (18)',
    );
  });
});

describe('page 1 says where its numbers come from', () => {
  it('writes a change of a score where higher is worse with its direction in words', () => {
    expect(changeWords(4)).toBe('+4.0, worse');
    expect(changeWords(-2)).toBe('−2.0, better');
    expect(changeWords(0.02)).toBe('0.0, no change');
    expect(changeWords(null)).toBe('–');
  });

  it('labels the candidate triggers with the whole journal’s span, and says when the period alone is too short', () => {
    const report = sampleReport();
    expect(triggersSpan(report)).toBe(
      `From the whole journal (430 logged days, 14 Mar 2025 – 15 Jun 2026), not only this report’s period. This period has too few logged days to look for links on its own (12; at least ${REPORT_PERIOD_DAYS_FOR_LINKS} are needed).`,
    );
    report.triggers.period = { daysLogged: 80, tooShort: false };
    expect(triggersSpan(report)).toBe(
      'From the whole journal (430 logged days, 14 Mar 2025 – 15 Jun 2026), not only this report’s period.',
    );
    report.triggers.findings = [];
    expect(noTriggersWords(report)).toBe(
      'No link between habits and skin stands out across the whole journal (100 comparisons tested). No finding does not mean no effect.',
    );
    report.triggers = {
      ...report.triggers,
      state: 'not-enough-data',
      message: 'There are not enough logged days in the whole journal yet to look for links.',
    };
    expect(noTriggersWords(report)).toMatch(/^There are not enough logged days in the whole journal/);
  });

  it('gives servings and meditation per logged day when the period has less than a week of them', () => {
    const report = sampleReport();
    expect(lifestyleFacts(report)[0]).toMatchObject({
      label: 'Weekly servings',
      value: 'fibre-rich 21.0 · prebiotic 10.5 · probiotic / fermented 3.5 · ultra-processed 7.0',
    });
    // One day with 2 servings of each: "2.0 per day", never "14.0 a week".
    report.days = 1;
    report.daysLogged = 1;
    report.gut = { ...report.gut, foodDays: 1, servingsPerWeek: servings(14), servingsPerDay: servings(2) };
    report.stress = {
      ...report.stress,
      meditationDays: 1,
      meditationMinutes: 10,
      minutesPerWeek: 70,
      minutesPerLoggedDay: 10,
    };
    const facts = lifestyleFacts(report);
    expect(facts[0]).toMatchObject({
      label: 'Servings per day',
      value:
        'fibre-rich 2.0 · prebiotic 2.0 · probiotic / fermented 2.0 · ultra-processed 2.0 (1 day with meals: too few for weekly figures)',
    });
    expect(facts.find((fact) => fact.label === 'Meditation')!.value).toBe('1 day · about 10 min per logged day');
    expect(servingsLine(report)).toMatch(
      /^Servings per day with meals logged: fibre-rich 2\.0.*\(only 1 day with meals logged, too few for weekly figures\)/,
    );
    expect(stressLine(report)).toContain('10 minutes in all (about 10 min per logged day)');
    expect(servingsTable(report).caption).toMatch(/^Servings per day with meals logged/);
    expect(JSON.stringify(servingsTable(report).rows)).not.toContain('14.0');
    expect(servingsChart(report).data.datasets[0]!.data).toEqual([2, 3, null]);
  });

  it('puts the newest notes for the dermatologist on page 1, cut at a word when long', () => {
    const long = `${'word '.repeat(80)}end`;
    expect(clipNote(long)).toMatchObject({ clipped: true });
    expect(clipNote(long).text.length).toBeLessThanOrEqual(161);
    expect(clipNote(long).text.endsWith('word…')).toBe(true);
    expect(clipNote('  short  ')).toEqual({ text: 'short', clipped: false });
    // Line breaks become spaces on page 1, so a note of many short lines stays short there.
    expect(clipNote('one\n\ntwo\nthree')).toEqual({ text: 'one two three', clipped: false });
    const notes = ['2026-06-01', '2026-06-05', '2026-06-09', '2026-06-12'].map((date) => ({
      date,
      text: `note of ${date}`,
    }));
    const visit = visitNotes(notes);
    expect(visit.more).toBe(1);
    expect(visit.shown.map((note) => note.date)).toEqual(['2026-06-05', '2026-06-09', '2026-06-12']);
  });
});
