/**
 * `antal inspect FILE [--sheet NAME] [--json] [--full]`: how the importer reads a file (encoding, dialect,
 * layout, column roles with evidence, measures, totals, masked cells, notes, warnings and errors), without
 * importing anything. Exit 0 when the file would import, 1 when it has errors, 2 on a usage error.
 *
 * A large file is previewed from its first rows (as the app does); its errors are still those of every
 * row, because the whole file is then read once the way an import reads it. `--full` analyses every row
 * in detail instead (slower; totals and masked cells then count the whole file).
 */
import { parseArgs } from 'node:util';
import { analyseFile, type AnalyseOptions, type ImportPreview } from '../../shared/import/analyse-file';
import { importFile } from '../../shared/import/import-file';
import { formatProblem, ImportRefusedError, type ImportProblem, type ProblemCode } from '../../shared/import/problems';
import type { MaskMeaning } from '../../shared/import/value-tokens';
import type { Delimiter } from '../../shared/import/sniff-dialect';
import type { EncodingOverride } from '../../shared/import/decode-bytes';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
}

export class UsageError extends Error {}

/** Options every import command shares: how to read the file and what its tokens mean. */
export const IMPORT_OPTIONS = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  mask: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const ENCODINGS: readonly EncodingOverride[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: Record<string, Delimiter> = { ';': ';', ',': ',', tab: '\t', '\t': '\t', '|': '|' };

/** "--mask X=1-3" or "--mask ..=0-4"; the point is the midpoint. */
export function parseMaskOption(text: string): [string, MaskMeaning] {
  const m = /^(.+)=(\d+)-(\d+)$/.exec(text);
  if (!m || Number(m[2]) > Number(m[3])) throw new UsageError(`--mask expects TOKEN=LOW-HIGH (e.g. X=1-3), got "${text}"`);
  const low = Number(m[2]);
  const high = Number(m[3]);
  return [m[1]!, { low, high, point: (low + high) / 2 }];
}

export function analyseOptionsFrom(values: {
  sheet?: string; encoding?: string; delimiter?: string; mask?: string[]; exclude?: string[];
}): AnalyseOptions {
  const options: AnalyseOptions = {};
  if (values.sheet !== undefined) options.sheet = values.sheet;
  if (values.encoding !== undefined) {
    if (!(ENCODINGS as readonly string[]).includes(values.encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}`);
    options.encoding = values.encoding as EncodingOverride;
  }
  if (values.delimiter !== undefined) {
    const d = DELIMITERS[values.delimiter];
    if (!d) throw new UsageError('--delimiter must be ";", ",", "|" or "tab"');
    options.dialect = { delimiter: d };
  }
  if (values.mask) options.maskTokens = Object.fromEntries(values.mask.map(parseMaskOption));
  if (values.exclude) {
    options.excludeLines = values.exclude.flatMap((s) => s.split(',')).map((s) => {
      const n = Number(s.trim());
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--exclude expects line numbers, got "${s}"`);
      return n;
    });
  }
  return options;
}

/** What `--json` prints: the preview without the raw bytes and parsed table. */
export function previewForJson(preview: ImportPreview): Omit<ImportPreview, 'bytes' | 'table'> {
  const { bytes: _bytes, table: _table, ...rest } = preview;
  return rest;
}

/** Problems of the proposed mapping, which only the preview reports; every other kind the whole-file pass finds again. */
const PROPOSAL_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['no-measure', 'duplicate-header', 'measure-kind-assumed', 'ambiguous-number-format']);

export interface WholeFileCheck {
  /** Data rows in the file, or null when it was refused. */
  rows: number | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

/**
 * A preview of the first rows, completed by reading every row once as an import would (nothing is kept):
 * the errors and warnings are then those of the whole file.
 */
export async function checkWholeFile(path: string, bytes: Uint8Array, preview: ImportPreview, options: AnalyseOptions): Promise<WholeFileCheck> {
  const proposal = (list: ImportProblem[]): ImportProblem[] => list.filter((p) => PROPOSAL_CODES.has(p.code));
  try {
    const result = await importFile({ name: path, bytes }, preview.mapping, { publisher: path }, { ...options, previewRows: preview.sample.records });
    return { rows: result.rows, errors: proposal(preview.errors), warnings: [...proposal(preview.warnings), ...result.problems] };
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    return { rows: null, errors: [...proposal(preview.errors), ...error.errors], warnings: [...proposal(preview.warnings), ...error.warnings] };
  }
}

const delimiterName = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);

