/**
 * The `antal` command line: argument parsing, dispatch and exit codes (0 ok, 1 runtime error, 2 usage
 * error). All numbers come from shared/; this file only reads flags and prints. Errors go to stderr.
 */
import { readFileSync } from 'node:fs';
import { runDemo } from '../shared/demo/run-demo';
import { translator, type Translate } from './i18n';
import { demoToJSON, renderDemo } from './demo';
import { runInspect } from './commands/inspect';
import { runQuery } from './commands/query';
import { runValues } from './commands/values';
import { runEstimate } from './commands/estimate';
import { runLetter } from './commands/letter';
import { runAnswer } from './commands/answer';
import { runVerify } from './commands/verify';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../shared/text/language';

export const EXIT_OK = 0;
export const EXIT_RUNTIME_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The working directory of the command. */
  cwd: string;
}

const COMMANDS = ['demo'] as const;
type Command = (typeof COMMANDS)[number];

interface ParsedArgs {
  command: Command | null;
  help: boolean;
  version: boolean;
  json: boolean;
  language: Language;
}

/** A usage error: the message is already translated. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[], t: () => Translate): ParsedArgs {
  const parsed: ParsedArgs = { command: null, help: false, version: false, json: false, language: DEFAULT_LANGUAGE };
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
        if (!isLanguage(v)) throw new UsageError(t()('badLanguage', { value: v }));
        parsed.language = v;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(t()('unknownFlag', { flag }));
        if (parsed.command !== null) throw new UsageError(t()('unknownCommand', { command: flag }));
        if (!(COMMANDS as readonly string[]).includes(flag)) throw new UsageError(t()('unknownCommand', { command: flag }));
        parsed.command = flag as Command;
    }
  }
  const allowed: Record<Command, string[]> = { demo: ['--json'] };
  if (parsed.command) {
    const wrong = flagsSeen.find((f) => !allowed[parsed.command!].includes(f));
    if (wrong) throw new UsageError(t()('flagNotForCommand', { flag: wrong, command: parsed.command }));
  }
  return parsed;
}

/** The --lang value if given and valid, for translating usage errors found before parsing finishes. */
function languageFromArgv(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const candidate = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (candidate !== undefined && isLanguage(candidate)) return candidate;
  }
  return DEFAULT_LANGUAGE;
}

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof json.version !== 'string') throw new Error('package.json has no version');
  return json.version;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The import commands parse their own flags (they share the importer's options).
  const fileIo = { stdout: io.stdout, stderr: io.stderr, readFile: (path: string) => new Uint8Array(readFileSync(path)) };
  if (argv[0] === 'inspect') return runInspect(argv.slice(1), fileIo);
  if (argv[0] === 'query') return runQuery(argv.slice(1), fileIo);
  if (argv[0] === 'values') return runValues(argv.slice(1), fileIo);
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
    }
  } catch (error) {
    io.stderr(`${t('runtimeError', { message: error instanceof Error ? error.message : String(error) })}\n`);
    return EXIT_RUNTIME_ERROR;
  }
}
