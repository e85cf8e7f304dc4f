/**
 * SARIF 2.1.0 for GitHub code scanning: rule metadata (sarif-rules.ts), results with URIs relative to the
 * checkout root (%SRCROOT%), line-independent fingerprints under `rampartFingerprint/v1` (GitHub computes `primaryLocationLineHash` itself), `baselineState`
 * against a baseline, `suppressions` (kind inSource, with the comment's reason) for findings silenced in
 * source, `automationDetails.id` (the analysis category), `versionControlProvenance`, and a notification
 * for every file that was skipped or could not be parsed. A taint result is at its sink, with one `codeFlow`
 * per path and its sources as `relatedLocations` linked from the message. Output stays within GitHub's upload limits.
 */
import { gzipSync } from 'node:zlib';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, FindingFlow, FlowLocation } from '../rules-api/rule-types.js';
import type { Span } from '../engine/source-text.js';
import { capFlows, GITHUB_LIMITS, keepMostSevere } from './sarif-limits.js';
import { sarifLevel, sarifRule } from './sarif-rules.js';
import { describeOtherLanguages, describeProblem, describeSkippedRule, type AbsentFinding, type ReportedFinding, type ScanReport } from './scan-report.js';

export { ruleTags, sarifLevel } from './sarif-rules.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Emit baseline entries no longer found as `baselineState: absent` results (GitHub would show them as open alerts). */
  readonly includeAbsent: boolean;
  /** Emit findings suppressed in source (with SARIF `suppressions`); GitHub code scanning shows them as open alerts. */
  readonly includeSuppressed?: boolean;
}

/** Descriptors for tool notifications; GitHub's ingestion wants full descriptions and help on every descriptor. */
const NOTIFICATIONS: readonly Sarif.ReportingDescriptor[] = [
  notificationDescriptor('parse-failed', 'FileNotParsed', 'A file could not be parsed, so it was not scanned.', 'Fix the syntax error, or check that the file is TypeScript or JavaScript that typescript-estree can parse.'),
  notificationDescriptor('skipped', 'FileSkipped', 'A file was skipped: too large, binary, unreadable, or a symlink leaving the scanned directory.', 'Raise --max-file-size for a large source file, or ignore the path with --ignore or the config.'),
  notificationDescriptor('limit-reached', 'AnalysisLimitReached', 'A bound (time, steps or size) stopped part of the analysis of a file; findings made before it are reported.', 'Split the file or raise the bound named in the message; the rest of the scan is complete.'),
  notificationDescriptor('internal-error', 'RuleCrashed', 'A rule crashed on a file, so its findings in that file are missing.', 'Report the crash with the file and rule id; the rest of the scan is complete.'),
  notificationDescriptor('results-truncated', 'ResultsTruncated', "Results were dropped to stay within GitHub's upload limits; the most severe were kept.", 'Scan fewer files per category, fix or baseline the findings, or disable noisy rules.'),
  notificationDescriptor('rule-not-loaded', 'RuleNotLoaded', 'A YAML rule uses a Semgrep feature rampart does not run (or repeats an id), so it was not loaded; the other rules ran.', 'Rewrite the rule with supported operators (docs/guides/custom-rules.md), or pass --strict-rules to make this an error.'),
  notificationDescriptor('rules-other-language', 'RulesForOtherLanguages', 'YAML rules for languages other than JavaScript and TypeScript were not loaded.', 'Nothing to do: rampart runs JavaScript and TypeScript rules; run those rules with a tool for their language.'),
  notificationDescriptor('code-flow-truncated', 'CodeFlowTruncated', "A data-flow path was shortened to GitHub's thread-flow-location limit.", 'The source side and the sink of the path were kept.'),
];

function notificationDescriptor(id: string, name: string, description: string, help: string): Sarif.ReportingDescriptor {
  return { id, name, shortDescription: { text: description }, fullDescription: { text: description }, help: { text: help } };
}

