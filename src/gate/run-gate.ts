/**
 * The CLI engine's gate around a scan: while each file's AST is loaded, read its suppression comments and
 * the enclosing scope of each finding (scan-facts.ts); then match suppressions over the whole scan (a taint
 * finding may be found from another file than its own), fingerprint every finding, apply
 * --changed-lines-only, compare with the baseline, and decide which findings block the build. Suppressed findings stay in the outcome
 * (SARIF shows them as suppressed); they never block.
 */
import type { CustomModels } from '../config/custom-models.js';
import { resolve } from 'node:path';
import type { ActiveRule } from '../engine/dispatch.js';
import type { ParserName } from '../engine/parse.js';
import type { ScanProblem } from '../engine/problems.js';
import { scan, sortFindings, type ScanProgress } from '../engine/run.js';
import type { ScanTimings } from '../engine/timings.js';
import { fingerprintFindings } from '../report/fingerprint.js';
import type { AbsentFinding, InSourceSuppression, ReportedFinding } from '../report/scan-report.js';
import type { Finding, FindingLocation } from '../rules-api/rule-types.js';
import { isAtLeast, type Severity } from '../taxonomy/severity.js';
import { compareWithBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { isOnChangedLines, type ChangeSet, type LineRange } from './changed-lines.js';
import type { FindingIdentity } from './finding-identity.js';
import { earlierFingerprints } from './moved-findings.js';
import { ScanFacts } from './scan-facts.js';
import { matchSuppressions, unusedSuppression } from './unused-suppression.js';

export interface GateOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
  readonly rules: readonly ActiveRule[];
  /** null: the engine's default parser. */
  readonly parser: ParserName | null;
  /** Rule ids a suppression comment may name (every built-in rule, active or not). */
  readonly knownRuleIds: ReadonlySet<string>;
  /** Severity of unused-suppression findings; null when that rule is off. */
  readonly metaSeverity: Severity | null;
  /** Fingerprints and baselines use paths relative to this directory (the checkout root). */
  readonly sourceRoot: string;
  readonly changes: ChangeSet | null;
  readonly changedLinesOnly: boolean;
  readonly baseline: Baseline | null;
  readonly failOn: Severity;
  /** --write-baseline: every current finding is being accepted, so none blocks. */
  readonly acceptAll: boolean;
  /** The config's `models:`. */
  readonly models?: CustomModels;
  readonly progress?: ScanProgress;
  readonly timings?: ScanTimings;
}

export interface GateOutcome {
  readonly findings: readonly ReportedFinding[];
  readonly absent: readonly AbsentFinding[];
  readonly problems: readonly ScanProblem[];
  readonly filesScanned: number;
  /** What --write-baseline writes: every finding not suppressed in source. */
  readonly baselineEntries: readonly BaselineEntry[];
}

