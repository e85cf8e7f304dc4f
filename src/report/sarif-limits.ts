/**
 * GitHub's documented SARIF upload limits ("SARIF results exceed limit"; "SARIF file is too large"): over a
 * hard limit the whole upload is rejected, so rampart trims instead, keeping the most severe results, and
 * says what it dropped in a tool notification. rampart writes one run per file (one per category), far
 * below the 20-runs limit, and one location per result, far below 1,000.
 */
import type { FindingFlow } from '../rules-api/rule-types.js';
import type { ReportedFinding } from './scan-report.js';
import { severityRank } from '../taxonomy/severity.js';

export const GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  tagsPerRule: 20,
  gzippedBytes: 10 * 1024 * 1024,
} as const;

/** Higher first: unsuppressed before suppressed, then severity, then new before known. */
function priority(item: ReportedFinding): number {
  const unsuppressed = item.suppression === null ? 100 : 0;
  const fresh = item.baselineState === 'unchanged' ? 0 : 1;
  return unsuppressed + severityRank(item.finding.severity) * 10 + fresh;
}

/** The `limit` most important findings, in their original order. */
export function keepMostSevere(findings: readonly ReportedFinding[], limit: number): ReportedFinding[] {
  if (findings.length <= limit) return [...findings];
  const ranked = findings.map((item, index) => ({ item, index })).sort((a, b) => priority(b.item) - priority(a.item) || a.index - b.index);
  return ranked
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.index - b.index)
    .map(({ item }) => item);
}

/**
 * Paths within `limit` thread-flow locations in all: whole paths in order while they fit, then the next path
 * cut to what is left (its source side and its sink, the last step, kept); the rest are dropped.
 */
export function capFlows(flows: readonly FindingFlow[], limit: number): FindingFlow[] {
  const kept: FindingFlow[] = [];
  let left = limit;
  for (const flow of flows) {
    if (left < 2 && !(left === 1 && flow.steps.length === 1)) break;
    kept.push(flow.steps.length <= left ? flow : { ...flow, steps: capFlow(flow.steps, left) });
    left -= Math.min(flow.steps.length, left);
  }
  return kept;
}

/** A flow longer than the limit keeps its source side and its sink (the last step). */
export function capFlow<T>(steps: readonly T[], limit: number): T[] {
  if (steps.length <= limit) return [...steps];
  const last = steps[steps.length - 1];
  return [...steps.slice(0, limit - 1), ...(last !== undefined ? [last] : [])];
}