/**
 * rampart's line-independent identity of a finding, under a key of its own. GitHub's upload action computes
 * `primaryLocationLineHash` from the file itself and warns ("inconsistent fingerprint") when a SARIF file
 * carries a different one, so that key is left to the action; alerts are still matched across runs by ours.
 */
export const FINGERPRINT_KEY = 'rampartFingerprint/v1';

export function buildSarif(report: ScanReport, options: SarifOptions = { includeAbsent: true }): Sarif.Log {
  const limited = keepMostSevere(candidates(report, options), GITHUB_LIMITS.resultsPerRun);
  const log = assemble(report, limited, options, []);
  const gzipped = gzipSync(JSON.stringify(log)).length;
  if (gzipped <= GITHUB_LIMITS.gzippedBytes) return log;
  return shrinkToSize(report, limited, options, gzipped);
}

/** The findings the log may hold: all, or those not suppressed in source. */
function candidates(report: ScanReport, options: SarifOptions): readonly ReportedFinding[] {
  return options.includeSuppressed === false ? report.findings.filter((item) => item.suppression === null) : report.findings;
}

/** Drops the least important results until the gzipped log fits; a few passes, each estimated from the last size. */
function shrinkToSize(report: ScanReport, findings: readonly ReportedFinding[], options: SarifOptions, firstSize: number): Sarif.Log {
  let size = firstSize;
  let count = findings.length;
  let log: Sarif.Log | null = null;
  for (let pass = 0; pass < 8 && size > GITHUB_LIMITS.gzippedBytes; pass += 1) {
    count = Math.floor((count * GITHUB_LIMITS.gzippedBytes * 0.95) / size);
    const note = `the gzipped SARIF exceeded GitHub's ${GITHUB_LIMITS.gzippedBytes / 1024 / 1024} MB upload limit; kept the ${count} most severe of ${candidates(report, options).length} results`;
    log = assemble(report, keepMostSevere(findings, count), options, [note]);
    size = gzipSync(JSON.stringify(log)).length;
  }
  return log ?? assemble(report, [], options, ['no result fits within the upload limit']);
}