export function runGate(options: GateOptions): GateOutcome {
  const facts = new ScanFacts(options.cwd, options.sourceRoot);
  const repoPath = (file: string): string => facts.repoPath(file);
  const activeIds = new Set(options.rules.map((active) => active.rule.id));
  const changedFiles = options.changes?.files ?? null;
  const result = scan({
    paths: options.paths,
    cwd: options.cwd,
    ignore: options.ignore,
    maxFileSize: options.maxFileSize,
    rules: options.rules,
    onFileScanned: facts.onFileScanned,
    onConfigFileScanned: facts.onConfigFileScanned,
    ...(options.models !== undefined ? { models: options.models } : {}),
    ...(options.parser !== null ? { parser: options.parser } : {}),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
    ...(options.timings !== undefined ? { timings: options.timings } : {}),
    ...(changedFiles !== null ? { includeFile: (path: string) => changedFiles.has(resolve(options.cwd, path)) } : {}),
  });

  const matched = matchSuppressions(
    result.findings.map((finding) => facts.suppressible(finding)),
    facts.suppressionFiles,
    { known: options.knownRuleIds, active: activeIds, metaSeverity: options.metaSeverity },
  );
  const commentIdentities = new Map<Finding, FindingIdentity>(matched.problems.map((problem) => [problem.finding, facts.commentIdentity(problem.comment)]));
  const identityOf = (finding: Finding): FindingIdentity => commentIdentities.get(finding) ?? facts.identityOf(finding);
  const all = sortFindings([...result.findings, ...matched.problems.map((problem) => problem.finding)]);
  // Occurrence numbers are counted over every finding in the file, before any filtering, so they do not
  // depend on which lines a pull request touched.
  const fingerprints = fingerprintFindings(all.map((finding) => ({ ruleId: finding.ruleId, path: repoPath(finding.file), ...identityOf(finding) })));
  const earlier = earlierFingerprints(result.findings, facts.sites, repoPath);
  const suppressionOf = (finding: Finding): InSourceSuppression | null => {
    const match = matched.suppressed.get(finding);
    return match === undefined || match.comment.reason === null ? null : { justification: match.comment.reason, file: match.file, span: match.comment.span };
  };
  const selected = all
    .map((finding, index) => ({ finding, fingerprint: fingerprints[index] ?? '', suppression: suppressionOf(finding) }))
    .filter(({ finding }) => !options.changedLinesOnly || changedFiles === null || touchesChangedLines(finding, (file) => changedFiles.get(resolve(options.cwd, file))));

  const comparison =
    options.baseline === null
      ? null
      : compareWithBaseline(
          options.baseline,
          // Every finding of the scan matches, not only the selected ones: a baselined finding that was since
          // suppressed, or that sits outside the changed lines, is not "fixed".
          all.map((finding, index) => ({ fingerprint: fingerprints[index] ?? '', earlier: earlier.get(finding) ?? [] })),
          { scannedFiles: facts.scannedFiles, activeRules: new Set([...activeIds, ...(options.metaSeverity !== null ? [unusedSuppression.id] : [])]) },
        );

  const findings: ReportedFinding[] = selected.map(({ finding, fingerprint, suppression }) => {
    const baselineState = comparison === null ? null : comparison.unchanged.has(fingerprint) ? 'unchanged' : 'new';
    const isBlocking = suppression === null && !options.acceptAll && isAtLeast(finding.severity, options.failOn) && baselineState !== 'unchanged';
    return { finding, fingerprint, suppression, baselineState, isBlocking };
  });
  const baselineEntries = selected.filter(({ suppression }) => suppression === null).map(({ finding, fingerprint }) => baselineEntry(finding, fingerprint, identityOf(finding), repoPath));
  return { findings, absent: comparison?.absent ?? [], problems: result.problems, filesScanned: result.filesScanned, baselineEntries };
}

function baselineEntry(finding: Finding, fingerprint: string, identity: FindingIdentity, repoPath: (file: string) => string): BaselineEntry {
  const carriedFrom = [...new Set((finding.flows ?? []).flatMap((flow) => (flow.carrier === undefined ? [] : [repoPath(flow.carrier.file)])))].sort();
  return {
    fingerprint,
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: repoPath(finding.file),
    line: finding.span.start.line,
    ...(identity.context !== '' ? { context: identity.context } : {}),
    ...(carriedFrom.length > 0 ? { carriedFrom } : {}),
    message: finding.message,
  };
}

/** --changed-lines-only: the finding, or a step of one of its paths, is on a changed line (a new path to an old sink counts). */
function touchesChangedLines(finding: Finding, rangesOf: (file: string) => readonly LineRange[] | 'all' | undefined): boolean {
  const locations: FindingLocation[] = [finding, ...(finding.flows ?? []).flatMap((flow) => flow.steps)];
  return locations.some((location) => {
    const ranges = rangesOf(location.file);
    return ranges !== undefined && isOnChangedLines(ranges, location.span.start.line, location.span.end.line);
  });
}
