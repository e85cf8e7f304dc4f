/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite per scanned file
 * with findings, one failed test case per finding, as ESLint's junit formatter lays them out; problems are a
 * suite of their own whose cases are errors. Suppressed and baselined findings are not failures.
 */
import { describeProblem, type ScanReport } from './scan-report.js';

/** XML text: the five entities, and characters XML 1.0 cannot hold at all dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(report: ScanReport): string {
  const byFile = new Map<string, string[]>();
  let failures = 0;
  for (const item of report.findings) {
    if (item.suppression !== null || item.baselineState === 'unchanged') continue;
    const { finding } = item;
    failures += 1;
    const at = `${finding.file}:${finding.span.start.line}:${finding.span.start.column + 1}`;
    const cases = byFile.get(finding.file) ?? [];
    cases.push(
      `    <testcase classname="${xml(finding.file)}" name="${xml(`rampart/${finding.ruleId} ${at}`)}" time="0">\n` +
        `      <failure type="${xml(finding.severity)}" message="${xml(finding.message)}">${xml(`${at} ${finding.message} (${finding.ruleId})`)}</failure>\n` +
        '    </testcase>',
    );
    byFile.set(finding.file, cases);
  }
  const suites = [...byFile].map(([file, cases]) => `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${cases.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  if (report.problems.length > 0) {
    const cases = report.problems.map(
      (problem) => `    <testcase classname="${xml(problem.file)}" name="${xml(`rampart ${problem.kind}`)}" time="0">\n      <error type="${xml(problem.kind)}" message="${xml(describeProblem(problem))}"/>\n    </testcase>`,
    );
    suites.push(`  <testsuite name="rampart: not scanned or incomplete" tests="${cases.length}" failures="0" errors="${cases.length}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const tests = failures + report.problems.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rampart" tests="${tests}" failures="${failures}" errors="${report.problems.length}">\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}
