/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`): each finding becomes an annotation
 * on the pull request's diff and the run's summary, without code scanning. Severity maps to the command:
 * critical and high are errors, medium warnings, low notices. Only what the text report lists is annotated
 * (not suppressed; new, against a baseline); problems become warnings on their file.
 * Values are escaped as the runner's toolkit does (`%`, CR, LF; and `:` `,` in properties), so a message
 * or a file name cannot end the command early or smuggle in another one.
 */
import type { Severity } from '../taxonomy/severity.js';
import { describeProblem, type ScanReport } from './scan-report.js';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Readonly<Record<string, string | number>>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name} ${list.join(',')}::${escapeData(message)}`;
}

export function formatGithubAnnotations(report: ScanReport): string {
  const lines: string[] = [];
  for (const item of report.findings) {
    if (item.suppression !== null || item.baselineState === 'unchanged') continue;
    const { finding } = item;
    lines.push(
      command(
        COMMAND[finding.severity],
        {
          file: finding.file,
          line: finding.span.start.line,
          col: finding.span.start.column + 1,
          endLine: finding.span.end.line,
          ...(finding.span.end.line === finding.span.start.line ? { endColumn: finding.span.end.column + 1 } : {}),
          title: `rampart/${finding.ruleId} (${finding.severity})`,
        },
        finding.message,
      ),
    );
  }
  for (const problem of report.problems) lines.push(command('warning', { file: problem.file, title: `rampart: ${problem.kind}` }, describeProblem(problem)));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
