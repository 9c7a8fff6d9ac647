/**
 * What the import preview shows, computed from the core's ImportPreview and the mapping the user is
 * editing. It runs in the import worker (the parsed table stays there; only this summary crosses to the
 * page) and is pure, so it is tested in Node.
 *
 * The core's preview mixes problems of the file itself (quotes, field counts, headers) with problems of
 * applying the proposed mapping. When the user changes the mapping, the second kind is recomputed with the
 * core's interpretRows and the first kind kept, except where the user's change answered it (a line
 * excluded, a measure kind chosen, a number format set).
 */
import type { ImportMapping, ImportPreview, ImportProblem, MaskMeaning, ProblemCode } from '../../../shared/import';
import { interpretRows, type InterpretedMeasure } from '../../../shared/import/interpret-rows';
import { periodFromTitle } from '../../../shared/import/title-period';
import { DEFAULT_MAX_PROBLEMS } from '../../../shared/import/import-pass';
import { classifyMeasureHeader, type MeasureSpec } from '../../../shared/import/measure-kind';

/** At most this many errors and warnings travel to the page (as many as an import lists); the counts say how many there are. */
export const MAX_LISTED_PROBLEMS = DEFAULT_MAX_PROBLEMS;

export interface MeasureSummary {
  key: string;
  name: string;
  spec: MeasureSpec;
  cells: number;
  /** Expected counts derived from a rate and a population column. */
  derivedFrom?: { rate: string; population: string };
}

export interface TokenFound {
  token: string;
  /** null: the token marks a withheld value whose size this source does not document (the user must say). */
  meaning: MaskMeaning | null;
}

/**
 * Where the counts' period comes from: a period column or periods in the headers ('data'), the file's title
 * ('title', as the import will record it), or nowhere ('none': the user must give it, or no estimate can use it).
 */
export type PeriodSource = { kind: 'data' } | { kind: 'title'; from: string; to: string; line: number; text: string } | { kind: 'none' };

export type PreviewView = Omit<ImportPreview, 'table' | 'bytes' | 'errors' | 'warnings'> & {
  errors: ImportProblem[];
  warnings: ImportProblem[];
  errorCount: number;
  warningCount: number;
  /** The mapping the importer proposed for this file (to go back to after a preset or edits). */
  proposedMapping: ImportMapping;
  /** SHA-256 of the file's bytes, to recognise a file that was imported before. */
  sha256: string;
  tokens: TokenFound[];
  measures: MeasureSummary[];
  bodyRows: number;
  /** The file holds personal identity numbers: refused whole, nothing kept. */
  personnummer: boolean;
  period: PeriodSource;
};

/**
 * Codes raised by interpreting rows with a mapping (interpretRows); every other code is about the file itself
 * (bytes, quotes, field counts, headers, the proposal). A test checks this split against the core.
 */
export const INTERPRETATION_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'missing-value',
  'not-a-number',
  'negative-count',
  'not-an-integer',
  'unknown-token-meaning',
  'unknown-region',
  'unknown-sex',
  'unknown-age',
  'unknown-period',
  'unknown-code',
  'conflicting-duplicate',
  'identical-duplicate',
  'filled-down',
  'population-zero-with-zero-count',
  'rows-excluded',
  'municipalities-summed',
  'municipalities-incomplete',
  'municipality-sum-differs',
  'municipality-rate',
  'mapping-invalid',
]);