function assemble(report: ScanReport, findings: readonly ReportedFinding[], options: SarifOptions, extraTruncations: readonly string[]): Sarif.Log {
  const reportedRules = report.rules;
  const ruleIndex = new Map(reportedRules.map((entry, index) => [entry.rule.id, index]));
  const uri = (file: string): string => encodeURI(relative(report.sourceRoot, resolve(report.root, file)).split(sep).join('/'));
  const notifications: Sarif.Notification[] = report.problems.map((problem) => ({
    level: problem.kind === 'skipped' ? 'note' : problem.kind === 'limit-reached' ? 'warning' : 'error',
    message: { text: `${describeProblem(problem)}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(problem.file), uriBaseId: '%SRCROOT%' },
          ...(problem.kind === 'parse-failed' ? { region: { startLine: problem.line, startColumn: problem.column + 1 } } : {}),
        },
      },
    ],
    descriptor: { id: problem.kind, index: NOTIFICATIONS.findIndex((descriptor) => descriptor.id === problem.kind) },
  }));
  const truncations = [...extraTruncations];
  const total = candidates(report, options).length;
  if (findings.length < total && extraTruncations.length === 0) {
    truncations.push(`${total} results exceed GitHub's limit of ${GITHUB_LIMITS.resultsPerRun} per run; kept the ${findings.length} most severe`);
  }
  for (const text of truncations) notifications.push(truncationNotice('results-truncated', text));

  const results: Sarif.Result[] = findings.map((item) => {
    const { finding } = item;
    const flows = capFlows(finding.flows ?? [], GITHUB_LIMITS.threadFlowLocationsPerResult);
    const longest = Math.max(0, ...(finding.flows ?? []).map((flow) => flow.steps.length));
    const total = (finding.flows ?? []).reduce((sum, flow) => sum + flow.steps.length, 0);
    if (total > GITHUB_LIMITS.threadFlowLocationsPerResult) {
      const what = (finding.flows?.length ?? 0) > flows.length ? `${finding.flows?.length} paths were cut to ${flows.length}` : `a ${longest}-step path was cut to ${GITHUB_LIMITS.threadFlowLocationsPerResult} steps`;
      notifications.push(truncationNotice('code-flow-truncated', `${finding.file}:${finding.span.start.line}: ${what}`));
    }
    const sources = relatedSources(flows, GITHUB_LIMITS.locationsPerResult - 1);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: sarifLevel(finding.severity),
      message: { text: linkedMessage(finding.message, sources) },
      locations: [location(uri(finding.file), finding.span, undefined, snippetOf(finding))],
      ...(sources.length > 0 ? { relatedLocations: sources.map((source) => ({ id: source.id, ...location(uri(source.step.file), source.step.span, source.label) })) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: item.fingerprint },
      ...(item.baselineState !== null ? { baselineState: item.baselineState } : {}),
      ...(item.suppression !== null
        ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: item.suppression.justification, location: location(uri(item.suppression.file), item.suppression.span) }] }
        : {}),
      ...(flows.length > 0 ? { codeFlows: flows.map((flow) => codeFlow(flow.steps, uri)) } : {}),
      ...(finding.properties !== undefined ? { properties: { ...finding.properties } } : {}),
    } satisfies Sarif.Result;
  });
  if (options.includeAbsent) results.push(...report.absent.map((entry) => absentResult(entry, ruleIndex)));

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rampart',
            semanticVersion: report.toolVersion,
            version: report.toolVersion,
            informationUri: 'https://github.com/rampart-security/rampart',
            rules: reportedRules.map((entry) => sarifRule(entry.rule, entry.severity)),
            notifications: [...NOTIFICATIONS],
          },
        },
        ...(report.automationId !== null ? { automationDetails: { id: report.automationId } } : {}),
        ...(report.versionControl !== null
          ? {
              versionControlProvenance: [
                {
                  repositoryUri: report.versionControl.repositoryUri,
                  revisionId: report.versionControl.revisionId,
                  ...(report.versionControl.branch !== null ? { branch: report.versionControl.branch } : {}),
                  mappedTo: { uriBaseId: '%SRCROOT%' },
                },
              ],
            }
          : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.sourceRoot).href.replace(/\/$/, '')}/` } },
        invocations: [
          {
            executionSuccessful: !report.problems.some((problem) => problem.kind === 'internal-error'),
            toolExecutionNotifications: notifications,
            toolConfigurationNotifications: configurationNotifications(report, uri),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function location(uri: string, span: Span, message?: string, snippet?: string): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: {
        startLine: span.start.line,
        startColumn: span.start.column + 1,
        endLine: span.end.line,
        endColumn: span.end.column + 1,
        ...(snippet !== undefined ? { snippet: { text: snippet } } : {}),
      },
    },
    ...(message !== undefined ? { message: { text: message } } : {}),
  };
}

/** The flagged source lines, so a viewer without the checkout still shows the code. */
function snippetOf(finding: Finding): string | undefined {
  const { firstLine, lines } = finding.excerpt;
  const flagged = lines.slice(finding.span.start.line - firstLine, finding.span.end.line - firstLine + 1);
  return flagged.length > 0 ? flagged.join('\n') : undefined;
}

function codeFlow(steps: readonly FlowLocation[], uri: (file: string) => string): Sarif.CodeFlow {
  return { threadFlows: [{ locations: steps.map((step) => ({ location: location(uri(step.file), step.span, step.message) })) }] };
}

/** A result's distinct sources (the first step of each path), numbered from 1 for `relatedLocations` ids. */
interface RelatedSource {
  readonly id: number;
  readonly label: string;
  readonly step: FlowLocation;
}

function relatedSources(flows: readonly FindingFlow[], limit: number): RelatedSource[] {
  const sources: RelatedSource[] = [];
  for (const flow of flows) {
    const step = flow.steps[0];
    if (step === undefined || sources.length >= limit) continue;
    if (sources.some((known) => known.step.file === step.file && known.step.range[0] === step.range[0] && known.step.range[1] === step.range[1])) continue;
    sources.push({ id: sources.length + 1, label: flow.source ?? step.message, step });
  }
  return sources;
}

/**
 * The message with its source as an embedded link to the related location (`[req.query.id](1)`, SARIF
 * §3.11.6; GitHub shows it as a link to the source), and the further sources of a finding reached from
 * several. Brackets and backslashes that are text are escaped, as the embedded-link syntax requires.
 */
export function linkedMessage(message: string, sources: readonly RelatedSource[]): string {
  const [first, ...others] = sources;
  if (first === undefined) return escapeLinkText(message);
  const link = (source: RelatedSource): string => `[${escapeLinkText(source.label)}](${source.id})`;
  const at = message.indexOf(first.label);
  const head = at < 0 ? `${escapeLinkText(message)} Source: ${link(first)}.` : `${escapeLinkText(message.slice(0, at))}${link(first)}${escapeLinkText(message.slice(at + first.label.length))}`;
  return others.length === 0 ? head : `${head} Also reached from ${others.map(link).join(', ')}.`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

function absentResult(entry: AbsentFinding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  return {
    ruleId: entry.ruleId,
    ruleIndex: ruleIndex.get(entry.ruleId) ?? -1,
    level: sarifLevel(entry.severity),
    message: { text: entry.message },
    // Baseline entries hold checkout-relative paths already, and only the line the finding had when written.
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(entry.file), uriBaseId: '%SRCROOT%' }, region: { startLine: entry.line } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: entry.fingerprint },
    baselineState: 'absent',
  };
}

/** YAML rules that did not load: one notice per skipped rule at its file:line, one for other languages. */
function configurationNotifications(report: ScanReport, uri: (file: string) => string): Sarif.Notification[] {
  const descriptor = (id: string): Sarif.ReportingDescriptorReference => ({ id, index: NOTIFICATIONS.findIndex((entry) => entry.id === id) });
  const notifications: Sarif.Notification[] = report.rulesNotLoaded.skipped.map((skipped) => ({
    level: 'warning',
    message: { text: `${describeSkippedRule(skipped)}.` },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(skipped.file), uriBaseId: '%SRCROOT%' }, region: { startLine: skipped.line, startColumn: skipped.column } } }],
    descriptor: descriptor('rule-not-loaded'),
    ...(skipped.ruleId !== null ? { properties: { ruleId: skipped.ruleId } } : {}),
  }));
  const otherLanguages = describeOtherLanguages(report.rulesNotLoaded.otherLanguages);
  if (otherLanguages !== null) notifications.push({ level: 'note', message: { text: `${otherLanguages}.` }, descriptor: descriptor('rules-other-language') });
  return notifications;
}

function truncationNotice(id: 'results-truncated' | 'code-flow-truncated', text: string): Sarif.Notification {
  return { level: 'warning', message: { text: `${text}.` }, descriptor: { id, index: NOTIFICATIONS.findIndex((descriptor) => descriptor.id === id) } };
}

export function formatSarif(report: ScanReport, options?: SarifOptions): string {
  return `${JSON.stringify(buildSarif(report, options), wellFormed, 2)}\n`;
}

/** Half a surrogate pair, which a string folded from `'\uD800'` in scanned code can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * JSON.stringify writes a lone surrogate as a `\udXXX` escape, which strict UTF-8 consumers of SARIF refuse
 * or mangle; it becomes U+FFFD, as a UTF-8 decoder would make it.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value;
}
