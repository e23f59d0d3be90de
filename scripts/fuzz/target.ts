/**
 * A fuzz target: how its inputs are made, and the check of one input, which throws when an invariant breaks.
 */
import type fc from 'fast-check';

export const TARGET_NAMES = ['transcripts', 'codebooks', 'refi', 'lsp-framing'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** What a target saw, by kind, for the summary. */
export class Counts {
  readonly values = new Map<string, number>();

  add(what: string, n = 1): void {
    this.values.set(what, (this.values.get(what) ?? 0) + n);
  }
}

export interface FuzzTarget<T> {
  name: TargetName;
  arbitrary: fc.Arbitrary<T>;
  /** Checks one input; throws when an invariant breaks. */
  check(input: T, counts: Counts): void | Promise<void>;
  /** Asynchronous targets (their check returns a promise). */
  async?: boolean;
  setup?(): void | Promise<void>;
  teardown?(): void | Promise<void>;
}
