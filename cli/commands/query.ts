/**
 * `antal query FILE [--measure NAME] [--region R] [--sex S] [--age A-B|A+] [--code ICD10] [--period P]
 * [--where COLUMN=VALUE]... [--json]`: one number from an imported file, as {low, point, high, source,
 * cells, masked}. A published total that matches the filters is preferred; the sum of the finest cells
 * is shown beside it. Exit 0 on an answer, 1 when the file has errors or the question cannot be
 * answered (e.g. a sum of a rate), 2 on a usage error.
 */
import { importFile } from '../../shared/import/import-file';
import { queryDataset, QueryError, type QueryFilters } from '../../shared/import/query-dataset';
import { formatProblem, ImportRefusedError } from '../../shared/import/problems';
import { fillTemplate, renderPhrase } from '../../shared/import/phrases';
import type { Language } from '../../shared/text/language';
import { phrasesFor, UsageError, type CommandIo } from '../inputs';
import { openImportCommand, type CommandValues } from './inspect';

const ANSWER_EN = {
  publishedTotal: 'published total',
  sum: 'sum of {{cells}} cells',
  masked: ', {{masked}} masked',
  finest: '  sum of the {{cells}} finest cells: {{value}}',
  note: '  note: {{text}}',
  more: '… and {{n}} more errors',
  error: 'error [{{code}}]: {{text}}',
};
const ANSWER_SV: typeof ANSWER_EN = {
  publishedTotal: 'publicerad total',
  sum: 'summa av {{cells}} celler',
  masked: ', {{masked}} maskerade',
  finest: '  summa av de {{cells}} finaste cellerna: {{value}}',
  note: '  obs: {{text}}',
  more: '… och {{n}} fel till',
  error: 'fel [{{code}}]: {{text}}',
};

function answerText(language: Language, key: keyof typeof ANSWER_EN, values: Record<string, string | number> = {}): string {
  return fillTemplate((language === 'sv' ? ANSWER_SV : ANSWER_EN)[key], Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
}

const QUERY_USAGE = 'usage: antal query FILE [--measure NAME] [--region R] [--sex S] [--age A-B|A+] [--code ICD10-PREFIX-OR-RANGE] [--period P] [--where COLUMN=VALUE]... [--json] [--sheet NAME] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...] [--lang sv|en]\n';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

const QUERY_OPTIONS = {
  measure: { type: 'string' },
  region: { type: 'string' },
  sex: { type: 'string' },
  age: { type: 'string' },
  code: { type: 'string' },
  period: { type: 'string' },
  where: { type: 'string', multiple: true },
} as const;

/** The filters of a query's arguments; a malformed --where is a usage error. */
function filtersFrom(values: CommandValues<typeof QUERY_OPTIONS>): QueryFilters {
  const filters: QueryFilters = {};
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
  return filters;
}

export async function runQuery(argv: string[], io: CommandIo): Promise<number> {
  const opened = openImportCommand(argv, QUERY_OPTIONS, QUERY_USAGE, io, filtersFrom);
  if (typeof opened === 'number') return opened;
  const { values, path, bytes, options, language } = opened;
  const filters = filtersFrom(values);
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
      const say = (key: keyof typeof ANSWER_EN, v: Record<string, string | number> = {}): string => answerText(language, key, v);
      const source = r.source === 'published-total' ? say('publishedTotal') : say('sum', { cells: r.cells });
      io.stdout(`${r.measure}: ${range} — ${source}${r.masked ? say('masked', { masked: r.masked }) : ''}\n`);
      if (r.sum) io.stdout(`${say('finest', { cells: r.sum.cells, value: r.sum.low === r.sum.high ? fmt(r.sum.point) : `${fmt(r.sum.point)} (${fmt(r.sum.low)}–${fmt(r.sum.high)})` })}\n`);
      for (const n of r.notes) io.stdout(`${say('note', { text: renderPhrase(n, phrasesFor(language)) })}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportRefusedError) {
      for (const e of error.errors.slice(0, 50)) io.stderr(`${formatProblem(e, phrasesFor(language))}\n`);
      const more = error.errors.length + error.omitted - 50;
      if (more > 0) io.stderr(`${answerText(language, 'more', { n: more })}\n`);
      return 1;
    }
    if (error instanceof QueryError) {
      io.stderr(`${answerText(language, 'error', { code: error.code, text: renderPhrase(error.what, phrasesFor(language)) })}\n`);
      return 1;
    }
    throw error;
  }
}