/** Problems of the file itself, which a change of mapping does not recompute. */
export function fileProblems(preview: ImportPreview): ImportProblem[] {
  return [...preview.errors, ...preview.warnings].filter((p) => !INTERPRETATION_CODES.has(p.code));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function stillApplies(p: ImportProblem, preview: ImportPreview, mapping: ImportMapping, excluded: ReadonlySet<number>): boolean {
  if (p.line !== null && excluded.has(p.line) && p.code !== 'duplicate-header') return false;
  const index = p.column === null ? -1 : p.column - 1;
  const now = mapping.columns[index];
  const before = preview.mapping.columns[index];
  if (p.code === 'no-measure') return !mapping.columns.some((c) => c.kind === 'measure');
  if (p.code === 'measure-kind-assumed') return now?.kind === 'measure' && before?.kind === 'measure' && sameJson(now.spec, before.spec);
  if (p.code === 'ambiguous-number-format') return now?.kind === 'measure' && before?.kind === 'measure' && sameJson(now.numberFormat, before.numberFormat);
  return true;
}

export function previewView(preview: ImportPreview, base: readonly ImportProblem[], mapping: ImportMapping, sha256: string, proposedMapping: ImportMapping = preview.mapping): PreviewView {
  const { table, bytes: _bytes, errors: _errors, warnings: _warnings, ...rest } = preview;
  const personnummer = preview.errors.some((e) => e.code === 'personal-identity-number');
  const common = { ...rest, proposedMapping, sha256, personnummer, bodyRows: table.body.length };
  if (table.width === 0 || personnummer) {
    const errors = base.filter((p) => p.severity === 'error');
    const warnings = base.filter((p) => p.severity === 'warning');
    return {
      ...common,
      mapping,
      errors: errors.slice(0, MAX_LISTED_PROBLEMS),
      warnings: warnings.slice(0, MAX_LISTED_PROBLEMS),
      errorCount: errors.length,
      warningCount: warnings.length,
      tokens: [],
      measures: [],
      firstRows: [],
      period: { kind: 'none' },
    };
  }

  const excluded = new Set(mapping.excludeLines);
  const interpretation = interpretRows(table, mapping, preview.file.name);
  const all = [...base.filter((p) => stillApplies(p, preview, mapping, excluded)), ...interpretation.problems];
  const errors = all.filter((p) => p.severity === 'error');
  const warnings = all.filter((p) => p.severity === 'warning');

  const tokens = new Map<string, TokenFound>();
  for (const [token, meaning] of Object.entries(interpretation.tokensUsed)) tokens.set(token, { token, meaning });
  for (const p of errors) if (p.code === 'unknown-token-meaning' && !tokens.has(p.raw)) tokens.set(p.raw, { token: p.raw, meaning: null });

  const measures: MeasureSummary[] = interpretation.measures.map((m) => ({ key: m.key, name: m.name, spec: m.spec, cells: m.cells.length }));
  for (const [rateKey, populationKey] of Object.entries(mapping.ratePopulation)) {
    const rate = interpretation.measures.find((m) => m.key === rateKey);
    const population = interpretation.measures.find((m) => m.key === populationKey);
    if (!rate || !population || !rate.spec.ratePer) continue;
    // The same pairing buildDataset makes: a rate cell yields an expected count where the population has the same cell.
    const populated = new Set(population.cells.map((c) => c.values.join('\u0001')));
    measures.push({
      key: `${rate.key}-expected-count`,
      name: `${rate.name} × ${population.name} / ${rate.spec.ratePer}`,
      // A rate's numerator says what it counts ("Expedieringar/1000 invånare" counts events), as in buildDataset.
      spec: { kind: 'count', unit: rate.spec.unit ?? classifyMeasureHeader(rate.name.split('/')[0] ?? rate.name)?.unit ?? 'persons', evidence: 'derived' },
      cells: rate.cells.filter((c) => populated.has(c.values.join('\u0001'))).length,
      derivedFrom: { rate: rate.key, population: population.key },
    });
  }

  return {
    ...common,
    mapping,
    totals: interpretation.totals,
    maskedCells: interpretation.maskedCells,
    zeroTokenCells: interpretation.zeroTokenCells,
    firstRows: interpretation.rows,
    errors: errors.slice(0, MAX_LISTED_PROBLEMS),
    warnings: warnings.slice(0, MAX_LISTED_PROBLEMS),
    errorCount: errors.length,
    warningCount: warnings.length,
    tokens: [...tokens.values()],
    measures,
    period: periodSource(interpretation.measures, preview.notes),
  };
}

function periodSource(measures: readonly InterpretedMeasure[], notes: ImportPreview['notes']): PeriodSource {
  if (measures.some((m) => m.dimensions.some((d) => d.role === 'period'))) return { kind: 'data' };
  const title = periodFromTitle(notes);
  return title ? { kind: 'title', ...title } : { kind: 'none' };
}
