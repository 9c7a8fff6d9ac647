/**
 * The `antal` command line: argument parsing, dispatch and exit codes (0 ok, 1 runtime error, 2 usage
 * error). All numbers come from shared/; this file only reads flags and prints. Errors go to stderr.
 */
import { readFileSync } from 'node:fs';
import { runDemo } from '../shared/demo/run-demo';
import { DEFAULT_CLI_LANGUAGE, isCliLanguage, translator, type CliLanguage, type Translate } from './i18n';
import { demoToJSON, renderDemo } from './demo';
import { BENCH_RUNS, writeBenchResults } from './bench';
import { formatters, renderTable } from './format';
import { runInspect } from './commands/inspect';
import { runQuery } from './commands/query';
import { runEstimate } from './commands/estimate';
import { runLetter } from './commands/letter';
import { runAnswer } from './commands/answer';
import { runVerify } from './commands/verify';
import { runBenchWithDuckDb } from './bench';
import { runImportBench, type ImportBenchResult } from './bench-import';

export const EXIT_OK = 0;
export const EXIT_RUNTIME_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory files such as bench-results.json are written to. */
  cwd: string;
}

const COMMANDS = ['demo', 'bench'] as const;
type Command = (typeof COMMANDS)[number];

interface ParsedArgs {
  command: Command | null;
  help: boolean;
  version: boolean;
  json: boolean;
  language: CliLanguage;
  runs: number;
}

/** A usage error: the message is already translated. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[], t: () => Translate): ParsedArgs {
  const parsed: ParsedArgs = { command: null, help: false, version: false, json: false, language: DEFAULT_CLI_LANGUAGE, runs: BENCH_RUNS };
  const flagsSeen: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inlineValue ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(t()('flagNeedsValue', { flag }));
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        parsed.help = true;
        break;
      case '-V':
      case '--version':
        parsed.version = true;
        break;
      case '--json':
        parsed.json = true;
        flagsSeen.push(flag);
        break;
      case '--lang': {
        const v = value();
        if (!isCliLanguage(v)) throw new UsageError(t()('badLanguage', { value: v }));
        parsed.language = v;
        break;
      }
      case '--runs': {
        const v = value();
        const runs = Number(v);
        if (!/^\d+$/.test(v) || runs < 1 || runs > 10_000) throw new UsageError(t()('badRuns', { value: v }));
        parsed.runs = runs;
        flagsSeen.push(flag);
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(t()('unknownFlag', { flag }));
        if (parsed.command !== null) throw new UsageError(t()('unknownCommand', { command: flag }));
        if (!(COMMANDS as readonly string[]).includes(flag)) throw new UsageError(t()('unknownCommand', { command: flag }));
        parsed.command = flag as Command;
    }
  }
  const allowed: Record<Command, string[]> = { demo: ['--json'], bench: ['--runs'] };
  if (parsed.command) {
    const wrong = flagsSeen.find((f) => !allowed[parsed.command!].includes(f));
    if (wrong) throw new UsageError(t()('flagNotForCommand', { flag: wrong, command: parsed.command }));
  }
  return parsed;
}

/** The --lang value if given and valid, for translating usage errors found before parsing finishes. */
function languageFromArgv(argv: readonly string[]): CliLanguage {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const candidate = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (candidate !== undefined && isCliLanguage(candidate)) return candidate;
  }
  return DEFAULT_CLI_LANGUAGE;
}

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof json.version !== 'string') throw new Error('package.json has no version');
  return json.version;
}

/**
 * `antal bench` (npm run bench): every benchmark the issues ask for, printed as tables and written together to
 * bench-results.json — the estimate against DuckDB on 1M cells, then the 1M-row import against bare PapaParse.
 */
async function runAllBenchmarks(args: ParsedArgs, io: CliIO, t: Translate): Promise<void> {
  const estimate = await runBenchWithDuckDb({ stdout: io.stdout, cwd: io.cwd }, args.language, args.runs);
  const imported = await runImportBench();
  const path = writeBenchResults({ ...estimate, import_1m_rows: imported } as Parameters<typeof writeBenchResults>[0], io.cwd);
  io.stdout(renderImportBench(imported, args.language, t));
  io.stdout(`${t('benchWrote', { path })}\n`);
}

function renderImportBench(r: ImportBenchResult, language: CliLanguage, t: Translate): string {
  const f = formatters(language);
  return [
    '',
    t('importBenchTitle', { rows: f.count(r.rows), mb: f.decimal(r.file_bytes / 1e6, 1) }),
    renderTable(
      [t('benchMeasure'), t('benchValue'), t('benchTarget')],
      [
        [t('importBenchPapa'), `${f.count(r.papaparse_ms)} ms`, ''],
        [t('importBenchFull'), `${f.count(r.import_ms)} ms`, ''],
        [t('importBenchRatio'), f.decimal(r.ratio, 2), '≤ 1,5'.replace(',', language === 'sv' ? ',' : '.')],
        [t('importBenchRowsPerSecond'), f.count(r.rows_per_s), ''],
        [t('importBenchPeak'), `${f.decimal(r.peak_memory_bytes / 1e6, 1)} MB (${f.decimal(r.peak_memory_ratio, 2)} ×)`, '≤ 3 ×'],
        [t('importBenchLoadQuery'), `${f.count(r.load_and_query_ms)} ms`, '< 1 000 ms'.replace('1 000', f.count(1000))],
      ],
    ),
    '',
  ].join('\n');
}


export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The import commands parse their own flags (they share the importer's options).
  const fileIo = { stdout: io.stdout, stderr: io.stderr, readFile: (path: string) => new Uint8Array(readFileSync(path)) };
  if (argv[0] === 'inspect') return runInspect(argv.slice(1), fileIo);
  if (argv[0] === 'query') return runQuery(argv.slice(1), fileIo);
  if (argv[0] === 'estimate') return runEstimate(argv.slice(1), fileIo);
  if (argv[0] === 'letter') return runLetter(argv.slice(1), fileIo);
  if (argv[0] === 'answer') return runAnswer(argv.slice(1), fileIo);
  if (argv[0] === 'verify') return runVerify(argv.slice(1), fileIo);
  const early = languageFromArgv(argv);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, () => translator(early));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE_ERROR;
    }
    throw error;
  }
  const t = translator(args.language);
  try {
    if (args.help) {
      io.stdout(`${t('usage')}\n`);
      return EXIT_OK;
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    switch (args.command) {
      case null:
        io.stderr(`${t('missingCommand')}\n`);
        return EXIT_USAGE_ERROR;
      case 'demo': {
        const result = runDemo();
        io.stdout(args.json ? `${JSON.stringify(demoToJSON(result), null, 2)}\n` : `${renderDemo(result, args.language, t)}\n`);
        return EXIT_OK;
      }
      case 'bench':
        await runAllBenchmarks(args, io, t);
        return EXIT_OK;
    }
  } catch (error) {
    io.stderr(`${t('runtimeError', { message: error instanceof Error ? error.message : String(error) })}\n`);
    return EXIT_RUNTIME_ERROR;
  }
}
