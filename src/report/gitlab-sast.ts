/**
 * GitLab's SAST report (`artifacts:reports:sast`, security report schema 15.0.4, which GitLab 15.x to 17.x
 * ingest), so merge requests and the vulnerability report show rampart's findings. Findings suppressed in
 * source are left out (GitLab has no in-source suppression state and would list them as open), and so are
 * baseline entries no longer found: GitLab resolves vulnerabilities missing from a report itself.
 * Vulnerability ids are UUIDs derived from the fingerprint, so they are stable across runs.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { ruleDocsUrl } from '../engine/package-info.js';
import type { Rule } from '../rules-api/rule-types.js';
import { cweNumber } from '../taxonomy/cwe.js';
import type { Severity } from '../taxonomy/severity.js';
import type { ReportedFinding, ScanReport } from './scan-report.js';

export const GITLAB_SAST_SCHEMA_VERSION = '15.0.4';

const GITLAB_SEVERITY: Readonly<Record<Severity, string>> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

interface GitlabIdentifier {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly url?: string;
}

export interface ScanTiming {
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** A built-in rule's docs page; a YAML rule's first reference, or no link (it has no rampart page). */
function ruleUrl(rule: Rule | undefined, ruleId: string): { url?: string } {
  if (rule?.yamlSource === undefined) return { url: ruleDocsUrl(ruleId) };
  return rule.yamlSource.helpUri !== null ? { url: rule.yamlSource.helpUri } : {};
}

export function buildGitlabSast(report: ScanReport, timing: ScanTiming): object {
  const tool = { id: 'rampart', name: 'rampart', url: 'https://github.com/rampart-security/rampart', version: report.toolVersion, vendor: { name: 'rampart' } };
  const rules = new Map(report.rules.map((entry) => [entry.rule.id, entry.rule]));
  const vulnerabilities = report.findings
    .filter((item) => item.suppression === null)
    .map((item) => {
      const { finding } = item;
      const rule = rules.get(finding.ruleId);
      const identifiers: GitlabIdentifier[] = [
        { type: 'rampart_rule_id', name: `rampart ${finding.ruleId}`, value: finding.ruleId, ...ruleUrl(rule, finding.ruleId) },
        ...(rule?.cwe ?? []).map((cwe) => ({ type: 'cwe', name: cwe, value: cweNumber(cwe), url: `https://cwe.mitre.org/data/definitions/${cweNumber(cwe)}.html` })),
      ];
      return {
        id: uuidOf(item),
        name: truncate(rule?.title ?? finding.ruleId, 255),
        description: truncate(`${finding.message}${rule !== undefined ? `\n\n${rule.help}` : ''}`, 1_048_576),
        severity: GITLAB_SEVERITY[finding.severity],
        solution: rule?.help ?? '',
        location: {
          file: relative(report.sourceRoot, resolve(report.root, finding.file)).split(sep).join('/'),
          start_line: finding.span.start.line,
          end_line: finding.span.end.line,
        },
        identifiers,
      };
    });
  return {
    version: GITLAB_SAST_SCHEMA_VERSION,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: 'sast',
      start_time: gitlabTime(timing.startedAt),
      end_time: gitlabTime(timing.finishedAt),
      status: 'success',
    },
    vulnerabilities,
  };
}

export function formatGitlabSast(report: ScanReport, timing: ScanTiming): string {
  return `${JSON.stringify(buildGitlabSast(report, timing), null, 2)}\n`;
}

/** GitLab wants `YYYY-MM-DDTHH:MM:SS` (UTC, no zone, no fraction), not full ISO 8601. */
export function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** A UUID (version 8, "custom") hashed from the fingerprint: the same finding keeps its id across runs. */
function uuidOf(item: ReportedFinding): string {
  const hex = createHash('sha256').update(item.fingerprint).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