export function describePreview(p: ImportPreview, whole?: WholeFileCheck): string {
  const lines: string[] = [`File: ${p.file.name} (${p.file.size} bytes, ${p.format})`];
  if (!p.sample.complete) {
    const rows = whole?.rows ?? p.sample.estimatedRows;
    lines.push(`Preview: the first ${p.sample.records} lines analysed in detail (--full for all); ${whole ? `every row read for errors${whole.rows !== null ? `: ${whole.rows} data rows` : ''}` : `about ${rows} data rows`}`);
  }
  if (p.encoding) lines.push(`Encoding: ${p.encoding.name} (${p.encoding.evidence})`);
  if (p.sheet) lines.push(`Sheet: ${p.sheet.name} (sheets: ${p.sheet.names.join(', ')})`);
  if (p.dialect) lines.push(`Dialect: delimiter ${delimiterName(p.dialect.delimiter)}, quote ${p.dialect.quoteChar}, ${p.dialect.evidence}`);
  if (p.layout) {
    lines.push(`Layout: ${p.layout.kind}, ${p.layout.headerRows} header row(s), ${p.table.body.length} data rows, ${p.table.blankLines} blank line(s)`);
    for (const u of p.layout.unpivoted) lines.push(`  unpivoted ${u.measure} over ${u.role}: ${u.columns.join(', ')}${u.totalColumn ? ` (total column "${u.totalColumn}")` : ''}`);
  }
  if (p.columns.length > 0) lines.push('Columns:');
  for (const c of p.columns) {
    const m = c.mapping;
    const role = m.kind === 'dimension' ? `dimension ${m.role} (key ${m.key})`
      : m.kind === 'measure' ? `measure "${m.name}" [${m.spec.kind}${m.spec.unit ? ` ${m.spec.unit}` : ''}${m.spec.ratePer ? ` per ${m.spec.ratePer}` : ''}]${m.members.length ? ` for ${m.members.map((x) => `${x.role}=${x.value}`).join(', ')}` : ''}`
        : 'ignored';
    lines.push(`  ${c.column}. ${c.header || '(no header)'}: ${role}`);
    for (const e of c.evidence) lines.push(`       ${e}`);
  }
  const measures = [...new Set(p.columns.flatMap((c) => (c.mapping.kind === 'measure' ? [`${c.mapping.name} [${c.mapping.spec.kind}]`] : [])))];
  if (measures.length > 0) lines.push(`Measures: ${measures.join('; ')}`);
  lines.push(`Totals: ${p.totals.length === 0 ? 'none' : p.totals.map((t) => `${t.dimension}=${t.value} (${t.cells} cells)`).join(', ')}`);
  lines.push(`Masked cells: ${p.maskedCells}; zero tokens: ${p.zeroTokenCells}`);
  for (const n of p.notes) lines.push(`Note line ${n.line} (${n.kind}): ${n.text}`);
  const warnings = whole?.warnings ?? p.warnings;
  const errors = whole?.errors ?? p.errors;
  lines.push(`Warnings: ${warnings.length}`);
  for (const w of warnings.slice(0, 50)) lines.push(`  ${formatProblem(w)}`);
  lines.push(`Errors: ${errors.length}`);
  for (const e of errors.slice(0, 100)) lines.push(`  ${formatProblem(e)}`);
  if (errors.length > 100) lines.push(`  … and ${errors.length - 100} more`);
  return `${lines.join('\n')}\n`;
}

const INSPECT_USAGE = 'usage: antal inspect FILE [--sheet NAME] [--json] [--full] [--encoding utf-8|windows-1252|utf-16le|utf-16be] [--delimiter ";"|","|tab|"|"] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...]\n';

export async function runInspect(argv: string[], io: CommandIo): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { ...IMPORT_OPTIONS, full: { type: 'boolean', default: false } }, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${INSPECT_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(INSPECT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(INSPECT_USAGE);
    return 2;
  }
  let options: AnalyseOptions;
  try {
    options = analyseOptionsFrom(values);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${INSPECT_USAGE}`);
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
  const preview = await analyseFile({ name: path, bytes }, values.full ? { ...options, previewRows: 'all' } : options);
  const whole = preview.sample.complete || preview.table.width === 0 ? undefined : await checkWholeFile(path, bytes, preview, options);
  if (values.json) {
    const json = whole ? { ...previewForJson(preview), errors: whole.errors, warnings: whole.warnings, dataRows: whole.rows } : previewForJson(preview);
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(describePreview(preview, whole));
  }
  return (whole?.errors ?? preview.errors).length > 0 ? 1 : 0;
}
