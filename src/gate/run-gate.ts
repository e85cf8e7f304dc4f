/**
 * The CLI engine's gate around a scan: while each file's AST is loaded, read its suppression comments and
 * the enclosing scope of each finding; then fingerprint every finding, apply --changed-lines-only, compare
 * with the baseline, and decide which findings block the build. Suppressed findings stay in the outcome
 * (SARIF shows them as suppressed); they never block.
 */
import type { CustomModels } from '../config/custom-models.js';
import { resolve } from 'node:path';
import type { ActiveRule } from '../engine/dispatch.js';
import { toReportedPath } from '../engine/discover.js';
import type { ConfigFile } from '../engine/config-files.js';
import type { FileContext } from '../engine/file-context.js';
import type { ParserName } from '../engine/parse.js';
import type { ScanProblem } from '../engine/problems.js';
import { findingPlace, scan, sortFindings, type ScanProgress } from '../engine/run.js';
import type { ScanTimings } from '../engine/timings.js';
import { fingerprintFindings } from '../report/fingerprint.js';
import type { AbsentFinding, InSourceSuppression, ReportedFinding } from '../report/scan-report.js';
import type { Finding } from '../rules-api/rule-types.js';
import { isAtLeast, type Severity } from '../taxonomy/severity.js';
import { compareWithBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { isOnChangedLines, type ChangeSet } from './changed-lines.js';
import { identifyComment, identifyExcerpt, identifyRange, statementStartLine, type FindingIdentity } from './finding-identity.js';
import { parseSuppressionComments } from './suppression-comments.js';
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

interface FindingFacts {
  readonly identity: FindingIdentity;
  readonly suppression: InSourceSuppression | null;
}

export function runGate(options: GateOptions): GateOutcome {
  const facts = new Map<string, FindingFacts>();
  const metaFindings: Finding[] = [];
  const scannedFiles = new Set<string>();
  const repoPath = (file: string): string => toReportedPath(options.sourceRoot, resolve(options.cwd, file));
  const activeIds = new Set(options.rules.map((active) => active.rule.id));
  const changedFiles = options.changes?.files ?? null;

  const onFileScanned = (file: FileContext, findings: readonly Finding[]): void => {
    scannedFiles.add(repoPath(file.path));
    const comments = parseSuppressionComments(file.ast.comments ?? [], file.source);
    // A finding in a view is suppressed where this file hands the data to the view, its anchor.
    const inFile = new Map(findings.map((finding) => [anchoredInFile(finding, file.path), finding]));
    const statementLine = (finding: Finding): number | null => statementStartLine(file.ast, file.source, finding.range);
    const rules = { known: options.knownRuleIds, active: activeIds, metaSeverity: options.metaSeverity };
    const matched = matchSuppressions([...inFile.keys()], comments, file, rules, statementLine);
    for (const [local, finding] of inFile) {
      const comment = matched.suppressed.get(local);
      facts.set(findingPlace(finding), {
        identity: finding.file === file.path ? identifyRange(file.ast, file.source, finding.range) : identifyExcerpt(finding),
        suppression: comment === undefined || comment.reason === null ? null : { justification: comment.reason, file: local.file, span: comment.span },
      });
    }
    for (const problem of matched.problems) {
      metaFindings.push(problem);
      facts.set(findingPlace(problem), { identity: identifyComment(file.ast, file.source, problem.range), suppression: null });
    }
  };

  // A config file has no statements or scopes: a finding is known by its rule, file and flagged text.
  const onConfigFileScanned = (file: ConfigFile, findings: readonly Finding[]): void => {
    scannedFiles.add(repoPath(file.path));
    const comments = parseSuppressionComments(file.comments, file.source);
    const rules = { known: options.knownRuleIds, active: activeIds, metaSeverity: options.metaSeverity };
    const matched = matchSuppressions(findings, comments, file, rules, () => null);
    const identity = (range: readonly [number, number]): FindingIdentity => ({ context: '', code: file.source.slice(range).replace(/\s+/g, ' ').trim() });
    for (const finding of findings) {
      const comment = matched.suppressed.get(finding);
      facts.set(findingPlace(finding), {
        identity: identity(finding.range),
        suppression: comment === undefined || comment.reason === null ? null : { justification: comment.reason, file: finding.file, span: comment.span },
      });
    }
    for (const problem of matched.problems) {
      metaFindings.push(problem);
      facts.set(findingPlace(problem), { identity: identity(problem.range), suppression: null });
    }
  };

  const result = scan({
    onConfigFileScanned,
    paths: options.paths,
    cwd: options.cwd,
    ignore: options.ignore,
    maxFileSize: options.maxFileSize,
    rules: options.rules,
    onFileScanned,
    ...(options.models !== undefined ? { models: options.models } : {}),
    ...(options.parser !== null ? { parser: options.parser } : {}),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
    ...(options.timings !== undefined ? { timings: options.timings } : {}),
    ...(changedFiles !== null ? { includeFile: (path: string) => changedFiles.has(resolve(options.cwd, path)) } : {}),
  });

  const all = sortFindings([...result.findings, ...metaFindings]);
  // Occurrence numbers are counted over every finding in the file, before any filtering, so they do not
  // depend on which lines a pull request touched.
  const fingerprints = fingerprintFindings(
    all.map((finding) => {
      const identity = facts.get(findingPlace(finding))?.identity ?? { context: '', code: '' };
      return { ruleId: finding.ruleId, path: repoPath(finding.file), context: identity.context, code: identity.code };
    }),
  );
  const selected = all
    .map((finding, index) => ({ finding, fingerprint: fingerprints[index] ?? '' }))
    .filter(({ finding }) => {
      if (!options.changedLinesOnly || changedFiles === null) return true;
      const ranges = changedFiles.get(resolve(options.cwd, finding.file));
      return ranges !== undefined && isOnChangedLines(ranges, finding.span.start.line, finding.span.end.line);
    });

  const unsuppressed = selected.filter(({ finding }) => (facts.get(findingPlace(finding))?.suppression ?? null) === null);
  const comparison =
    options.baseline === null
      ? null
      : compareWithBaseline(
          options.baseline,
          // Every finding of the scan matches, not only the selected ones: a baselined finding that was since
          // suppressed, or that sits outside the changed lines, is not "fixed".
          fingerprints,
          { scannedFiles, activeRules: new Set([...activeIds, ...(options.metaSeverity !== null ? [unusedSuppression.id] : [])]) },
        );

  const findings: ReportedFinding[] = selected.map(({ finding, fingerprint }) => {
    const suppression = facts.get(findingPlace(finding))?.suppression ?? null;
    const baselineState = comparison === null ? null : comparison.unchanged.has(fingerprint) ? 'unchanged' : 'new';
    const isBlocking = suppression === null && !options.acceptAll && isAtLeast(finding.severity, options.failOn) && baselineState !== 'unchanged';
    return { finding, fingerprint, suppression, baselineState, isBlocking };
  });
  const baselineEntries: BaselineEntry[] = unsuppressed.map(({ finding, fingerprint }) => {
    const context = facts.get(findingPlace(finding))?.identity.context ?? '';
    return {
      fingerprint,
      ruleId: finding.ruleId,
      severity: finding.severity,
      file: repoPath(finding.file),
      line: finding.span.start.line,
      ...(context !== '' ? { context } : {}),
      message: finding.message,
    };
  });
  return { findings, absent: comparison?.absent ?? [], problems: result.problems, filesScanned: result.filesScanned, baselineEntries };
}

/** The finding as located in `path`: itself, or for a finding in a view, at its first anchor in `path`. */
function anchoredInFile(finding: Finding, path: string): Finding {
  if (finding.file === path) return finding;
  const anchor = finding.anchors?.find((location) => location.file === path);
  return anchor === undefined ? finding : { ...finding, file: anchor.file, range: anchor.range, span: anchor.span };
}
