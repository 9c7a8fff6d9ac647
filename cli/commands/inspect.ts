/**
 * `antal inspect FILE [--sheet NAME] [--json] [--full]`: how the importer reads a file (encoding, dialect,
 * layout, column roles with evidence, measures, totals, masked cells, notes, warnings and errors), without
 * importing anything. Exit 0 when the file would import, 1 when it has errors, 2 on a usage error.
 *
 * A large file is previewed from its first rows (as the app does); its errors are still those of every
 * row, because the whole file is then read once the way an import reads it. `--full` analyses every row
 * in detail instead (slower; totals and masked cells then count the whole file).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyseFile, type AnalyseOptions, type ImportPreview } from '../../shared/import/analyse-file';
import { importFile } from '../../shared/import/import-file';
import { formatProblem, ImportRefusedError, type ImportProblem, type ProblemCode } from '../../shared/import/problems';
import type { MeasureSpec } from '../../shared/import/measure-kind';
import { fillTemplate, renderPhrase } from '../../shared/import/phrases';
import type { Language } from '../../shared/text/language';
import { analyseOptionsFrom, IMPORT_OPTIONS, languageFrom, phrasesFor, type CommandIo } from '../inputs';

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

const REPORT_EN = {
  file: 'File: {{name}} ({{size}} bytes, {{format}})',
  previewChecked: 'Preview: the first {{records}} lines analysed in detail (--full for all); every row read for errors{{rows}}',
  previewRows: ': {{rows}} data rows',
  previewAbout: 'Preview: the first {{records}} lines analysed in detail (--full for all); about {{rows}} data rows',
  encoding: 'Encoding: {{name}} ({{evidence}})',
  sheet: 'Sheet: {{name}} (sheets: {{names}})',
  dialect: 'Dialect: delimiter {{delimiter}}, quote {{quote}}, {{evidence}}',
  layout: 'Layout: {{kind}}, {{headerRows}} header row(s), {{rows}} data rows, {{blank}} blank line(s)',
  long: 'long',
  wide: 'wide',
  unpivoted: '  unpivoted {{measure}} over {{role}}: {{columns}}{{total}}',
  totalColumn: ' (total column "{{column}}")',
  columns: 'Columns:',
  dimension: 'dimension {{role}} (key {{key}})',
  measure: 'measure "{{name}}" [{{kind}}]{{members}}',
  membersFor: ' for {{members}}',
  ignored: 'ignored',
  measureNames: 'the measure of each row, by name: {{names}}',
  noHeader: '(no header)',
  measures: 'Measures: {{list}}',
  totals: 'Totals: {{list}}',
  none: 'none',
  total: '{{dimension}}={{value}} ({{cells}} cells)',
  masked: 'Masked cells: {{masked}}; zero tokens: {{zero}}',
  tokenNote: 'Token "{{token}}": {{because}}',
  note: 'Note line {{line}} ({{kind}}): {{text}}',
  warnings: 'Warnings: {{n}}',
  errors: 'Errors: {{n}}',
  more: '  … and {{n}} more',
};

const REPORT_SV: typeof REPORT_EN = {
  file: 'Fil: {{name}} ({{size}} byte, {{format}})',
  previewChecked: 'Förhandsgranskning: de första {{records}} raderna analyserade i detalj (--full för alla); varje rad läst efter fel{{rows}}',
  previewRows: ': {{rows}} datarader',
  previewAbout: 'Förhandsgranskning: de första {{records}} raderna analyserade i detalj (--full för alla); cirka {{rows}} datarader',
  encoding: 'Teckenkodning: {{name}} ({{evidence}})',
  sheet: 'Blad: {{name}} (blad: {{names}})',
  dialect: 'Dialekt: avgränsare {{delimiter}}, citattecken {{quote}}, {{evidence}}',
  layout: 'Layout: {{kind}}, {{headerRows}} rubrikrad(er), {{rows}} datarader, {{blank}} tomma rader',
  long: 'lång',
  wide: 'bred',
  unpivoted: '  {{measure}} utspritt över {{role}}: {{columns}}{{total}}',
  totalColumn: ' (totalkolumn ”{{column}}”)',
  columns: 'Kolumner:',
  dimension: 'dimension {{role}} (nyckel {{key}})',
  measure: 'mått ”{{name}}” [{{kind}}]{{members}}',
  membersFor: ' för {{members}}',
  ignored: 'används inte',
  measureNames: 'varje rads mått, med namn: {{names}}',
  noHeader: '(ingen rubrik)',
  measures: 'Mått: {{list}}',
  totals: 'Totaler: {{list}}',
  none: 'inga',
  total: '{{dimension}}={{value}} ({{cells}} celler)',
  masked: 'Maskerade celler: {{masked}}; nolltecken: {{zero}}',
  tokenNote: 'Tecknet ”{{token}}”: {{because}}',
  note: 'Anteckning rad {{line}} ({{kind}}): {{text}}',
  warnings: 'Varningar: {{n}}',
  errors: 'Fel: {{n}}',
  more: '  … och {{n}} till',
};

/**
 * The words for roles, kinds, units and total values. In English they are the names --json and study files use; in
 * Swedish the report says them in Swedish (the column's key, which a study file names, stays as it is).
 */
