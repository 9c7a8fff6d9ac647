/**
 * What every `antal` verb does with its arguments: parse them strictly, print the verb's usage on --help
 * (exit 0), and on any usage error print the message and the usage on stderr (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIo } from './inspect';

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
