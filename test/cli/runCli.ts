/** Runs the command line in-process and captures what it prints. */
import { main } from '../../server/src/cli/main';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], options: { cwd?: string; interactive?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd: options.cwd ?? process.cwd(),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    interactive: options.interactive ?? false,
    locale: 'en_GB.UTF-8',
  });
  return { status, stdout, stderr };
}
