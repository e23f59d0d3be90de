/**
 * Timing marks for `npm run bench:ui`: when the environment variable CODEBOOM_TIMING_FILE names a file, each
 * mark appends a line `<epoch milliseconds> <process id> <event>` to it; otherwise a mark does nothing. The
 * extension and the language server both mark, so the benchmark can tell where the time to the first counts
 * goes.
 */
import { appendFileSync } from 'node:fs';

/** Appends one mark, at `at` (epoch milliseconds; now by default), when CODEBOOM_TIMING_FILE is set. */
export function mark(event: string, at = performance.timeOrigin + performance.now()): void {
  const file = process.env.CODEBOOM_TIMING_FILE;
  if (!file) return;
  try {
    appendFileSync(file, `${at.toFixed(1)} ${process.pid} ${event}\n`);
  } catch {
    // A benchmark's file that cannot be written must not disturb the extension or the server.
  }
}
