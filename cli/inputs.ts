/**
 * What every `antal` command reads the same way, in one place: the I/O it is given (`CommandIo`), strict
 * argument parsing with usage on --help and on errors, the import options every command that reads a counts
 * file shares, a study file (one decoding: strict UTF-8, a byte-order mark allowed, then the study schema and
 * its migration), the answer's inputs (study, count files, age-share table, Halland rule), the moment a
 * document is dated (`--date`, else SOURCE_DATE_EPOCH, else the clock) and atomic file writes.
 *
 * `estimate`, `letter` and `answer export` all load their inputs with `loadAnswerInputs` and compute the answer
 * with the core's one `computeAnswer`, so they cannot disagree.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AnswerBlockedError } from '../shared/answer/blocked';
import { fixLabel, problemMessage } from '../shared/answer/describe';
import type { DatasetProvenanceRecord } from '../shared/answer/snapshot';
import type { Basis, Dataset } from '../shared/counts/dataset';
import type { Study } from '../shared/criteria/study';
import { parseStudyFile } from '../shared/criteria/study-schema';
import type { AnalyseOptions } from '../shared/import/analyse-file';
import { analyseFile } from '../shared/import/analyse-file';
import { buildDataset, type MeasureDataset } from '../shared/import/build-dataset';
import type { EncodingOverride } from '../shared/import/decode-bytes';
import type { PhraseTable } from '../shared/import/phrases';
import { PHRASES_EN } from '../shared/import/phrases.en';
import { PHRASES_SV } from '../shared/import/phrases.sv';
import { formatProblem, ImportRefusedError, type ImportProblem } from '../shared/import/problems';
import { QueryError, selectMeasure } from '../shared/import/query-dataset';
import type { Delimiter } from '../shared/import/sniff-dialect';
import type { MaskMeaning } from '../shared/import/value-tokens';
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../shared/regions/regions';
import { parseHallandOption } from './commands/halland-option';
import { DEFAULT_LANGUAGE, type Language } from '../shared/text/language';
import { parsePeriod, periodSpan } from '../shared/utils/period';

/** What a command may do to the outside world; injected so tests run commands in memory. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
  /** Writes a file atomically; defaults to a temporary file beside the target, then a rename. */
  writeFileAtomic?(path: string, bytes: Uint8Array): void;
  /** The process environment (SOURCE_DATE_EPOCH); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** The clock; defaults to the system clock. */
  now?(): Date;
}

/** The problems that keep an answer from being sent, in the report's language (one line each, the fixes below). */
export function blockedLines(error: AnswerBlockedError, language: Language): string[] {
  const head = language === 'sv' ? 'Svaret kan inte skickas: det har inga siffror förrän detta är löst.' : 'The answer cannot be sent: it has no figures until this is resolved.';
  const fix = language === 'sv' ? 'Åtgärd' : 'Fix';
  return [head, ...error.problems.flatMap((p) => [`- ${problemMessage(p, language)}`, ...p.fixes.map((f) => `    ${fix}: ${fixLabel(f, language)}`)])];
}

/** A usage error: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** An input that is wrong (unreadable file, import errors, invalid study): printed as is, exit 1. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Arguments

type Options = NonNullable<ParseArgsConfig['options']>;
type Config<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };
export type ParsedValues<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>['values'];

export interface CommandArgs<O extends Options> {
  values: ParsedValues<O>;
  positionals: string[];
  /** Prints `message` and the usage on stderr; returns exit code 2. */
  usage(message: string): number;
}

