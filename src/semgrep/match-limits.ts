/**
 * Bounds on every backtracking loop of the matcher, so a pathological pattern or file costs a bounded amount
 * of work. Past a bound the answer is "no match": quiet, never a false finding. Numbers are generous for real
 * patterns (a few ellipses over a few dozen arguments or statements) and small against a 1 MiB file.
 */

/** Node comparisons per match attempt at one node (ellipsis backtracking included). */
export const MAX_MATCH_STEPS = 20_000;
/** Alternative bindings kept per comparison: `foo(..., $X, ...)` against 64 arguments yields 64. */
export const MAX_SOLUTIONS = 64;
/** Statements searched inside one statement when a pattern statement follows `...` (Semgrep's "into inner blocks"). */
export const MAX_NESTED_STATEMENTS = 256;
/** Nodes searched below a node by `<... P ...>` and `metavariable-pattern`. */
export const MAX_DEEP_NODES = 4_000;
/** Ancestors climbed by `pattern-inside`, `pattern-not-inside`, taint sources and sanitizers. */
export const MAX_ANCESTORS = 512;
/** Matches of one `pattern-regex` in one file. */
export const MAX_REGEX_MATCHES = 1_000;
/** Member and call steps skipped by a chain ellipsis (`$O.foo(). ... .bar()`). */
export const MAX_CHAIN_STEPS = 32;

/** The step budget of one match attempt. */
export class MatchBudget {
  private steps = MAX_MATCH_STEPS;

  spend(): boolean {
    this.steps -= 1;
    return this.steps >= 0;
  }

  get exhausted(): boolean {
    return this.steps < 0;
  }
}
