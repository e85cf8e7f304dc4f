/** Machine-readable output: findings with 1-based lines and columns, problems, and a summary. */
import type { ScanReport } from './scan-report.js';

export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(
    {
      tool: { name: 'rampart', version: report.toolVersion },
      summary: { filesScanned: report.filesScanned, findings: report.findings.length, problems: report.problems.length },
      findings: report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        file: finding.file,
        line: finding.span.start.line,
        column: finding.span.start.column + 1,
        endLine: finding.span.end.line,
        endColumn: finding.span.end.column + 1,
        ...(finding.flow !== undefined
          ? { flow: finding.flow.map((step) => ({ file: step.file, line: step.span.start.line, column: step.span.start.column + 1, message: step.message })) }
          : {}),
      })),
      problems: report.problems,
    },
    null,
    2,
  )}\n`;
}
