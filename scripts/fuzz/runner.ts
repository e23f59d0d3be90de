/**
 * Runs a fuzz target with fast-check: a number of random inputs from a seed, and on a failure the smallest
 * input that still fails (fast-check shrinks it), with the seed and path that replay exactly that input.
 */
import fc from 'fast-check';
import { clip } from './invariants';
import { Counts, type FuzzTarget } from './target';

export interface RunOptions {
  iterations: number;
  seed: number;
  /** fast-check's path of a counterexample: replays that one input (with its seed). */
  replay?: string;
}

export interface TargetResult {
  target: string;
  seed: number;
  iterations: number;
  counts: Counts;
  /** The slowest input, in milliseconds (not an invariant: a hint of work that is not linear). */
  slowestMs: number;
  failure?: {
    /** The smallest failing input, as fast-check prints it. */
    counterexample: string;
    /** What broke. */
    error: string;
    /** Replays it: `--target T --seed S --replay PATH`. */
    path: string;
    /** How many runs had passed before the first failure. */
    passedRuns: number;
  };
}

export async function runTarget<T>(target: FuzzTarget<T>, options: RunOptions): Promise<TargetResult> {
  const counts = new Counts();
  let slowestMs = 0;
  // Counted only while fast-check looks for a failure, not while it shrinks one.
  let shrinking = false;
  const timed = async (input: T): Promise<void> => {
    const started = performance.now();
    await target.check(input, shrinking ? new Counts() : counts);
    slowestMs = Math.max(slowestMs, performance.now() - started);
  };
  const timedSync = (input: T): void => {
    const started = performance.now();
    void target.check(input, shrinking ? new Counts() : counts);
    slowestMs = Math.max(slowestMs, performance.now() - started);
  };
  await target.setup?.();
  try {
    const parameters: fc.Parameters<[T]> = {
      numRuns: options.iterations,
      seed: options.seed,
      path: options.replay,
      endOnFailure: options.replay !== undefined,
      reporter: undefined,
      // The first failure ends the search; from then on every run is shrinking.
      examples: [],
    };
    const details = target.async
      ? await fc.check(
          fc.asyncProperty(target.arbitrary, async (input) => {
            try {
              await timed(input);
            } catch (e) {
              shrinking = true;
              throw e;
            }
          }),
          parameters,
        )
      : fc.check(
          fc.property(target.arbitrary, (input) => {
            try {
              timedSync(input);
            } catch (e) {
              shrinking = true;
              throw e;
            }
          }),
          parameters,
        );
    const result: TargetResult = { target: target.name, seed: options.seed, iterations: options.replay ? 1 : options.iterations, counts, slowestMs };
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      result.failure = {
        counterexample: details.counterexample ? clip(fc.stringify(details.counterexample[0]), 4000) : '(none)',
        error,
        path: details.counterexamplePath ?? '',
        passedRuns: Math.max(0, details.numRuns - 1),
      };
    }
    return result;
  } finally {
    await target.teardown?.();
  }
}
