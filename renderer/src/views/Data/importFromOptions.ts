import type { ImportDestination, ImportFromSummary, ImportMappingItem, ImportProposal } from '$contract/importFrom';
import { IMPORT_FIELDS, type ImportField } from '$contract/importFromTerms';

/**
 * The choices of the mapping screen, pure (no DOM) and unit-tested: for one source item, the
 * destinations that can take its values, grouped, each with a stable value for a <select>.
 */
export interface DestinationOption {
  value: string;
  label: string;
}
export interface DestinationGroup {
  label: string;
  options: DestinationOption[];
}

export function encodeDestination(to: ImportDestination): string {
  return JSON.stringify(to);
}

export function decodeDestination(value: string): ImportDestination {
  return JSON.parse(value) as ImportDestination;
}

const plainName = (label: string) =>
  label
    .replace(/\s*\((symptom|food|factor|activity|tag|treatment|meds\/supplements|medication|supplement)\)$/i, '')
    .slice(0, 60);

export function destinationGroups(
  item: ImportMappingItem,
  destinations: ImportProposal['destinations'],
): DestinationGroup[] {
  const groups: DestinationGroup[] = [
    { label: 'Do not import', options: [{ value: encodeDestination({ type: 'skip' }), label: 'Skip' }] },
  ];
  const numeric = item.kind === 'scale' || item.kind === 'number' || item.kind === 'label';
  const name = plainName(item.label);
  const fields = (Object.keys(IMPORT_FIELDS) as ImportField[]).filter((f) => {
    const kind = IMPORT_FIELDS[f].kind;
    if (item.kind === 'text') return kind === 'text';
    if (!numeric) return false;
    if (f === 'cycleDay' && !destinations.trackCycle) return false;
    return kind !== 'text';
  });
  if (fields.length)
    groups.push({
      label: 'Day fields',
      options: fields.map((f) => ({
        value: encodeDestination({ type: 'field', field: f }),
        label: IMPORT_FIELDS[f].label,
      })),
    });
  if (numeric) {
    groups.push({
      label: 'Skin conditions (severity 0–10)',
      options: destinations.conditions.map((c) => ({
        value: encodeDestination({ type: 'condition', name: c }),
        label: c,
      })),
    });
  }
  if (item.kind === 'event') {
    const foods = destinations.foods.map((f) => ({ value: encodeDestination({ type: 'food', name: f }), label: f }));
    const foodNames = new Set(destinations.foods.map((f) => f.toLowerCase()));
    if (!foodNames.has(name.toLowerCase()))
      foods.unshift({ value: encodeDestination({ type: 'food', name }), label: `New food: ${name}` });
    groups.push({ label: 'Foods', options: foods });
    const treatments = destinations.treatments.map((t) => ({
      value: encodeDestination({ type: 'treatment', name: t }),
      label: t,
    }));
    if (!destinations.treatments.some((t) => t.toLowerCase() === name.toLowerCase()))
      treatments.unshift({ value: encodeDestination({ type: 'treatment', name }), label: `New treatment: ${name}` });
    groups.push({ label: 'Treatments', options: treatments });
  }
  if (item.kind !== 'text') {
    const kind = item.kind === 'event' ? 'yesno' : item.kind === 'number' ? 'number' : 'scale';
    const fits = destinations.factors.filter((f) => (item.kind === 'event' ? f.kind === 'yesno' : f.kind !== 'yesno'));
    const factors = fits.map((f) => ({ value: encodeDestination({ type: 'factor', name: f.name }), label: f.name }));
    if (!destinations.factors.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
      const fresh: ImportDestination =
        item.unit && kind === 'number'
          ? { type: 'factor', name, kind, unit: item.unit.slice(0, 20) }
          : { type: 'factor', name, kind };
      factors.unshift({
        value: encodeDestination(fresh),
        label: `New ${kind === 'yesno' ? 'yes/no' : kind === 'number' ? 'number' : '0–10'} factor: ${name}`,
      });
    }
    groups.push({ label: 'Your own factors', options: factors });
  }
  // The current choice is always offered, even if it is none of the above (a remembered new name).
  const current = encodeDestination(item.to);
  if (!groups.some((g) => g.options.some((o) => o.value === current)))
    groups.push({ label: 'Proposed', options: [{ value: current, label: describeDestination(item.to) }] });
  return groups.filter((g) => g.options.length > 0);
}

export function describeDestination(to: ImportDestination): string {
  switch (to.type) {
    case 'skip':
      return 'Skip';
    case 'field':
      return IMPORT_FIELDS[to.field as ImportField].label;
    case 'condition':
      return `${to.name} (skin)`;
    case 'food':
      return `${to.name} (food)`;
    case 'treatment':
      return `${to.name} (treatment)`;
    case 'factor':
      return to.kind ? `New factor: ${to.name}` : `${to.name} (factor)`;
  }
}

/** The dry run's headline in plain words. */
export function summaryHeadline(s: ImportFromSummary): string {
  const verb = s.dryRun ? 'would add' : 'added';
  const values = `${s.values.added} value${s.values.added === 1 ? '' : 's'}`;
  const days = `${s.days.newDays} new day${s.days.newDays === 1 ? '' : 's'}`;
  const filled = s.days.existingDays
    ? ` and ${s.days.existingDays} day${s.days.existingDays === 1 ? '' : 's'} you already had`
    : '';
  const replaced = s.values.replaced ? `, replacing ${s.values.replaced} of your values` : '';
  return `${s.dryRun ? 'Importing' : 'The import'} ${verb} ${values} on ${days}${filled}${replaced}.`;
}
