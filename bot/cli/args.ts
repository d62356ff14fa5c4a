// Command-line options for the npm scripts: node's parseArgs, plus `--help` (the script's usage, exit 0) and a clear
// one-line answer with the usage for an unknown or malformed option (exit 2) instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<T extends Options>(options: T, usage: string, allowPositionals = false): ReturnType<typeof parseArgs<{ options: T; allowPositionals: boolean }>> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
  try {
    return parseArgs({ options, allowPositionals });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage.trim()}`);
    process.exit(2);
  }
}

/** A usage text from its lines (one command line each). */
export const usageOf = (...lines: string[]): string => `Usage:\n${lines.map((l) => `  ${l}`).join('\n')}`;
