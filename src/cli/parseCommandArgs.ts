// The argument handling every subcommand shares: parse, answer --help, report a bad option.
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What `parseArgs` returns for a command's options (named, so the package's .d.ts can say it). */
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * Parses `lesson <command>` arguments (positionals allowed, `--help`/`-h` added). Prints the usage
 * and returns the exit code (0 for --help, 1 for a bad option) when the command should stop there.
 */
export function parseCommandArgs<O extends Options>(command: string, usage: string, args: string[], options: O): ParsedCommandArgs<O> | number {
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: "boolean", short: "h" } } as O });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(usage);
      return 0;
    }
    return parsed;
  } catch (error) {
    console.error(`lesson ${command}: ${(error as Error).message}\n\n${usage}`);
    return 1;
  }
}
