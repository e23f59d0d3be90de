/**
 * Timing marks for `npm run bench:ui`, which measures where the time to the first counts goes. The desktop
 * entry (node.ts) sends them to server/src/node/timing.ts, which writes them only when CODEBOOM_TIMING_FILE is
 * set; elsewhere (a browser) they do nothing.
 */
type Mark = (event: string, at?: number) => void;

let sink: Mark = () => undefined;

/** Where marks go from now on. */
export function markTo(target: Mark): void {
  sink = target;
}

export function mark(event: string, at?: number): void {
  sink(event, at);
}
