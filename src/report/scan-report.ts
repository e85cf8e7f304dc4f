/** What every reporter receives: the findings and problems of one scan, what the gate decided, and the rules that ran. */
import type { ScanProblem } from '../engine/problems.js';
import type { Span } from '../engine/source-text.js';
import type { Finding, Rule } from '../rules-api/rule-types.js';
import type { SkippedRule } from '../semgrep/load.js';
import type { Severity } from '../taxonomy/severity.js';

/** SARIF's vocabulary: against a baseline, a finding is `new` or `unchanged`; a baselined one no longer found is `absent`. */
export type BaselineState = 'new' | 'unchanged' | 'absent';

/** An inline `rampart-ignore` comment that silenced a finding (SARIF `suppressions`, kind `inSource`). */
export interface InSourceSuppression {
  readonly justification: string;
  readonly file: string;
  readonly span: Span;
}

export interface ReportedFinding {
  readonly finding: Finding;
  /** Stable identity: `<hash>:<occurrence>` (see fingerprint.ts). */
  readonly fingerprint: string;
  readonly suppression: InSourceSuppression | null;
  /** null when no baseline was given. */
  readonly baselineState: 'new' | 'unchanged' | null;
  /** Counts towards the exit code: not suppressed, at or above --fail-on, and new when a baseline is used. */
  readonly isBlocking: boolean;
}

/** A baseline entry that this scan no longer finds: fixed, or its code changed beyond recognition. */
export interface AbsentFinding {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly file: string;
  /** Where it was when the baseline was written; informational only. */
  readonly line: number;
  readonly message: string;
}

/** A rule that ran, with the severity it ran at (after config and --rule-severity overrides). */
export interface ReportedRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

export interface VersionControl {
  readonly repositoryUri: string;
  readonly revisionId: string;
  readonly branch: string | null;
}

export interface ScanReport {
  readonly toolVersion: string;
  /** Absolute directory that finding paths (`Finding.file`) are relative to: the working directory. */
  readonly root: string;
  /** Absolute directory SARIF URIs are relative to (%SRCROOT%): the git checkout's root, else `root`. */
  readonly sourceRoot: string;
  readonly rules: readonly ReportedRule[];
  readonly findings: readonly ReportedFinding[];
  readonly absent: readonly AbsentFinding[];
  readonly problems: readonly ScanProblem[];
  readonly filesScanned: number;
  /** SARIF `automationDetails.id`, set only when the user names a category (--category), so upload-sarif's own `category` input can. */
  readonly automationId: string | null;
  readonly versionControl: VersionControl | null;
  /** Whether a baseline was compared (so reporters can say `new` rather than just `found`). */
  readonly hasBaseline: boolean;
  /** YAML rules that did not load: notices (SARIF toolConfigurationNotifications, the text report). */
  readonly rulesNotLoaded: RulesNotLoaded;
}

export interface RulesNotLoaded {
  /** Rules using what rampart does not run, each skipped with a notice. */
  readonly skipped: readonly SkippedRule[];
  /** Rules for languages rampart does not analyse, counted by language. */
  readonly otherLanguages: ReadonlyMap<string, number>;
}

export const NO_RULES_NOT_LOADED: RulesNotLoaded = { skipped: [], otherLanguages: new Map() };

export function describeSkippedRule(skipped: SkippedRule): string {
  return `${skipped.file}:${skipped.line}:${skipped.column}: rule ${skipped.ruleId ?? '(without an id)'} not loaded: ${skipped.problem}`;
}

/** One line for every rule of another language, or null when there is none. */
export function describeOtherLanguages(otherLanguages: ReadonlyMap<string, number>): string | null {
  const total = [...otherLanguages.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const counts = [...otherLanguages].sort(([a], [b]) => a.localeCompare(b)).map(([language, count]) => `${language} ${count}`).join(', ');
  return `${total} YAML rule${total === 1 ? '' : 's'} for other languages not loaded (${counts}); rampart runs JavaScript and TypeScript rules`;
}

export function describeProblem(problem: ScanProblem): string {
  switch (problem.kind) {
    case 'parse-failed':
      return `${problem.file}:${problem.line}:${problem.column + 1}: could not parse: ${problem.message}`;
    case 'skipped':
      return `${problem.file}: skipped: ${problem.message}`;
    case 'internal-error':
      return `${problem.file}:${problem.line}: rule ${problem.ruleId} crashed: ${problem.message}`;
    case 'limit-reached':
      return `${problem.file}: incomplete (${problem.bound}): ${problem.message}`;
  }
}