/** The parsed arguments, or the exit code when the command ends here (0 after --help, 2 on a usage error). */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  usageText: string,
  io: Pick<CommandIo, 'stdout' | 'stderr'>,
  { positionals: allowPositionals }: { positionals: boolean },
): CommandArgs<O> | number {
  const usage = (message: string): number => {
    io.stderr(`${message}\n${usageText}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs<Config<O>>({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usageText);
    return 0;
  }
  const [unexpected] = parsed.positionals;
  if (!allowPositionals && unexpected !== undefined) return usage(`Unexpected argument '${unexpected}'. This command does not take positional arguments`);
  return { values: parsed.values, positionals: parsed.positionals, usage };
}

/** Options every import command shares: how to read the file and what its tokens mean. */
export const IMPORT_OPTIONS = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  mask: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The options of the commands that compute an answer from a study and count files (estimate, letter, answer export). */
export const ANSWER_INPUT_OPTIONS = {
  ...IMPORT_OPTIONS,
  study: { type: 'string' },
  data: { type: 'string', multiple: true },
  measure: { type: 'string' },
  population: { type: 'string' },
  kind: { type: 'string' },
  'region-basis': { type: 'string' },
  'data-period': { type: 'string' },
  halland: { type: 'string' },
} as const;

/** The report's language: `--lang sv|en`, Swedish by default like the rest of the CLI. */
export function languageFrom(values: { lang?: string }): Language {
  if (values.lang === undefined) return DEFAULT_LANGUAGE;
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError(`--lang must be sv or en, got "${values.lang}"`);
  return values.lang;
}

/** The importer's phrases (reasons, problems) in the report's language. */
export const phrasesFor = (language: Language): PhraseTable => (language === 'sv' ? PHRASES_SV : PHRASES_EN);

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

// ---------------------------------------------------------------------------------------------------------
// Files

/** A file's bytes, or an InputError naming it. */
export function readBytes(path: string, io: CommandIo): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new InputError([`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** A text file: strict UTF-8 (a byte-order mark is dropped), or an InputError naming it. */
export function readText(path: string, io: CommandIo): string {
  const bytes = readBytes(path, io);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError([`${path}: not UTF-8 text`]);
  }
}

/** A JSON file (`what` names it in errors: "unit profile", "request", …). */
export function readJsonFile(path: string, io: CommandIo, what: string): unknown {
  const source = readText(path, io);
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new InputError([`${path}: the ${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
}

const STUDY_TEXT: Record<Language, { invalid: string; notUtf8: string; theStudy: string }> = {
  sv: { invalid: '{file}: studiefilen har fel:', notUtf8: 'inte UTF-8-text', theStudy: '(studien)' },
  en: { invalid: '{file}: the study file has errors:', notUtf8: 'not UTF-8 text', theStudy: '(the study)' },
};

/** A study file: UTF-8 JSON, checked for shape and meaning; every issue named with its path. */
export function readStudyFile(path: string, io: CommandIo, language: Language): Study {
  const text = STUDY_TEXT[language];
  const heading = text.invalid.replace('{file}', path);
  const bytes = readBytes(path, io);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([heading, `  ${text.theStudy}: ${text.notUtf8}`]);
  }
  const parsed = parseStudyFile(source);
  if (!parsed.ok) throw new InputError([heading, ...parsed.issues.map((i) => `  ${i.path === '' ? text.theStudy : i.path}: ${i.message}`)]);
  return parsed.study;
}

/** Writes `bytes` to `path` through a temporary file beside it and a rename: a reader never sees half a file. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes through the injected writer when there is one. */
export const writeOutput = (io: CommandIo, path: string, bytes: Uint8Array): void => (io.writeFileAtomic ?? writeFileAtomic)(path, bytes);

// ---------------------------------------------------------------------------------------------------------
// The moment a document is dated

export interface CommandMoment {
  /** ISO instant (UTC). */
  createdAt: string;
  /** YYYY-MM-DD. */
  day: string;
}

/**
 * `--date` (midnight UTC of that day), else SOURCE_DATE_EPOCH (the reproducible-builds convention), else the
 * clock: `wholeDay` takes midnight UTC of today, so that a day's runs agree byte for byte; otherwise the instant.
 */
export function commandMoment(date: string | undefined, io: CommandIo, { wholeDay }: { wholeDay: boolean }): CommandMoment {
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new UsageError(`--date must be a date YYYY-MM-DD, got "${date}"`);
    }
    return { createdAt: `${date}T00:00:00.000Z`, day: date };
  }
  const epoch = (io.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    const at = new Date(Number(epoch) * 1000).toISOString();
    return { createdAt: at, day: at.slice(0, 10) };
  }
  const now = (io.now ? io.now() : new Date()).toISOString();
  return wholeDay ? { createdAt: `${now.slice(0, 10)}T00:00:00.000Z`, day: now.slice(0, 10) } : { createdAt: now, day: now.slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------------------
// The answer's inputs

/** A count file read for an answer: the dataset and what the reports say about it. */
export interface LoadedDataset {
  file: string;
  /** The measure (column) of the file the dataset holds. */
  measure: string;
  dataset: Dataset;
  /** True when the counts' kind (incident/prevalent) was not stated and the study's was assumed. */
  kindAssumed: boolean;
  maskedCells: number;
}

export interface AnswerInputs {
  study: Study;
  datasets: LoadedDataset[];
  /** The table straddling age bands are shared by (`--population`), if given. */
  ageShareTable?: LoadedDataset;
  hallandRule: HallandRule;
}

/** The answer-input flags as parsed (see ANSWER_INPUT_OPTIONS). */
export interface AnswerInputValues {
  study?: string;
  data?: string[];
  measure?: string;
  population?: string;
  kind?: string;
  'region-basis'?: string;
  'data-period'?: string;
  halland?: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  mask?: string[];
  exclude?: string[];
}

const IMPORT_TEXT: Record<Language, { refused: string; more: string }> = {
  sv: { refused: '{file}: filen kan inte importeras ({count} fel):', more: '  … och {count} till' },
  en: { refused: '{file}: the file cannot be imported ({count} errors):', more: '  … and {count} more' },
};

/** Checks the answer-input flags that need no file (a usage error otherwise). */
export function checkAnswerInputFlags(values: AnswerInputValues): void {
  if (!values.study) throw new UsageError('--study STUDY.json is required');
  if (!values.data || values.data.length === 0) throw new UsageError('at least one --data FILE is required');
  if (values.kind !== undefined && values.kind !== 'incident' && values.kind !== 'prevalent') throw new UsageError(`--kind must be incident or prevalent, got "${values.kind}"`);
  const regionBasis = values['region-basis'];
  if (regionBasis !== undefined && regionBasis !== 'residence' && regionBasis !== 'care') throw new UsageError(`--region-basis must be residence or care, got "${regionBasis}"`);
  analyseOptionsFrom(values);
  if (values['data-period'] !== undefined) dataPeriodFrom(values['data-period']);
  if (values.halland !== undefined) {
    try {
      parseHallandOption(values.halland);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
}

/**
 * `--data-period 2021` or `--data-period 2019..2021`: the period counted by files that name none (no period
 * column, none in their headers or title). Each end is a period label as data writes them (year, quarter, month).
 */
export function dataPeriodFrom(text: string): { periodFrom: string; periodTo: string } {
  const [from = '', to = from, ...rest] = text.split('..').map((s) => s.trim());
  const start = parsePeriod(from);
  const end = parsePeriod(to);
  if (rest.length > 0 || !start || !end || end.endDay < start.startDay) {
    throw new UsageError(`--data-period expects a period or FROM..TO (e.g. 2021 or 2019..2021), got "${text}"`);
  }
  return { periodFrom: from, periodTo: to };
}

/**
 * The study, its count files (each through the import pipeline; a file with any import error is refused whole,
 * naming file, line and column), the age-share table and the Halland rule. Counts files rarely say whether they
 * hold incident or prevalent counts: without --kind the study's kind is assumed (and `kindAssumed` says so).
 */
export async function loadAnswerInputs(values: AnswerInputValues, io: CommandIo, language: Language): Promise<AnswerInputs> {
  checkAnswerInputFlags(values);
  const importOptions = analyseOptionsFrom(values);
  const hallandRule = values.halland === undefined ? DEFAULT_HALLAND_RULE : parseHallandOption(values.halland);
  const study = readStudyFile(values.study!, io, language);
  const kind = (values.kind as Basis['kind'] | undefined) ?? study.population.kind;
  const regionBasis = values['region-basis'] as Basis['regionBasis'] | undefined;
  const basis: Partial<Pick<Basis, 'kind' | 'regionBasis'>> = { kind, ...(regionBasis ? { regionBasis } : {}) };
  const phrases = phrasesFor(language);
  const datasets: LoadedDataset[] = [];
  for (const path of values.data!) {
    const measure = await importCounts(path, io, importOptions, values.measure, basis, language, phrases, false, values['data-period']);
    datasets.push(loaded(path, measure, values.kind === undefined));
  }
  const inputs: AnswerInputs = { study, datasets, hallandRule };
  if (values.population) {
    const measure = await importCounts(values.population, io, importOptions, undefined, { kind: 'prevalent' }, language, phrases, true);
    inputs.ageShareTable = loaded(values.population, measure, false);
  }
  return inputs;
}

async function importCounts(
  path: string,
  io: CommandIo,
  importOptions: AnalyseOptions,
  measure: string | undefined,
  basis: Partial<Pick<Basis, 'kind' | 'regionBasis'>>,
  language: Language,
  phrases: PhraseTable,
  wantPopulation: boolean,
  dataPeriod?: string,
): Promise<MeasureDataset> {
  const bytes = readBytes(path, io);
  const text = IMPORT_TEXT[language];
  const refused = (errors: ImportProblem[]): InputError =>
    new InputError([
      text.refused.replace('{file}', path).replace('{count}', String(errors.length)),
      ...errors.slice(0, 50).map((e) => `  ${formatProblem(e, phrases)}`),
      ...(errors.length > 50 ? [text.more.replace('{count}', String(errors.length - 50))] : []),
    ]);
  const preview = await analyseFile({ name: path, bytes }, importOptions);
  if (preview.errors.length > 0) throw refused(preview.errors);
  let imported;
  try {
    imported = buildDataset(preview, preview.mapping, { publisher: path, basis, ...(dataPeriod !== undefined ? dataPeriodFrom(dataPeriod) : {}) });
  } catch (error) {
    if (error instanceof ImportRefusedError) throw refused(error.errors);
    throw error;
  }
  let chosen: MeasureDataset;
  try {
    chosen = wantPopulation && measure === undefined ? (imported.measures.find((m) => m.spec.kind === 'population') ?? selectMeasure(imported)) : selectMeasure(imported, measure);
  } catch (error) {
    if (error instanceof QueryError) throw new InputError([`${path}: ${error.message}`]);
    throw error;
  }
  if (dataPeriod !== undefined && chosen.dataset.dimensions.some((d) => d.role === 'period')) {
    throw new InputError([`${path}: --data-period ${dataPeriod} is for files that name no period, but this file has its own periods (${periodSpan(chosen.dataset.provenance.periodFrom, chosen.dataset.provenance.periodTo)})`]);
  }
  const addable = chosen.spec.kind === 'count' || (wantPopulation && chosen.spec.kind === 'population');
  if (!addable) {
    const names = imported.measures.map((m) => `"${m.name}" [${m.spec.kind}]`).join(', ');
    throw new InputError([`${path}: the measure "${chosen.name}" is a ${chosen.spec.kind}, not a count that can be added up; choose one with --measure (the file has ${names})`]);
  }
  return chosen;
}

function loaded(path: string, measure: MeasureDataset, kindAssumed: boolean): LoadedDataset {
  const d = measure.dataset;
  let masked = 0;
  for (let i = 0; i < d.cellCount; i++) masked += d.masked[i]!;
  return { file: path, measure: measure.name, dataset: d, kindAssumed, maskedCells: masked };
}

/** The provenance a letter or an answer file records for a count file read from disk. */
export function fileProvenance(loadedDataset: LoadedDataset): DatasetProvenanceRecord {
  const d = loadedDataset.dataset;
  const file = basename(loadedDataset.file);
  return {
    id: d.id,
    name: `${file} (${loadedDataset.measure})`,
    publisher: file,
    synthetic: d.provenance.synthetic,
    fileName: file,
    sha256: d.provenance.sha256,
    periodFrom: d.provenance.periodFrom,
    periodTo: d.provenance.periodTo,
    basis: { ...d.basis },
  };
}
