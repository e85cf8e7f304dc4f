/**
 * A process-wide count of answers cut short by a bound (depth, budget, summary nesting). Analysis is
 * synchronous, so comparing the count before and after a computation tells whether it depended on a cut:
 * such a result is returned but not memoized, and cannot leak into a later, shallower question.
 */
let hits = 0;

export function recordCut(): void {
  hits += 1;
}

export function cutsSoFar(): number {
  return hits;
}
