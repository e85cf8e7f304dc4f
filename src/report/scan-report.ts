/** What every reporter receives: the findings and problems of one scan and the rules that ran. */
import type { ScanProblem } from '../engine/problems.js';
import type { Finding, Rule } from '../rules-api/rule-types.js';

export interface ScanReport {
  readonly toolVersion: string;
  /** Absolute directory that report paths are relative to. */
  readonly root: string;
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
  readonly problems: readonly ScanProblem[];
  readonly filesScanned: number;
}

export function describeProblem(problem: ScanProblem): string {
  switch (problem.kind) {
    case 'parse-failed':
      return `${problem.file}:${problem.line}:${problem.column + 1}: could not parse: ${problem.message}`;
    case 'skipped':
      return `${problem.file}: skipped: ${problem.message}`;
    case 'internal-error':
      return `${problem.file}:${problem.line}: rule ${problem.ruleId} crashed: ${problem.message}`;
  }
}
