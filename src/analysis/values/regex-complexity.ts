/**
 * How long a backtracking engine (V8's Irregexp) can take to fail on a pattern, decided by recheck
 * (https://makenowjust-labs.github.io/recheck/): its automaton checker builds the pattern's NFA and proves
 * exponential or polynomial (with the degree) ambiguity, and gives an attack string. rampart runs recheck's
 * pure-JavaScript build in-process, synchronously (`recheck/lib/browser.js`, the same checker the package's
 * `checkSync` runs in a worker or as a native binary): no child process, no worker, no environment switch.
 * The checker is loaded on the first pattern asked about, so files without candidate patterns never pay for it.
 */
import { createRequire } from 'node:module';
import type { Diagnostics, Parameters } from 'recheck';

/** Patterns longer than this are not checked (recheck's cost grows with the NFA; such patterns are rare in handlers). */
export const MAX_CHECKED_PATTERN_LENGTH = 1_000;

/**
 * recheck's own bounds per pattern: the automaton checker only (the fuzz checker is randomised, so results
 * would vary between runs), a time limit as a last resort, and caps on the automata it builds. A pattern that
 * reaches one is `unknown`, and rampart stays quiet on it.
 */
const CHECK_PARAMETERS: Parameters = {
  checker: 'automaton',
  timeout: 2_000,
  maxNFASize: 5_000,
  maxPatternSize: MAX_CHECKED_PATTERN_LENGTH,
};

export type RegexComplexity =
  | { readonly kind: 'exponential'; readonly attack: string | null }
  | { readonly kind: 'polynomial'; readonly degree: number; readonly attack: string | null }
  | { readonly kind: 'linear' }
  | { readonly kind: 'unknown'; readonly reason: string };

type CheckSync = (source: string, flags: string, parameters?: Parameters) => Diagnostics;

/** Checks patterns and remembers the answers; one per rule run on a file, so no state outlives the run. */
export class RegexComplexityChecker {
  private readonly answers = new Map<string, RegexComplexity>();
  private checker: CheckSync | null = null;

  complexityOf(source: string, flags: string): RegexComplexity {
    const key = `${flags}/${source}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = source.length > MAX_CHECKED_PATTERN_LENGTH ? { kind: 'unknown' as const, reason: 'pattern too long' } : this.check(source, flags);
    this.answers.set(key, answer);
    return answer;
  }

  private check(source: string, flags: string): RegexComplexity {
    this.checker ??= loadChecker();
    // recheck reports a pattern it cannot parse or an NFA over its caps as `unknown` with an error, not by throwing.
    const result = this.checker(source, flags.replace(/[^dgimsuy]/g, ''), CHECK_PARAMETERS);
    if (result.status === 'unknown') return { kind: 'unknown', reason: result.error.kind };
    if (result.status === 'safe') return { kind: 'linear' };
    const attack = result.attack.pattern;
    if (result.complexity.type === 'exponential') return { kind: 'exponential', attack };
    if (result.complexity.type === 'polynomial') return { kind: 'polynomial', degree: result.complexity.degree, attack };
    return { kind: 'linear' };
  }
}

function loadChecker(): CheckSync {
  const require = createRequire(import.meta.url);
  const module = require('recheck/lib/browser.js') as { readonly checkSync: CheckSync };
  return module.checkSync;
}