const WORDS_EN = {
  region: 'region', code: 'code', sex: 'sex', age: 'age', period: 'period', extra: 'extra',
  count: 'count', rate: 'rate', population: 'population', other: 'other', persons: 'persons', events: 'events', per: 'per',
  national: 'national', all: 'all', unknown: 'unknown', title: 'title', footer: 'footer', note: 'note',
} as const;
const WORDS_SV: Record<keyof typeof WORDS_EN, string> = {
  region: 'region', code: 'diagnoskod', sex: 'kön', age: 'ålder', period: 'period', extra: 'övrig',
  count: 'antal', rate: 'takt', population: 'befolkning', other: 'annat', persons: 'personer', events: 'händelser', per: 'per',
  national: 'riket', all: 'alla', unknown: 'okänd', title: 'rubrik', footer: 'fotnot', note: 'anteckning',
};
type Words = Record<keyof typeof WORDS_EN, string>;
const word = (words: Words, key: string): string => (key in words ? words[key as keyof Words] : key);

/** A measure's kind as the report names it: "count persons", "rate events per 100000" ("antal personer" in Swedish). */
const kindText = (spec: MeasureSpec, words: Words = WORDS_EN): string =>
  `${word(words, spec.kind)}${spec.unit ? ` ${word(words, spec.unit)}` : ''}${spec.ratePer ? ` ${words.per} ${spec.ratePer}` : ''}`;

