/**
 * Import preview + confirmed mapping → one columnar Dataset per measure, each with full provenance (file,
 * size, SHA-256, encoding, delimiter, layout, mapping, token meanings, basis, period, notes, excluded
 * rows). Refuses (throws ImportRefusedError) while any error remains: a dataset is built from a file that
 * was read completely or not at all.
 *
 * Every row of the file is read here, once, straight into columns (see import-pass.ts): when the preview
 * read only the first rows of a large file, the rest are read now, and an error anywhere refuses the file.
 * {@link importFile} does the same with progress and cancellation.
 */
import type { Basis, Dataset, Provenance } from '../counts/dataset';
import { InvalidCellError } from '../counts/builder';
import { sha256Hex } from '../utils/sha256';
import { parsePeriod } from '../utils/period';
import type { ImportPreview } from './analyse-file';
import type { ImportMapping } from './import-mapping';
import type { LayoutReport } from './detect-columns';
import { interpretRows } from './interpret-rows';
import { classifyMeasureHeader, specBecause, type MeasureSpec } from './measure-kind';
import { english, phrase, type Phrase, type PhraseKey } from './phrases';
import type { Note } from './table-structure';
import { periodFromTitle } from './title-period';
import { periodSpan } from '../utils/period';

const NOTE_KIND: Record<Note['kind'], PhraseKey> = { title: 'noteTitle', footer: 'noteFooter', note: 'noteNote' };
import { ImportRefusedError, type ImportProblem } from './problems';
import type { MaskMeaning } from './value-tokens';
import type { ColumnarMeasure } from './columnar-measure';
import { readAllRows, STRUCTURAL_CODES, type PassOptions, type PassResult } from './import-pass';
import { TupleIndex } from './tuple-index';

export interface BuildMeta {
  /** Who published the data ("Socialstyrelsen, Statistikdatabas för läkemedel"). */
  publisher: string;
  extractedAt?: string;
  /** Incident or prevalent, residence or care region: files rarely say, so the user does. */
  basis?: Partial<Pick<Basis, 'kind' | 'regionBasis'>>;
  /** Used when the file has no period dimension and its headers name no period. */
  periodFrom?: string;
  periodTo?: string;
  id?: string;
  name?: string;
  /**
   * SHA-256 of the file's bytes (hex), when the caller has it already, e.g. from the platform's native
   * digest ({@link sha256OfBytes}); otherwise it is computed here, in plain TypeScript.
   */
  sha256?: string;
}

export interface ImportProvenance extends Provenance {
  fileSize: number;
  format: 'csv' | 'xlsx';
  encoding: string;
  encodingEvidence: string;
  /** `encodingEvidence` as a translatable phrase (absent in datasets imported before it existed). */
  encodingBecause?: Phrase;
  delimiter: string | null;
  lineEnding: string | null;
  sheet: string | null;
  layout: LayoutReport | null;
  mapping: ImportMapping;
  sourceSignature: string | null;
  excludedLines: number[];
  /** Per measure column: the number format decided and why. */
  numberFormats: Record<string, string>;
  /** The same reasons as translatable phrases (absent in datasets imported before they existed). */
  numberFormatReasons?: Record<string, Phrase>;
  /** `notes` as translatable phrases, one per note (absent in datasets imported before they existed). */
  noteReasons?: Phrase[];
  /** Meanings of the masked tokens found in this file. */
  maskTokens: Record<string, MaskMeaning>;
}

export interface MeasureDataset {
  key: string;
  name: string;
  spec: MeasureSpec;
  dataset: Dataset;
  /** Set for expected counts derived from a rate and a population. */
  derivedFrom?: { rate: string; population: string };
}

export interface ImportResult {
  measures: MeasureDataset[];
  provenance: ImportProvenance;
}

/** How the rows are read: problem limit and piece size (see import-pass.ts). */
export type BuildOptions = PassOptions;

function periodRange(measures: readonly ColumnarMeasure[], meta: BuildMeta): { from: string; to: string } {
  let from: { label: string; day: number } | null = null;
  let to: { label: string; day: number } | null = null;
  for (const m of measures) {
    const index = m.dimensions.findIndex((d) => d.role === 'period');
    if (index < 0) continue;
    for (const label of m.values[index]!) {
      const range = parsePeriod(label);
      if (!range) continue;
      if (!from || range.startDay < from.day) from = { label, day: range.startDay };
      if (!to || range.endDay > to.day) to = { label, day: range.endDay };
    }
  }
  return { from: from?.label ?? meta.periodFrom ?? '', to: to?.label ?? meta.periodTo ?? '' };
}

