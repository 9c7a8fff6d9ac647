/**
 * The user's corrections to a proposed mapping, as pure functions: a column's role (a dimension, a kind of
 * measure, or ignored), a measure column's number format, excluded lines, and the meaning of masked tokens.
 * Each returns a new mapping; the worker then re-interprets the rows with it, so the preview always shows
 * what the import would do.
 */
import type { ColumnMapping, ImportMapping, MaskMeaning, NumberFormat } from '../../../shared/import';
import type { DimensionRole } from '../../../shared/counts/dataset';

export const ROLE_CHOICES = [
  'region',
  'code',
  'sex',
  'age',
  'period',
  'extra',
  'count-persons',
  'count-events',
  'population',
  'rate',
  'other',
  'measure-name',
  'ignore',
] as const;
export type RoleChoice = (typeof ROLE_CHOICES)[number];

const DIMENSION_CHOICES: readonly RoleChoice[] = ['region', 'code', 'sex', 'age', 'period', 'extra'];

export function isRoleChoice(value: string): value is RoleChoice {
  return (ROLE_CHOICES as readonly string[]).includes(value);
}

export function roleOf(column: ColumnMapping): RoleChoice {
  if (column.kind === 'ignore') return 'ignore';
  if (column.kind === 'measure-name') return 'measure-name';
  if (column.kind === 'dimension') return column.role;
  const spec = column.spec;
  if (spec.kind === 'count') return spec.unit === 'events' ? 'count-events' : 'count-persons';
  return spec.kind;
}

export const NUMBER_FORMATS = ['comma-none', 'comma-dot', 'point-none', 'point-comma'] as const;
export type NumberFormatChoice = (typeof NUMBER_FORMATS)[number];

export function numberFormatChoice(format: NumberFormat): NumberFormatChoice {
  if (format.decimal === ',') return format.thousands === '.' ? 'comma-dot' : 'comma-none';
  return format.thousands === ',' ? 'point-comma' : 'point-none';
}

export function numberFormatOf(choice: NumberFormatChoice): NumberFormat {
  switch (choice) {
    case 'comma-none':
      return { decimal: ',', thousands: 'none' };
    case 'comma-dot':
      return { decimal: ',', thousands: '.' };
    case 'point-none':
      return { decimal: '.', thousands: 'none' };
    case 'point-comma':
      return { decimal: '.', thousands: ',' };
  }
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'column'
  );
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

export interface ColumnContext {
  /** Header of each column, in file order. */
  headers: readonly string[];
  /** The mapping the importer proposed, to fall back on its measure names, rates and number formats. */
  proposed: ImportMapping;
  /** The file's field delimiter (null for .xlsx): a ";" file writes decimal commas. */
  delimiter: string | null;
}

/** Rates get derived expected counts when the file has a population column to multiply them with. */
export function linkRatesToPopulation(columns: readonly ColumnMapping[]): Record<string, string> {
  const specs = new Map<string, ColumnMapping & { kind: 'measure' }>();
  for (const c of columns) if (c.kind === 'measure' && !specs.has(c.measure)) specs.set(c.measure, c);
  const population = [...specs.values()].find((c) => c.spec.kind === 'population')?.measure;
  const out: Record<string, string> = {};
  if (!population) return out;
  for (const c of specs.values()) if (c.spec.kind === 'rate' && c.spec.ratePer) out[c.measure] = population;
  return out;
}

/** The mapping with column `index` (0-based) given a new role. Measure kinds apply to the column's whole measure. */
export function withRole(mapping: ImportMapping, index: number, choice: RoleChoice, context: ColumnContext): ImportMapping {
  const columns = [...mapping.columns];
  const current = columns[index];
  if (!current || roleOf(current) === choice) return mapping;
  const header = context.headers[index] ?? '';
  const evidence = 'chosen by the user';

  if (choice === 'ignore') {
    columns[index] = { kind: 'ignore' };
  } else if (choice === 'measure-name') {
    // Each row names its measure in this column; what each name measures is read from its words.
    const taken = new Set(columns.flatMap((c, i) => (c.kind === 'dimension' && i !== index ? [c.key] : [])));
    const proposedColumn = context.proposed.columns[index];
    columns[index] = proposedColumn?.kind === 'measure-name' ? proposedColumn : { kind: 'measure-name', key: uniqueKey(slug(header) || 'measure', taken), specs: {} };
  } else if (DIMENSION_CHOICES.includes(choice)) {
    const role = choice as DimensionRole;
    const taken = new Set(columns.flatMap((c, i) => (c.kind === 'dimension' && i !== index ? [c.key] : [])));
    // A second column of the same role keeps its plain key, so the importer names the conflict.
    const key = role === 'extra' ? uniqueKey(slug(header), taken) : role;
    columns[index] = { kind: 'dimension', role, key };
  } else {
    const proposedColumn = context.proposed.columns[index];
    const base = current.kind === 'measure' ? current : proposedColumn?.kind === 'measure' ? proposedColumn : null;
    const previousRate = base?.spec.kind === 'rate' ? base.spec.ratePer : proposedColumn?.kind === 'measure' && proposedColumn.spec.kind === 'rate' ? proposedColumn.spec.ratePer : null;
    const spec =
      choice === 'count-persons' ? { kind: 'count' as const, unit: 'persons' as const, evidence }
      : choice === 'count-events' ? { kind: 'count' as const, unit: 'events' as const, evidence }
      : choice === 'rate' ? { kind: 'rate' as const, ratePer: previousRate ?? null, evidence }
      : { kind: choice as 'population' | 'other', evidence };
    if (current.kind === 'measure') {
      // Wide layouts spread one measure over many columns: they are one measure and change together.
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        if (c.kind === 'measure' && c.measure === current.measure) columns[i] = { ...c, spec };
      }
    } else {
      const takenMeasures = new Set(columns.flatMap((c) => (c.kind === 'measure' ? [c.measure] : [])));
      const numberFormat: NumberFormat = base?.numberFormat ?? (context.delimiter === ',' ? { decimal: '.', thousands: 'none' } : { decimal: ',', thousands: 'none' });
      columns[index] = {
        kind: 'measure',
        measure: uniqueKey(slug(header), takenMeasures),
        name: header || `#${index + 1}`,
        spec,
        members: [],
        numberFormat,
      };
    }
  }
  return { ...mapping, columns, ratePopulation: linkRatesToPopulation(columns) };
}

