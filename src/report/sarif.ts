/**
 * SARIF 2.1.0 for GitHub code scanning: rule metadata with `security-severity`, precision and CWE/OWASP tags,
 * results with relative URIs against %SRCROOT%, stable partial fingerprints, code flows for taint paths,
 * and a notification for every file that was skipped or could not be parsed.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocsMarkdown, ruleDocsUrl } from '../engine/package-info.js';
import type { Finding, Rule } from '../rules-api/rule-types.js';
import { cweNumber } from '../taxonomy/cwe.js';
import { owaspTitle } from '../taxonomy/owasp.js';
import { SECURITY_SEVERITY_SCORE, type Severity } from '../taxonomy/severity.js';
import { fingerprintFindings } from './fingerprint.js';
import { describeProblem, type ScanReport } from './scan-report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const MAX_TAGS = 20;

export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

export function ruleTags(rule: Rule): string[] {
  const tags = ['security', ...rule.cwe.map((cwe) => `external/cwe/cwe-${cweNumber(cwe)}`)];
  for (const code of [...rule.owasp[2021], ...rule.owasp[2025]]) tags.push(`external/owasp/${code.toLowerCase().replace(':', '-')}`);
  return tags.slice(0, MAX_TAGS);
}

function sarifRule(rule: Rule): Sarif.ReportingDescriptor {
  const markdown = ruleDocsMarkdown(rule.id);
  const owasp = [...rule.owasp[2021], ...rule.owasp[2025]].map((code) => `${code} ${owaspTitle(code)}`).join('; ');
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. ${rule.help}` },
    help: { text: `${rule.help}\n\nOWASP: ${owasp}`, markdown: markdown ?? `${rule.help}\n\nOWASP: ${owasp}` },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY_SCORE[rule.severity],
      precision: rule.precision,
      'problem.severity': rule.severity === 'critical' || rule.severity === 'high' ? 'error' : rule.severity === 'medium' ? 'warning' : 'recommendation',
      tags: ruleTags(rule),
    },
  };
}

function location(file: string, finding: Pick<Finding, 'span'>, message?: string): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: finding.span.start.line,
        startColumn: finding.span.start.column + 1,
        endLine: finding.span.end.line,
        endColumn: finding.span.end.column + 1,
      },
    },
    ...(message !== undefined ? { message: { text: message } } : {}),
  };
}

export function buildSarif(report: ScanReport): Sarif.Log {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintFindings(report.findings);
  const results: Sarif.Result[] = report.findings.map((finding, index) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [location(finding.file, finding)],
    partialFingerprints: { primaryLocationLineHash: fingerprints[index] ?? '' },
    ...(finding.flow !== undefined && finding.flow.length > 0
      ? {
          codeFlows: [
            {
              threadFlows: [{ locations: finding.flow.map((step) => ({ location: location(step.file, step, step.message) })) }],
            },
          ],
        }
      : {}),
  }));
  const notifications: Sarif.Notification[] = report.problems.map((problem) => ({
    level: problem.kind === 'skipped' ? 'note' : 'error',
    message: { text: describeProblem(problem) },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(problem.file), uriBaseId: '%SRCROOT%' } } }],
    descriptor: { id: problem.kind },
  }));
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
            rules: report.rules.map(sarifRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.root).href}/` } },
        invocations: [
          {
            executionSuccessful: !report.problems.some((problem) => problem.kind === 'internal-error'),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(report: ScanReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}
