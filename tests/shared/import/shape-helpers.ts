/**
 * Importing a replica sheet (replicas.ts) as CSV and as .xlsx through the app's own pipeline (the preview,
 * then every row), and the parts of a dataset that must not depend on the file format.
 */
import { expect } from 'vitest';
import { analyseFile, type ImportPreview } from '../../../shared/import/analyse-file';
import { buildDataset, type ImportResult } from '../../../shared/import/build-dataset';
import { toCsv, toXlsx, type CsvOptions, type Sheet } from './sheet';

export interface Imported {
  preview: ImportPreview;
  data: ImportResult;
}

export async function importBytes(name: string, bytes: Uint8Array): Promise<Imported> {
  const preview = await analyseFile({ name, bytes });
  expect(preview.errors).toEqual([]);
  return { preview, data: buildDataset(preview, preview.mapping, { publisher: 'test' }) };
}

/** The sheet imported as Swedish Excel's CSV and as the workbook. */
export async function importBoth(sheet: Sheet, csv: CsvOptions = {}): Promise<{ csv: Imported; xlsx: Imported }> {
  return {
    csv: await importBytes(`${sheet.name}.csv`, toCsv(sheet, csv)),
    xlsx: await importBytes(`${sheet.name}.xlsx`, toXlsx([sheet])),
  };
}

/** Everything of the datasets that describes the data rather than the file it came in. */
export function essence(result: ImportResult): unknown[] {
  return result.measures.map((m) => ({
    key: m.key,
    name: m.name,
    kind: m.spec.kind,
    unit: m.spec.unit ?? null,
    ratePer: m.spec.ratePer ?? null,
    basis: m.dataset.basis,
    dimensions: m.dataset.dimensions,
    cellCount: m.dataset.cellCount,
    columns: m.dataset.columns.map((c) => [...c]),
    low: [...m.dataset.low],
    point: [...m.dataset.point],
    high: [...m.dataset.high],
    masked: [...m.dataset.masked],
    maskTokens: m.dataset.provenance.maskTokens,
    period: [m.dataset.provenance.periodFrom, m.dataset.provenance.periodTo],
  }));
}

/** Each column's role as the preview proposes it: a dimension role, a measure's kind, "measure-name" or "ignore". */
export function roles(preview: ImportPreview): string[] {
  return preview.columns.map((c) => (c.mapping.kind === 'dimension' ? c.mapping.role : c.mapping.kind === 'measure' ? c.mapping.spec.kind : c.mapping.kind));
}
