/**
 * Human output: findings grouped by file, each at a clickable `path:line:col` with a code frame, its rule id
 * and, for taint, its paths as source → … → sink (a taint finding is at its sink); then problems, then one
 * summary line. Colour only when the stream is a TTY (NO_COLOR and FORCE_COLOR are honoured by the caller).
 * Findings suppressed in source are only counted; with a baseline, only new findings are listed, known ones
 * are counted, and baselined findings no longer found are listed as fixed.
 */
import type { Finding, FindingFlow } from '../rules-api/rule-types.js';
import { SEVERITIES, type Severity } from '../taxonomy/severity.js';
import { describeOtherLanguages, describeProblem, describeSkippedRule, type ScanReport } from './scan-report.js';

export interface TextOptions {
  readonly color: boolean;
  /** Only findings: no problems section and no summary line. */
  readonly quiet: boolean;
}

const STYLE = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', magenta: '\u001b[35m', cyan: '\u001b[36m' } as const;
const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { critical: STYLE.magenta, high: STYLE.red, medium: STYLE.yellow, low: STYLE.cyan };

export function formatText(report: ScanReport, options: TextOptions): string {
  const paint = (style: string, text: string): string => (options.color ? `${style}${text}${STYLE.reset}` : text);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of listed(report)) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(paint(STYLE.bold, printable(file)));
    for (const finding of findings) {
      // `path:line:col` is what terminals and editors make clickable.
      const position = `${printable(finding.file)}:${finding.span.start.line}:${finding.span.start.column + 1}`;
      out.push(`  ${position} ${paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(8))} ${printable(finding.message)}  ${paint(STYLE.dim, finding.ruleId)}`);
      out.push(...codeFrame(finding, paint));
      const flows = finding.flows ?? [];
      if (flows.length === 1 && flows[0] !== undefined) out.push(`    ${paint(STYLE.dim, 'path:')} ${compactPath(flows[0])}`);
      else if (flows.length > 1) {
        out.push(`    ${paint(STYLE.dim, `${flows.length} paths reach this sink:`)}`);
        for (const flow of flows) out.push(`      ${compactPath(flow)}`);
      }
      out.push('');
    }
  }
  if (!options.quiet && report.absent.length > 0) {
    out.push(paint(STYLE.bold, 'Fixed since the baseline (no longer found):'));
    for (const gone of report.absent) out.push(`  ${gone.file}:${gone.line} (when baselined)  ${gone.message}  ${paint(STYLE.dim, gone.ruleId)}`);
    out.push('');
  }
  const otherLanguages = describeOtherLanguages(report.rulesNotLoaded.otherLanguages);
  if (!options.quiet && (report.rulesNotLoaded.skipped.length > 0 || otherLanguages !== null)) {
    out.push(paint(STYLE.bold, 'Rules not loaded:'));
    for (const skipped of report.rulesNotLoaded.skipped) out.push(`  ${printable(describeSkippedRule(skipped))}`);
    if (otherLanguages !== null) out.push(`  ${printable(otherLanguages)}`);
    out.push('');
  }
  if (!options.quiet && report.problems.length > 0) {
    out.push(paint(STYLE.bold, 'Not scanned or incomplete:'));
    for (const problem of report.problems) out.push(`  ${describeProblem(problem)}`);
    out.push('');
  }
  if (!options.quiet) out.push(summaryLine(report, paint));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * A path as source → … → sink: the source, each step where the path leaves a module (the call carrying it
 * into the next), and the sink; the steps between are elided. Each step as `path:line:col message`.
 */
export function compactPath(flow: FindingFlow): string {
  const steps = flow.steps;
  const kept = new Set<number>([0, steps.length - 1]);
  steps.forEach((step, index) => {
    const next = steps[index + 1];
    if (next !== undefined && next.file !== step.file) kept.add(index);
  });
  const parts: string[] = [];
  let previous = -1;
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index];
    if (step === undefined || !kept.has(index)) continue;
    if (previous >= 0 && index > previous + 1) parts.push('…');
    parts.push(`${printable(step.file)}:${step.span.start.line}:${step.span.start.column + 1} ${printable(step.message)}`);
    previous = index;
  }
  return parts.join(' → ');
}

function codeFrame(finding: Finding, paint: (style: string, text: string) => string): string[] {
  const { firstLine, lines } = finding.excerpt;
  const lastLine = firstLine + lines.length - 1;
  const width = String(lastLine).length;
  const frame: string[] = [];
  lines.forEach((text, offset) => {
    const line = firstLine + offset;
    const isFlagged = line >= finding.span.start.line && line <= finding.span.end.line;
    const gutter = `${isFlagged ? '>' : ' '} ${String(line).padStart(width)} | `;
    frame.push(`    ${isFlagged ? paint(STYLE.red, gutter) : paint(STYLE.dim, gutter)}${printable(text)}`);
    if (line === finding.span.start.line) {
      const start = finding.span.start.column;
      const end = finding.span.end.line === line ? finding.span.end.column : text.length;
      const marker = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start));
      frame.push(`    ${' '.repeat(width + 2)} | ${paint(STYLE.red, marker)}`);
    }
  });
  return frame;
}

/**
 * Scanned files are untrusted: a control character in a code frame, a file name or a message must not reach
 * the terminal or the CI log as one (an ESC sequence rewrites the screen, a lone CR hides what came before
 * it). Each is shown as a visible `\uXXXX` escape; tabs stay. The caret line under a frame may then drift by
 * a few columns, which is the lesser evil.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function summaryLine(report: ScanReport, paint: (style: string, text: string) => string): string {
  const shown = listed(report);
  const files = new Set(shown.map((finding) => finding.file)).size;
  const scanned = `${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} scanned`;
  const extras: string[] = [];
  const known = report.findings.filter((item) => item.suppression === null && item.baselineState === 'unchanged').length;
  const suppressed = report.findings.filter((item) => item.suppression !== null).length;
  if (report.hasBaseline) extras.push(`${known} known in the baseline, ${report.absent.length} fixed`);
  if (suppressed > 0) extras.push(`${suppressed} suppressed in source`);
  if (report.problems.length > 0) extras.push(`${report.problems.length} not scanned or incomplete`);
  if (report.rulesNotLoaded.skipped.length > 0) extras.push(`${report.rulesNotLoaded.skipped.length} YAML rule${report.rulesNotLoaded.skipped.length === 1 ? '' : 's'} not loaded`);
  const tail = [...extras, scanned].join('; ');
  const noun = report.hasBaseline ? 'new finding' : 'finding';
  if (shown.length === 0) return paint(STYLE.bold, `✔ no ${noun}s; ${tail}`);
  const counts = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, shown.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const total = shown.length;
  return paint(STYLE.bold, `✖ ${total} ${noun}${total === 1 ? '' : 's'} (${counts}) in ${files} file${files === 1 ? '' : 's'}; ${tail}`);
}

/** Findings worth a code frame: not suppressed in source and, against a baseline, new. */
function listed(report: ScanReport): Finding[] {
  return report.findings.filter((item) => item.suppression === null && item.baselineState !== 'unchanged').map((item) => item.finding);
}
