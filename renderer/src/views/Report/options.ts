import {
  PATIENT_NAME_MAX_LENGTH,
  REPORT_MAX_DAYS,
  REPORT_SECTION_KEYS,
  type PaperSize,
  type ReportSectionKey,
} from '$contract/reportTerms';
import { addDaysIso } from '../../lib/dates';

/** The report's options form: periods, checks that mirror the backend's, defaults. Pure. */

export type RangePreset = 'days30' | 'days90' | 'year' | 'custom';

export const RANGE_PRESETS: readonly { id: RangePreset; label: string; days?: number }[] = [
  { id: 'days30', label: '30 days', days: 30 },
  { id: 'days90', label: '90 days', days: 90 },
  { id: 'year', label: '1 year', days: 365 },
  { id: 'custom', label: 'Custom' },
];

export interface ReportForm {
  preset: RangePreset;
  /** Custom dates, as typed. */
  from: string;
  to: string;
  sections: ReportSectionKey[];
  patientName: string;
  dateOfBirth: string;
  paper: PaperSize;
}

export interface ReportRequest {
  from: string;
  to: string;
  sections: ReportSectionKey[];
  patientName: string;
  dateOfBirth: string;
}

export function defaultForm(today: string, language: string): ReportForm {
  const { from, to } = presetRange('days90', today);
  return {
    preset: 'days90',
    from,
    to,
    sections: [...REPORT_SECTION_KEYS],
    patientName: '',
    dateOfBirth: '',
    paper: defaultPaper(language),
  };
}

/** Letter where it is the usual paper (the United States, Canada, Mexico, the Philippines …), A4 elsewhere. */
export function defaultPaper(language: string): PaperSize {
  const region = language.split(/[-_]/)[1]?.toUpperCase() ?? '';
  return ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR'].includes(region) ? 'letter' : 'a4';
}

/** A preset's dates: that many days ending today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): { from: string; to: string } {
  const days = RANGE_PRESETS.find((p) => p.id === preset)!.days!;
  return { from: addDaysIso(today, -(days - 1)), to: today };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** What is wrong with the form, field by field, in words (empty when nothing is). */
export function formProblems(
  form: ReportForm,
  today: string,
): Partial<Record<'range' | 'sections' | 'patientName' | 'dateOfBirth', string>> {
  const problems: Partial<Record<'range' | 'sections' | 'patientName' | 'dateOfBirth', string>> = {};
  if (form.preset === 'custom') {
    if (!realDate(form.from) || !realDate(form.to)) problems.range = 'Choose both a start date and an end date.';
    else if (form.from > form.to) problems.range = 'The start date must be on or before the end date.';
    else if (form.to > today) problems.range = 'The end date cannot be in the future.';
    else if (daysFromTo(form.from, form.to) > REPORT_MAX_DAYS)
      problems.range = 'A report can cover at most 10 years. Please choose a shorter period.';
  }
  if (!form.sections.length) problems.sections = 'Choose at least one section.';
  if (form.patientName.trim().length > PATIENT_NAME_MAX_LENGTH) {
    problems.patientName = `The name can be at most ${PATIENT_NAME_MAX_LENGTH} characters.`;
  }
  if (form.dateOfBirth) {
    if (!realDate(form.dateOfBirth)) problems.dateOfBirth = 'That date of birth does not exist.';
    else if (form.dateOfBirth >= today) problems.dateOfBirth = 'The date of birth must be a day in the past.';
  }
  return problems;
}

/** What to ask `report.data` for. */
export function toRequest(form: ReportForm, today: string): ReportRequest {
  const { from, to } = form.preset === 'custom' ? { from: form.from, to: form.to } : presetRange(form.preset, today);
  // Sections in the report's own order, whatever order they were ticked in.
  const sections = REPORT_SECTION_KEYS.filter((key) => form.sections.includes(key));
  return { from, to, sections, patientName: form.patientName.trim(), dateOfBirth: form.dateOfBirth };
}

export function sameRequest(a: ReportRequest | null, b: ReportRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