/** `inspect`'s report in the given language (numbers as plain digits; in English, roles and kinds as --json names them). */
export function describePreview(p: ImportPreview, whole?: WholeFileCheck, language: Language = 'en'): string {
  const words = language === 'sv' ? REPORT_SV : REPORT_EN;
  const terms: Words = language === 'sv' ? WORDS_SV : WORDS_EN;
  const phrases = phrasesFor(language);
  const say = (key: keyof typeof REPORT_EN, values: Record<string, string | number> = {}): string =>
    fillTemplate(words[key], Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  const lines: string[] = [say('file', { name: p.file.name, size: p.file.size, format: p.format })];
  if (!p.sample.complete) {
    lines.push(whole
      ? say('previewChecked', { records: p.sample.records, rows: whole.rows !== null ? say('previewRows', { rows: whole.rows }) : '' })
      : say('previewAbout', { records: p.sample.records, rows: p.sample.estimatedRows }));
  }
  if (p.encoding) lines.push(say('encoding', { name: p.encoding.name, evidence: renderPhrase(p.encoding.because, phrases) }));
  if (p.sheet) lines.push(say('sheet', { name: p.sheet.name, names: p.sheet.names.join(', ') }));
  if (p.dialect) {
    const delimiter = p.dialect.delimiter === '\t' ? renderPhrase({ key: 'tab' }, phrases) : `"${p.dialect.delimiter}"`;
    const evidence = p.dialect.because ? renderPhrase(p.dialect.because, phrases) : p.dialect.evidence;
    lines.push(say('dialect', { delimiter, quote: p.dialect.quoteChar, evidence }));
  }
  if (p.layout) {
    lines.push(say('layout', { kind: say(p.layout.kind), headerRows: p.layout.headerRows, rows: p.table.body.length, blank: p.table.blankLines }));
    for (const u of p.layout.unpivoted) {
      lines.push(say('unpivoted', { measure: u.measure, role: word(terms, u.role), columns: u.columns.join(', '), total: u.totalColumn ? say('totalColumn', { column: u.totalColumn }) : '' }));
    }
  }
  if (p.columns.length > 0) lines.push(say('columns'));
  for (const c of p.columns) {
    const m = c.mapping;
    const role = m.kind === 'dimension' ? say('dimension', { role: word(terms, m.role), key: m.key })
      : m.kind === 'measure' ? say('measure', {
        name: m.name,
        kind: kindText(m.spec, terms),
        members: m.members.length ? say('membersFor', { members: m.members.map((x) => `${word(terms, x.role)}=${x.value}`).join(', ') }) : '',
      })
        : m.kind === 'measure-name' ? say('measureNames', { names: Object.entries(m.specs).map(([name, spec]) => `"${name}" [${kindText(spec, terms)}]`).join(', ') })
          : say('ignored');
    lines.push(`  ${c.column}. ${c.header || say('noHeader')}: ${role}`);
    for (const e of c.reasons) lines.push(`       ${renderPhrase(e, phrases)}`);
  }
  const named = p.columns.flatMap((c) => (c.mapping.kind === 'measure-name' ? Object.entries(c.mapping.specs).map(([name, spec]) => `${name} [${word(terms, spec.kind)}]`) : []));
  const measures = named.length > 0 ? named : [...new Set(p.columns.flatMap((c) => (c.mapping.kind === 'measure' ? [`${c.mapping.name} [${word(terms, c.mapping.spec.kind)}]`] : [])))];
  if (measures.length > 0) lines.push(say('measures', { list: measures.join('; ') }));
  lines.push(say('totals', { list: p.totals.length === 0 ? say('none') : p.totals.map((t) => say('total', { dimension: word(terms, t.dimension), value: word(terms, t.value), cells: t.cells })).join(', ') }));
  lines.push(say('masked', { masked: p.maskedCells, zero: p.zeroTokenCells }));
  for (const t of p.tokenNotes ?? []) lines.push(say('tokenNote', { token: t.token, because: renderPhrase(t.because, phrases) }));
  for (const n of p.notes) lines.push(say('note', { line: n.line, kind: word(terms, n.kind), text: n.text }));
  const warnings = whole?.warnings ?? p.warnings;
  const errors = whole?.errors ?? p.errors;
  lines.push(say('warnings', { n: warnings.length }));
  for (const w of warnings.slice(0, 50)) lines.push(`  ${formatProblem(w, phrases)}`);
  lines.push(say('errors', { n: errors.length }));
  for (const e of errors.slice(0, 100)) lines.push(`  ${formatProblem(e, phrases)}`);
  if (errors.length > 100) lines.push(say('more', { n: errors.length - 100 }));
  return `${lines.join('\n')}\n`;
}

const INSPECT_USAGE = 'usage: antal inspect FILE [--sheet NAME] [--json] [--full] [--lang sv|en] [--encoding utf-8|windows-1252|utf-16le|utf-16be] [--delimiter ";"|","|tab|"|"] [--mask TOKEN=LOW-HIGH]... [--exclude LINE,...]\n';

/** The import options plus a command's own, as parseArgs reads them. */
type CommandConfig<O> = { args: string[]; options: typeof IMPORT_OPTIONS & O; allowPositionals: true; strict: true };
export type CommandValues<O extends ParseArgsConfig['options']> = ReturnType<typeof parseArgs<CommandConfig<O>>>['values'];

export interface OpenedImportCommand<O extends ParseArgsConfig['options']> {
  values: CommandValues<O>;
  path: string;
  bytes: Uint8Array;
  options: AnalyseOptions;
  language: Language;
}

/**
 * What `inspect` and `query` share: their arguments (one FILE, the import options, the command's own options,
 * `check` for the command's own rules), the help, and the file read. An exit code when the command ends here:
 * 0 after --help, 2 on a usage error, 1 when the file cannot be read.
 */
export function openImportCommand<O extends ParseArgsConfig['options']>(
  argv: string[],
  extra: O,
  usage: string,
  io: CommandIo,
  check: (values: CommandValues<O>) => void = () => undefined,
): OpenedImportCommand<O> | number {
  let parsed;
  try {
    parsed = parseArgs<CommandConfig<O>>({ args: argv, options: { ...IMPORT_OPTIONS, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { positionals } = parsed;
  // The shared options, read without the command's own (TypeScript cannot narrow parseArgs' result for a generic O).
  const values = parsed.values as CommandValues<O> & Parameters<typeof analyseOptionsFrom>[0] & { help?: boolean; lang?: string };
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(usage);
    return 2;
  }
  let options: AnalyseOptions;
  let language: Language;
  try {
    options = analyseOptionsFrom(values);
    language = languageFrom(values);
    check(values);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const path = positionals[0]!;
  try {
    return { values, path, bytes: io.readFile(path), options, language };
  } catch (error) {
    io.stderr(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export async function runInspect(argv: string[], io: CommandIo): Promise<number> {
  const opened = openImportCommand(argv, { full: { type: 'boolean', default: false } } as const, INSPECT_USAGE, io);
  if (typeof opened === 'number') return opened;
  const { values, path, bytes, options, language } = opened;
  const preview = await analyseFile({ name: path, bytes }, values.full ? { ...options, previewRows: 'all' } : options);
  const whole = preview.sample.complete || preview.table.width === 0 ? undefined : await checkWholeFile(path, bytes, preview, options);
  if (values.json) {
    const json = whole ? { ...previewForJson(preview), errors: whole.errors, warnings: whole.warnings, dataRows: whole.rows } : previewForJson(preview);
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(describePreview(preview, whole, language));
  }
  return (whole?.errors ?? preview.errors).length > 0 ? 1 : 0;
}
