/**
 * What a command needs from the outside world: its output streams, whether stderr is a terminal (for
 * progress), and the folder it runs in. Tests pass their own.
 */
import { UserError } from '../node/projectFiles';
import { languageOf, type Language } from '../engine/messages';
import { writeFileSafely, type ProjectInputs } from './outputFile';

export interface CliContext {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** true when stderr is a terminal: progress is shown there only then. */
  interactive: boolean;
  /** The user's language from LANG/LC_ALL, for messages. */
  locale?: string;
}

export function nodeContext(): CliContext {
  endQuietlyWhenClosed(process.stdout);
  endQuietlyWhenClosed(process.stderr);
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    interactive: Boolean(process.stderr.isTTY),
    locale: process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG,
  };
}

/**
 * A reader that stops early (`codeboom segments | head`) closes the pipe: the command ends there, quietly
 * and with status 0, as other command-line tools do. Files written with --out are renamed into place
 * whole, so stopping never leaves half a file.
 */
function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/** Shows "label 120/1000" on one line of stderr while work goes on, then clears it. */
export function progress(ctx: CliContext, label: string): { update(done: number, total: number): void; done(): void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!ctx.interactive || total < 50) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      shown = true;
      ctx.stderr(`\r${label} ${done}/${total}`);
    },
    done() {
      if (shown) ctx.stderr('\r\x1b[K');
    },
  };
}

/**
 * Writes a command's result to `--out FILE` (all or nothing, never onto a file the project reads) or to
 * stdout.
 */
export function writeOutput(ctx: CliContext, text: string, out: string | undefined, inputs: ProjectInputs): void {
  if (!out) {
    ctx.stdout(text);
    return;
  }
  writeFileSafely(ctx, out, text, inputs);
  ctx.stderr(`Wrote ${out}\n`);
}

export function parseLanguage(value: string | undefined, fallback: string): Language {
  if (value === undefined) return languageOf(fallback);
  if (value !== 'nl' && value !== 'en') throw new UserError(`--lang must be nl or en, not '${value}'.`);
  return value;
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`--format must be one of ${allowed.join(', ')}, not '${value}'.`);
  }
  return value as T;
}
