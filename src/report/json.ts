/**
 * Machine-readable output: every finding with 1-based lines and columns, its fingerprint, whether it is
 * suppressed in source (and why), its baseline state and whether it blocks; baselined findings no longer
 * found; problems; and a summary. A taint finding is at its sink, with its paths (`flows`).
 */
import type { FindingFlow, FindingLocation } from '../rules-api/rule-types.js';
import { summarizeRule, type RuleSummary } from './rule-summary.js';
import type { ScanReport } from './scan-report.js';

export function formatJson(report: ScanReport): string {
  const rules = new Map<string, RuleSummary>(report.rules.map(({ rule }) => [rule.id, summarizeRule(rule)]));
  const blocking = report.findings.filter((item) => item.isBlocking).length;
  const suppressed = report.findings.filter((item) => item.suppression !== null).length;
  return `${JSON.stringify(
    {
      tool: { name: 'rampart', version: report.toolVersion },
      summary: {
        filesScanned: report.filesScanned,
        findings: report.findings.length - suppressed,
        blocking,
        suppressed,
        ...(report.hasBaseline
          ? {
              new: report.findings.filter((item) => item.suppression === null && item.baselineState === 'new').length,
              unchanged: report.findings.filter((item) => item.suppression === null && item.baselineState === 'unchanged').length,
              absent: report.absent.length,
            }
          : {}),
        problems: report.problems.length,
      },
      findings: report.findings.map(({ finding, fingerprint, suppression, baselineState, isBlocking }) => ({
        ruleId: finding.ruleId,
        ...ruleFields(rules.get(finding.ruleId)),
        severity: finding.severity,
        message: finding.message,
        file: finding.file,
        line: finding.span.start.line,
        column: finding.span.start.column + 1,
        endLine: finding.span.end.line,
        endColumn: finding.span.end.column + 1,
        fingerprint,
        blocking: isBlocking,
        ...(suppression !== null ? { suppressed: { justification: suppression.justification, line: suppression.span.start.line } } : {}),
        ...(baselineState !== null ? { baselineState } : {}),
        ...(finding.flows !== undefined ? flowsJson(finding.flows) : {}),
        ...(finding.properties !== undefined ? { properties: finding.properties } : {}),
        ...(finding.suggestions !== undefined
          ? {
              suggestions: finding.suggestions.map((suggestion) => ({
                message: suggestion.message,
                edits: suggestion.edits.map((edit) => ({
                  line: edit.span.start.line,
                  column: edit.span.start.column + 1,
                  endLine: edit.span.end.line,
                  endColumn: edit.span.end.column + 1,
                  text: edit.text,
                })),
              })),
            }
          : {}),
      })),
      absent: report.absent,
      problems: report.problems,
      rulesNotLoaded: { skipped: report.rulesNotLoaded.skipped, otherLanguages: Object.fromEntries(report.rulesNotLoaded.otherLanguages) },
    },
    null,
    2,
  )}\n`;
}

interface JsonStep {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * `flows`: every path to the finding (one per source and carrier), each with its source label and, when it
 * enters the sink's module through a call, that call (`carrier`, where the ESLint host reports the path).
 * `flow` is the first path's steps, as earlier versions wrote it.
 */
function flowsJson(flows: readonly FindingFlow[]): { flow: JsonStep[]; flows: object[] } {
  const steps = (flow: FindingFlow): JsonStep[] => flow.steps.map((step) => ({ ...position(step), message: step.message }));
  return {
    flow: flows[0] === undefined ? [] : steps(flows[0]),
    flows: flows.map((flow) => ({
      source: flow.source,
      ...(flow.carrier !== undefined ? { carrier: position(flow.carrier) } : {}),
      steps: steps(flow),
    })),
  };
}

function position(location: FindingLocation): { file: string; line: number; column: number } {
  return { file: location.file, line: location.span.start.line, column: location.span.start.column + 1 };
}

/** What a consumer needs to triage a finding without the docs: title, weakness classes, precision and docs page. */
function ruleFields(summary: RuleSummary | undefined): Record<string, unknown> {
  if (summary === undefined) return {};
  return { title: summary.title, cwe: summary.cwe, owasp: { 2021: summary.owasp2021, 2025: summary.owasp2025 }, precision: summary.precision, ...(summary.docsUrl !== null ? { docsUrl: summary.docsUrl } : {}) };
}
