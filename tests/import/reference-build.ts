/**
 * The import as it was before the streaming path: interpretRows over the whole parsed table, an object per
 * cell, DatasetBuilder per measure (the previous buildDataset, kept verbatim as the oracle). The streaming
 * path must give the same datasets and the same problems; tests compare the two on real and hand-made files.
 */
import type { Basis } from '../../shared/counts/dataset';
import { DatasetBuilder } from '../../shared/counts/builder';
import { sha256Hex } from '../../shared/utils/sha256';
import { parsePeriod, periodSpan } from '../../shared/utils/period';
import { periodFromTitle } from '../../shared/import/title-period';
import type { ImportPreview } from '../../shared/import/analyse-file';
import type { ImportMapping } from '../../shared/import/import-mapping';
import type { BuildMeta, ImportProvenance, ImportResult, MeasureDataset } from '../../shared/import/build-dataset';
import { interpretRows, type InterpretedMeasure } from '../../shared/import/interpret-rows';
import { classifyMeasureHeader, specBecause, type MeasureSpec } from '../../shared/import/measure-kind';
import { phrase } from '../../shared/import/phrases';
import { ImportRefusedError } from '../../shared/import/problems';

const STRUCTURAL = new Set(['unbalanced-quote', 'too-many-columns', 'wrong-field-count', 'empty-file', 'binary-file', 'invalid-encoding', 'xlsx-unreadable', 'xlsx-sheet-not-found', 'personal-identity-number', 'no-table']);

