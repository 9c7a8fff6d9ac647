/**
 * `antal query FILE [--measure NAME] [--region R] [--sex S] [--age A-B|A+] [--code ICD10] [--period P]
 * [--where COLUMN=VALUE]... [--json]`: one number from an imported file, as {low, point, high, source,
 * cells, masked}. A published total that matches the filters is preferred; the sum of the finest cells
 * is shown beside it. Exit 0 on an answer, 1 when the file has errors or the question cannot be
 * answered (e.g. a sum of a rate), 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import type { AnalyseOptions } from '../../shared/import/analyse-file';
import { importFile } from '../../shared/import/import-file';
import { queryDataset, QueryError, type QueryFilters } from '../../shared/import/query-dataset';
import { formatProblem, ImportRefusedError } from '../../shared/import/problems';
import { analyseOptionsFrom, IMPORT_OPTIONS, UsageError, type CommandIo } from './inspect';

const QUERY_USAGE = 'usage: antal query FILE [--measure NAME] [--region R] [--sex S] [--age A-B|A+] [--code ICD10-PREFIX-OR-RANGE] [--period P] [--where COLUMN=VALUE]... [--json] [--sheet NAME] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...]\n';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export async function runQuery(argv: string[], io: CommandIo): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        ...IMPORT_OPTIONS,
        measure: { type: 'string' },
        region: { type: 'string' },
        sex: { type: 'string' },
        age: { type: 'string' },
        code: { type: 'string' },
        period: { type: 'string' },
        where: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${QUERY_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(QUERY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(QUERY_USAGE);
    return 2;
  }
  let options: AnalyseOptions;
  const filters: QueryFilters = {};
  try {
    options = analyseOptionsFrom(values);
    for (const key of ['measure', 'region', 'sex', 'age', 'code', 'period'] as const) {
      const v = values[key];
      if (v !== undefined) filters[key] = v;
    }
    if (values.where) {
      filters.where = {};
      for (const w of values.where) {
        const eq = w.indexOf('=');
        if (eq <= 0) throw new UsageError(`--where expects COLUMN=VALUE, got "${w}"`);
        filters.where[w.slice(0, eq)] = w.slice(eq + 1);
      }
    }
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${QUERY_USAGE}`);
    return 2;
  }
  const path = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    io.stderr(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    // Every row is read once, straight into columns; the layout is detected on the first rows.
    const imported = await importFile({ name: path, bytes }, undefined, { publisher: path }, options);
    const r = queryDataset(imported, filters);
    if (values.json) {
      const out: Record<string, unknown> = { low: r.low, point: r.point, high: r.high, source: r.source, cells: r.cells, masked: r.masked };
      if (r.sum) out.sum = r.sum;
      out.measure = r.measure;
      if (r.warnings.length > 0) out.warnings = r.warnings;
      io.stdout(`${JSON.stringify(out)}\n`);
    } else {
      const range = r.low === r.high ? fmt(r.point) : `${fmt(r.point)} (${fmt(r.low)}–${fmt(r.high)})`;
      io.stdout(`${r.measure}: ${range} — ${r.source === 'published-total' ? 'published total' : `sum of ${r.cells} cells`}${r.masked ? `, ${r.masked} masked` : ''}\n`);
      if (r.sum) io.stdout(`  sum of the ${r.sum.cells} finest cells: ${r.sum.low === r.sum.high ? fmt(r.sum.point) : `${fmt(r.sum.point)} (${fmt(r.sum.low)}–${fmt(r.sum.high)})`}\n`);
      for (const w of r.warnings) io.stdout(`  note: ${w}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportRefusedError) {
      for (const e of error.errors.slice(0, 50)) io.stderr(`${formatProblem(e)}\n`);
      if (error.errors.length > 50) io.stderr(`… and ${error.errors.length - 50} more errors\n`);
      return 1;
    }
    if (error instanceof QueryError) {
      io.stderr(`error [${error.code}]: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