function unitOf(spec: MeasureSpec, name: string): Basis['unit'] {
  if (spec.unit) return spec.unit;
  // A rate's numerator says what it counts: "Expedieringar/1000 invånare" counts events.
  const numerator = classifyMeasureHeader(name.split('/')[0] ?? name);
  return numerator?.unit ?? 'persons';
}

/** The errors that refuse an import: the file's structural errors (except on excluded lines), then its cells'. */
export function importErrors(pass: PassResult, mapping: ImportMapping): ImportProblem[] {
  const excluded = new Set(mapping.excludeLines);
  const structural = pass.fileProblems.filter((e) => e.severity === 'error' && STRUCTURAL_CODES.has(e.code) && (e.line === null || !excluded.has(e.line)));
  return [...structural, ...pass.interpretation.problems.filter((p) => p.severity === 'error')];
}

/** Refuse a preview that found no table (or an unreadable file), as it stands. */
function refuseWithoutTable(preview: ImportPreview, mapping: ImportMapping): never {
  const excluded = new Set(mapping.excludeLines);
  const structural = preview.errors.filter((e) => STRUCTURAL_CODES.has(e.code) && (e.line === null || !excluded.has(e.line)));
  const errors = [...structural, ...interpretRows(preview.table, mapping, preview.file.name).problems.filter((p) => p.severity === 'error')];
  throw new ImportRefusedError(errors.length > 0 ? errors : preview.errors);
}

/** The pass's problems that refuse the import, thrown; personal identity numbers alone when there are any. */
export function refuseOnErrors(pass: PassResult, mapping: ImportMapping): void {
  // Only the places of personal identity numbers: other problems could quote the numbers' cells.
  if (pass.personnummer.length > 0) throw new ImportRefusedError(pass.personnummer);
  const errors = importErrors(pass, mapping);
  if (errors.length > 0) {
    const warnings = [...pass.fileProblems, ...pass.interpretation.problems].filter((p) => p.severity === 'warning');
    throw new ImportRefusedError(errors, warnings, pass.interpretation.omittedErrors);
  }
}

export function buildDataset(preview: ImportPreview, mapping: ImportMapping = preview.mapping, meta: BuildMeta, options: BuildOptions = {}): ImportResult {
  if (preview.table.width === 0) refuseWithoutTable(preview, mapping);
  const rows = readAllRows(preview, mapping, options);
  let step = rows.next();
  while (!step.done) step = rows.next();
  const pass = step.value;
  refuseOnErrors(pass, mapping);
  return assembleImport(preview, mapping, meta, pass, meta.sha256 ?? sha256Hex(preview.bytes));
}