function periodRange(measures: InterpretedMeasure[], meta: BuildMeta): { from: string; to: string } {
  let from: { label: string; day: number } | null = null;
  let to: { label: string; day: number } | null = null;
  for (const m of measures) {
    const index = m.dimensions.findIndex((d) => d.role === 'period');
    if (index < 0) continue;
    for (const label of new Set(m.cells.map((c) => c.values[index]!))) {
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

export function referenceBuild(preview: ImportPreview, mapping: ImportMapping = preview.mapping, meta: BuildMeta): ImportResult {
  const excluded = new Set(mapping.excludeLines);
  const structural = preview.errors.filter((e) => STRUCTURAL.has(e.code) && (e.line === null || !excluded.has(e.line)));
  const interpretation = interpretRows(preview.table, mapping, preview.file.name);
  const errors = [...structural, ...interpretation.problems.filter((p) => p.severity === 'error')];
  if (preview.table.width === 0 && errors.length === 0) throw new ImportRefusedError(preview.errors);
  if (errors.length > 0) throw new ImportRefusedError(errors);

  const sha256 = sha256Hex(preview.bytes);
  // Added after the streaming path, on every path alike: a file with no period names it in its title.
  const counted = periodRange(interpretation.measures, meta);
  const fromTitle = counted.from === '' && counted.to === '' ? periodFromTitle(preview.notes) : null;
  const period = fromTitle ? { from: fromTitle.from, to: fromTitle.to } : counted;
  const numberFormats: Record<string, string> = {};
  for (const c of preview.columns) if (c.numberFormat) numberFormats[c.header] = c.numberFormat.evidence;
  const notes = [
    ...preview.notes.map((n) => `line ${n.line} (${n.kind}): ${n.text}`),
    ...interpretation.problems.filter((p) => p.severity === 'warning').map((p) => `${p.code}${p.line !== null ? ` line ${p.line}` : ''}: ${p.message}`),
  ];
  const basisKind = meta.basis?.kind ?? 'prevalent';
  const regionBasis = meta.basis?.regionBasis ?? 'residence';
  if (fromTitle) notes.push(`the period ${periodSpan(fromTitle.from, fromTitle.to)} was taken from the title on line ${fromTitle.line} (“${fromTitle.text}”): the file has no period column`);
  if (!meta.basis?.kind) notes.push('basis kind assumed "prevalent": the file does not say whether counts are incident or prevalent');
  if (!meta.basis?.regionBasis) notes.push('region basis assumed "residence" (folkbokföring): the file does not say');

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
    delimiter: preview.dialect?.delimiter ?? null,
    lineEnding: preview.dialect?.lineEnding ?? null,
    sheet: preview.sheet?.name ?? null,
    layout: preview.layout,
    mapping,
    sourceSignature: preview.sourceSignature,
    excludedLines: [...interpretation.excludedLines],
    numberFormats,
  };
  const baseId = meta.id ?? `import-${sha256.slice(0, 16)}`;
  const baseName = meta.name ?? preview.file.name;

  const measures: MeasureDataset[] = interpretation.measures.map((m) => {
    const builder = new DatasetBuilder({
      id: `${baseId}:${m.key}`,
      name: `${baseName} – ${m.name}`,
      basis: { unit: unitOf(m.spec, m.name), kind: basisKind, regionBasis },
      provenance,
      dimensions: m.dimensions,
    }, Math.max(16, m.cells.length));
    for (const cell of m.cells) builder.add(cell.values, cell);
    return { key: m.key, name: m.name, spec: m.spec, dataset: builder.build() };
  });

  for (const [rateKey, populationKey] of Object.entries(mapping.ratePopulation)) {
    const rate = interpretation.measures.find((m) => m.key === rateKey);
    const population = interpretation.measures.find((m) => m.key === populationKey);
    if (!rate || !population || !rate.spec.ratePer) continue;
    measures.push(deriveExpectedCounts(rate, population, rate.spec.ratePer, { baseId, baseName, basisKind, regionBasis, provenance }));
  }
  // As the importer does: each dimension keeps its column's header (for readable criteria).
  const headers = new Map(preview.columns.flatMap((c) => (c.mapping.kind === 'dimension' && c.header.trim() !== '' ? [[c.mapping.key, c.header.trim()] as const] : [])));
  for (const m of measures) m.dataset.dimensions = m.dataset.dimensions.map((d) => (headers.has(d.key) ? { ...d, label: headers.get(d.key)! } : d));
  return { measures, provenance };
}

/**
 * Expected counts from a rate and its population: count = rate × population / per. A rate printed with d
 * decimals is exact only to ±0.5·10^-d per `per` inhabitants, so each count is an interval:
 * "4,74 per 1000" of 1 239 976 is 5 871.3 … 5 883.7, which contains the published 5 883.
 */
function deriveExpectedCounts(
  rate: InterpretedMeasure,
  population: InterpretedMeasure,
  per: number,
  ctx: { baseId: string; baseName: string; basisKind: Basis['kind']; regionBasis: Basis['regionBasis']; provenance: ImportProvenance },
): MeasureDataset {
  const popByKey = new Map(population.cells.map((c) => [c.values.join('\u0001'), c]));
  const key = `${rate.key}-expected-count`;
  const name = `${rate.name} × ${population.name} / ${per}`;
  const spec: MeasureSpec = specBecause({ kind: 'count', unit: unitOf(rate.spec, rate.name) }, phrase('mkDerived', { rate: rate.name, population: population.name }));
  const builder = new DatasetBuilder({
    id: `${ctx.baseId}:${key}`,
    name: `${ctx.baseName} – ${name}`,
    basis: { unit: spec.unit!, kind: ctx.basisKind, regionBasis: ctx.regionBasis },
    provenance: ctx.provenance,
    dimensions: rate.dimensions,
  });
  for (const cell of rate.cells) {
    const pop = popByKey.get(cell.values.join('\u0001'));
    if (!pop) continue;
    const half = cell.masked ? 0 : 0.5 * 10 ** -cell.decimals;
    const low = Math.max(0, cell.low - half) * pop.low / per;
    const high = (cell.high + half) * pop.high / per;
    const point = Math.min(high, Math.max(low, cell.point * pop.point / per));
    builder.add(cell.values, { low, point, high, masked: cell.masked || pop.masked });
  }
  return { key, name, spec, dataset: builder.build(), derivedFrom: { rate: rate.key, population: population.key } };
}