export function withNumberFormat(mapping: ImportMapping, index: number, format: NumberFormat): ImportMapping {
  const current = mapping.columns[index];
  if (!current || current.kind !== 'measure') return mapping;
  const columns = [...mapping.columns];
  columns[index] = { ...current, numberFormat: format };
  return { ...mapping, columns };
}

export function withExcludedLine(mapping: ImportMapping, line: number, excluded: boolean): ImportMapping {
  const set = new Set(mapping.excludeLines);
  if (excluded) set.add(line);
  else set.delete(line);
  return { ...mapping, excludeLines: [...set].sort((a, b) => a - b) };
}

/** Validates a token meaning typed by the user: whole numbers, 0 ≤ low ≤ high; the midpoint is the best value. */
export function maskMeaning(low: number, high: number): MaskMeaning | null {
  if (!Number.isInteger(low) || !Number.isInteger(high) || low < 0 || high < low) return null;
  return { low, high, point: (low + high) / 2 };
}

export function withMaskToken(mapping: ImportMapping, token: string, meaning: MaskMeaning): ImportMapping {
  return { ...mapping, maskTokens: { ...mapping.maskTokens, [token]: meaning } };
}

/** The mapping and column headers of one reading of the file. */
export interface MappedReading {
  mapping: ImportMapping;
  /** The importer's own proposal for that reading (absent: nothing was corrected). */
  proposedMapping?: ImportMapping;
  columns: readonly { header: string }[];
}

const sameColumn = (a: ColumnMapping | undefined, b: ColumnMapping | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * After the file is read again with another encoding or delimiter, the user's corrections of the previous
 * reading carried over to the columns that still have the same header (a header that occurs twice, or no
 * longer at all, keeps the new proposal), with the token meanings and line exclusions the user set. Null when
 * there is nothing to carry.
 */
export function carryCorrections(previous: MappedReading, next: MappedReading): ImportMapping | null {
  const proposed = previous.proposedMapping ?? previous.mapping;
  const unique = (columns: readonly { header: string }[]): Map<string, number> => {
    const seen = new Map<string, number>();
    const twice = new Set<string>();
    columns.forEach((c, i) => {
      const h = c.header.trim();
      if (seen.has(h)) twice.add(h);
      seen.set(h, i);
    });
    for (const h of twice) seen.delete(h);
    seen.delete('');
    return seen;
  };
  const before = unique(previous.columns);
  const after = unique(next.columns);
  const columns = [...next.mapping.columns];
  let changed = false;
  for (const [header, i] of before) {
    const corrected = previous.mapping.columns[i];
    const j = after.get(header);
    if (j === undefined || !corrected || sameColumn(corrected, proposed.columns[i]) || sameColumn(corrected, columns[j])) continue;
    columns[j] = corrected;
    changed = true;
  }
  const userTokens = Object.entries(previous.mapping.maskTokens).filter(([token, meaning]) => JSON.stringify(proposed.maskTokens[token]) !== JSON.stringify(meaning));
  const excludeLines = [...new Set([...next.mapping.excludeLines, ...previous.mapping.excludeLines])].sort((a, b) => a - b);
  if (!changed && userTokens.length === 0 && excludeLines.length === next.mapping.excludeLines.length) return null;
  return { ...next.mapping, columns, maskTokens: { ...next.mapping.maskTokens, ...Object.fromEntries(userTokens) }, excludeLines };
}