/** Datasets and provenance from a pass without errors. */
export function assembleImport(preview: ImportPreview, mapping: ImportMapping, meta: BuildMeta, pass: PassResult, sha256: string): ImportResult {
  const interpretation = pass.interpretation;
  const counted = periodRange(interpretation.measures, meta);
  // No period column, none in the headers and none given: the period the title names, said in the notes.
  const fromTitle = counted.from === '' && counted.to === '' ? periodFromTitle(pass.notes) : null;
  const period = fromTitle ? { from: fromTitle.from, to: fromTitle.to } : counted;
  const numberFormats: Record<string, string> = {};
  const numberFormatReasons: Record<string, Phrase> = {};
  for (const c of preview.columns) {
    if (!c.numberFormat) continue;
    numberFormats[c.header] = c.numberFormat.evidence;
    numberFormatReasons[c.header] = c.numberFormat.because;
  }
  const basisKind = meta.basis?.kind ?? 'prevalent';
  const regionBasis = meta.basis?.regionBasis ?? 'residence';
  const noteReasons: Phrase[] = [
    ...pass.notes.map((n) => phrase('noteLine', { line: n.line, kind: phrase(NOTE_KIND[n.kind]), text: n.text })),
    ...interpretation.problems.filter((p) => p.severity === 'warning')
      .map((p) => (p.line !== null ? phrase('noteWarningLine', { code: p.code, line: p.line, what: p.what }) : phrase('noteWarning', { code: p.code, what: p.what }))),
  ];
  if (fromTitle) noteReasons.push(phrase('notePeriodFromTitle', { period: periodSpan(fromTitle.from, fromTitle.to), line: fromTitle.line, text: fromTitle.text }));
  if (!meta.basis?.kind) noteReasons.push(phrase('noteKindAssumed'));
  if (!meta.basis?.regionBasis) noteReasons.push(phrase('noteRegionBasisAssumed'));
  const notes = noteReasons.map(english);

  const provenance: ImportProvenance = {
    publisher: meta.publisher,
    synthetic: false,
    fileName: preview.file.name,
    sha256,
    ...(meta.extractedAt ? { extractedAt: meta.extractedAt } : {}),
    periodFrom: period.from,
    periodTo: period.to,
    notes,
    maskTokens: { ...interpretation.tokensUsed },
    fileSize: preview.file.size,
    format: preview.format,
    encoding: preview.encoding?.name ?? 'unknown',
    encodingEvidence: preview.encoding?.evidence ?? '',
    ...(preview.encoding ? { encodingBecause: preview.encoding.because } : {}),
    delimiter: preview.dialect?.delimiter ?? null,
    lineEnding: preview.dialect?.lineEnding ?? null,
    sheet: preview.sheet?.name ?? null,
    layout: preview.layout,
    mapping,
    sourceSignature: preview.sourceSignature,
    excludedLines: [...interpretation.excludedLines],
    numberFormats,
    numberFormatReasons,
    noteReasons,
  };
  const baseId = meta.id ?? `import-${sha256.slice(0, 16)}`;
  const baseName = meta.name ?? preview.file.name;

  const measures: MeasureDataset[] = interpretation.measures.map((m) => {
    if (m.invalid) throw new InvalidCellError(m.invalid.cell, m.invalid.reason);
    const dataset: Dataset = {
      id: `${baseId}:${m.key}`,
      name: `${baseName} – ${m.name}`,
      basis: { unit: unitOf(m.spec, m.name), kind: basisKind, regionBasis },
      provenance,
      dimensions: m.dimensions.map((d, k) => ({ key: d.key, role: d.role, values: m.values[k]! })),
      cellCount: m.cellCount,
      columns: m.index,
      low: m.low,
      point: m.point,
      high: m.high,
      masked: m.masked,
    };
    return { key: m.key, name: m.name, spec: m.spec, dataset };
  });

  for (const [rateKey, populationKey] of Object.entries(mapping.ratePopulation)) {
    const rate = interpretation.measures.find((m) => m.key === rateKey);
    const population = interpretation.measures.find((m) => m.key === populationKey);
    if (!rate || !population || !rate.spec.ratePer) continue;
    measures.push(deriveExpectedCounts(rate, population, rate.spec.ratePer, { baseId, baseName, basisKind, regionBasis, provenance }));
  }
  // Each dimension keeps its column's header as the file wrote it, for readable criteria ("Läkemedel: …").
  const headers = new Map(preview.columns.flatMap((c) => (c.mapping.kind === 'dimension' && c.header.trim() !== '' ? [[c.mapping.key, c.header.trim()] as const] : [])));
  for (const m of measures) m.dataset.dimensions = m.dataset.dimensions.map((d) => (headers.has(d.key) ? { ...d, label: headers.get(d.key)! } : d));
  return { measures, provenance };
}

