/**
 * The `codeboom` command line: a thin front end of the engine. Every failure a user can cause ends in
 * one sentence and a non-zero exit, never a stack trace (set CODEBOOM_DEBUG=1 to see one).
 */
import { parseArgs } from 'node:util';
import { UserError } from '../node/projectFiles';
import { VERSION } from '../version';
import { nodeContext, type CliContext } from './cliContext';
import type { Command, ParsedArguments } from './command';
import { agreementCommand } from './commands/agreement';
import { check } from './commands/check';
import { cooccurrenceCommand } from './commands/cooccurrence';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { lsp } from './commands/lsp';
import { profileCommand } from './commands/profile';
import { report } from './commands/report';
import { retrieveCommand } from './commands/retrieve';
import { segments } from './commands/segments';
import { maxOf } from '../engine/maxOf';

export const commands: Command[] = [initCommand, check, report, segments, retrieveCommand, cooccurrenceCommand, agreementCommand, profileCommand, exportCommand, importCommand, lsp];

export { VERSION };

function usage(): string {
  const width = maxOf(commands.map((c) => c.name.length));
  return [
    'Codeboom: qualitative coding of interview transcripts.',
    '',
    'Usage: codeboom <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'codeboom <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [`Usage: ${c.usage}`, '', c.summary, ...(c.help ? ['', c.help] : []), ''].join('\n');
}

export async function main(argv: string[], ctx: CliContext = nodeContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    ctx.stdout(target ? commandHelp(target) : usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`codeboom: '${name}' is not a command. Run 'codeboom --help' to see the commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout(commandHelp(command));
    return 0;
  }
  try {
    const { positionals, values } = parseArgs({ args: joinNegativeValues(rest, command), options: command.options, allowPositionals: true, strict: true });
    return await command.run(ctx, { positionals, values: values as ParsedArguments['values'] });
  } catch (e) {
    if (e instanceof UserError) {
      ctx.stderr(`codeboom ${command.name}: ${e.message}\n`);
      return e.exitCode;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      ctx.stderr(`codeboom ${command.name}: ${(e as Error).message.split('\n')[0]}. Usage: ${command.usage}\n`);
      return 2;
    }
    ctx.stderr(
      `codeboom ${command.name}: something went wrong inside Codeboom (${e instanceof Error ? e.message : String(e)}). Please report it with the command you ran.\n`,
    );
    if (process.env.CODEBOOM_DEBUG) ctx.stderr(`${e instanceof Error ? e.stack : String(e)}\n`);
    return 70;
  }
}

/**
 * `--quotes -1` as `--quotes=-1`: a value that looks like a negative number belongs to the option before it,
 * so the command can say what values it takes instead of parseArgs calling the argument ambiguous.
 */
function joinNegativeValues(args: string[], command: Command): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return joined.concat(args.slice(i));
    const name = /^--([^=]+)$/.exec(args[i])?.[1];
    const next = args[i + 1];
    if (name !== undefined && command.options[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e) => {
      process.stderr.write(`codeboom: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
