/**
 * The shape of a command of the command line: its name, help, options and what it does.
 */
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './cliContext';

export interface ParsedArguments {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Further lines of help, after the usage. */
  help?: string;
  /** Returns the exit status. */
  run(ctx: CliContext, args: ParsedArguments): number | Promise<number>;
}