/** For each rate cell, the population cell with the same values (position by position), or -1. */
function matchCells(rate: ColumnarMeasure, population: ColumnarMeasure): Int32Array {
  const n = rate.cellCount;
  const match = new Int32Array(n).fill(-1);
  if (rate.dimensions.length !== population.dimensions.length) return match;
  // Columns of one file: the same cells in the same order, usually. Then no hash is needed.
  const aligned = n === population.cellCount && rate.values.every((v, d) => {
    const other = population.values[d]!;
    if (v.length !== other.length || v.some((x, k) => x !== other[k])) return false;
    const a = rate.index[d]!;
    const b = population.index[d]!;
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  });
  if (aligned) {
    for (let i = 0; i < n; i++) match[i] = i;
    return match;
  }
  const translate = rate.values.map((values, d) => {
    const other = new Map(population.values[d]!.map((v, k) => [v, k]));
    return Int32Array.from(values, (v) => other.get(v) ?? -1);
  });
  const index = new TupleIndex(population.index, population.cellCount);
  for (let i = 0; i < population.cellCount; i++) index.findOrInsert(i);
  const tuple = new Uint32Array(rate.dimensions.length);
  for (let i = 0; i < n; i++) {
    let known = true;
    for (let d = 0; d < tuple.length; d++) {
      const k = translate[d]![rate.index[d]![i]!]!;
      if (k < 0) {
        known = false;
        break;
      }
      tuple[d] = k;
    }
    if (known) match[i] = index.find(tuple);
  }
  return match;
}

/**
 * Expected counts from a rate and its population: count = rate × population / per. A rate printed with d
 * decimals is exact only to ±0.5·10^-d per `per` inhabitants, so each count is an interval:
 * "4,74 per 1000" of 1 239 976 is 5 871.3 … 5 883.7, which contains the published 5 883.
 */
function deriveExpectedCounts(
  rate: ColumnarMeasure,
  population: ColumnarMeasure,
  per: number,
  ctx: { baseId: string; baseName: string; basisKind: Basis['kind']; regionBasis: Basis['regionBasis']; provenance: ImportProvenance },
): MeasureDataset {
  const key = `${rate.key}-expected-count`;
  const name = `${rate.name} × ${population.name} / ${per}`;
  const spec: MeasureSpec = specBecause({ kind: 'count', unit: unitOf(rate.spec, rate.name) }, phrase('mkDerived', { rate: rate.name, population: population.name }));
  const match = matchCells(rate, population);
  let n = 0;
  for (let i = 0; i < match.length; i++) if (match[i]! >= 0) n++;
  const low = new Float64Array(n);
  const point = new Float64Array(n);
  const high = new Float64Array(n);
  const masked = new Uint8Array(n);
  // Dimension values in order of first appearance among the cells that have a population.
  const remaps = rate.values.map((v) => new Int32Array(v.length).fill(-1));
  const values: string[][] = rate.values.map(() => []);
  const columns = rate.values.map(() => new Uint32Array(n));
  const decimals = rate.decimals;
  let j = 0;
  for (let i = 0; i < match.length; i++) {
    const p = match[i]!;
    if (p < 0) continue;
    const half = rate.masked[i] ? 0 : 0.5 * 10 ** -(decimals ? decimals[i]! : 0);
    const l = Math.max(0, rate.low[i]! - half) * population.low[p]! / per;
    const h = (rate.high[i]! + half) * population.high[p]! / per;
    const pt = Math.min(h, Math.max(l, rate.point[i]! * population.point[p]! / per));
    if (!(Number.isFinite(l) && Number.isFinite(pt) && Number.isFinite(h))) throw new InvalidCellError(j, `count is not a finite number (${l}, ${pt}, ${h})`);
    if (!(l >= 0 && l <= pt && pt <= h)) throw new InvalidCellError(j, `count must satisfy 0 ≤ low ≤ point ≤ high (got ${l}, ${pt}, ${h})`);
    low[j] = l;
    point[j] = pt;
    high[j] = h;
    masked[j] = rate.masked[i] || population.masked[p] ? 1 : 0;
    for (let d = 0; d < columns.length; d++) {
      const from = rate.index[d]![i]!;
      const remap = remaps[d]!;
      if (remap[from] === -1) {
        remap[from] = values[d]!.length;
        values[d]!.push(rate.values[d]![from]!);
      }
      columns[d]![j] = remap[from]!;
    }
    j++;
  }
  const dataset: Dataset = {
    id: `${ctx.baseId}:${key}`,
    name: `${ctx.baseName} – ${name}`,
    basis: { unit: spec.unit!, kind: ctx.basisKind, regionBasis: ctx.regionBasis },
    provenance: ctx.provenance,
    dimensions: rate.dimensions.map((d, k) => ({ key: d.key, role: d.role, values: values[k]! })),
    cellCount: n,
    columns,
    low,
    point,
    high,
    masked,
  };
  return { key, name, spec, dataset, derivedFrom: { rate: rate.key, population: population.key } };
}
