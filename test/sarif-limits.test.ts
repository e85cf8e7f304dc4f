/**
 * GitHub's SARIF upload limits (25,000 results per run, 10,000 thread-flow locations per result, 20 tags per
 * rule, 10 MB gzipped): over a limit, rampart keeps the most severe results and says so in a tool
 * notification instead of producing a file GitHub rejects. Built from synthetic reports: tens of thousands of
 * findings through the CLI would test the machine, not the limits.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unusedSuppression } from '../src/gate/unused-suppression.js';
import { buildSarif } from '../src/report/sarif.js';
import { GITHUB_LIMITS } from '../src/report/sarif-limits.js';
import { ruleTags } from '../src/report/sarif-rules.js';
import { NO_RULES_NOT_LOADED, type ReportedFinding, type ScanReport } from '../src/report/scan-report.js';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import type { Finding, FlowLocation } from '../src/rules-api/rule-types.js';
import type { Severity } from '../src/taxonomy/severity.js';
import { REPO_ROOT } from './support/hosts.js';

const SQL = BUILT_IN_RULES.find((rule) => rule.id === 'sql-injection');
if (SQL === undefined) throw new Error('sql-injection is not registered');

function finding(index: number, severity: Severity, message = 'SQL built from request data.', flow?: FlowLocation[]): ReportedFinding {
  const line = index + 1;
  const base: Finding = {
    ruleId: 'sql-injection',
    severity,
    message,
    file: `src/file-${Math.floor(index / 1000)}.ts`,
    range: [0, 10],
    span: { start: { line, column: 2 }, end: { line, column: 12 } },
    excerpt: { firstLine: line, lines: ['  q(a + b);'] },
    ...(flow !== undefined ? { flows: [{ source: null, steps: flow }] } : {}),
  };
  return { finding: base, fingerprint: `${index.toString(16).padStart(32, '0')}:1`, suppression: null, baselineState: null, isBlocking: true };
}

function report(findings: ReportedFinding[]): ScanReport {
  return {
    toolVersion: '0.0.0',
    root: REPO_ROOT,
    sourceRoot: REPO_ROOT,
    rules: [{ rule: SQL as NonNullable<typeof SQL>, severity: 'critical' }],
    findings,
    absent: [],
    problems: [],
    filesScanned: 1,
    automationId: 'rampart/',
    versionControl: null,
    hasBaseline: false,
    rulesNotLoaded: NO_RULES_NOT_LOADED,
  };
}

describe('GitHub upload limits', () => {
  it('keeps the 25,000 most severe results of a larger run and says so', () => {
    const severities: Severity[] = ['low', 'medium', 'high', 'critical'];
    const findings = Array.from({ length: GITHUB_LIMITS.resultsPerRun + 10 }, (_, index) => finding(index, severities[index % 4] ?? 'low'));
    const run = buildSarif(report(findings)).runs[0];
    expect(run?.results).toHaveLength(GITHUB_LIMITS.resultsPerRun);
    // The 10 dropped are all low: every critical, high and medium result survives.
    expect(run?.results?.filter((result) => result.level === 'error')).toHaveLength(findings.filter((item) => item.finding.severity === 'critical' || item.finding.severity === 'high').length);
    const notices = run?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notices.map((notice) => [notice.descriptor?.id, notice.message.text])).toEqual([
      ['results-truncated', "25010 results exceed GitHub's limit of 25000 per run; kept the 25000 most severe."],
    ]);
  });

  it('cuts a thread flow over 10,000 steps, keeping the sink', () => {
    const steps: FlowLocation[] = Array.from({ length: GITHUB_LIMITS.threadFlowLocationsPerResult + 5 }, (_, index) => ({
      file: 'src/a.ts',
      range: [index, index + 1],
      span: { start: { line: index + 1, column: 0 }, end: { line: index + 1, column: 1 } },
      message: `step ${index}`,
    }));
    const run = buildSarif(report([finding(0, 'critical', 'flow', steps)])).runs[0];
    const locations = run?.results?.[0]?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    expect(locations).toHaveLength(GITHUB_LIMITS.threadFlowLocationsPerResult);
    expect(locations.at(-1)?.location?.message?.text).toBe(`step ${steps.length - 1}`);
    expect(run?.invocations?.[0]?.toolExecutionNotifications?.map((notice) => notice.descriptor?.id)).toEqual(['code-flow-truncated']);
  });

  it('drops the least severe results until the gzipped file is under 10 MB', () => {
    // Random hex messages barely compress: 12,000 results of 1.8 KB make about 11 MB gzipped.
    const findings = Array.from({ length: 12_000 }, (_, index) => finding(index, index < 6000 ? 'low' : 'critical', randomBytes(900).toString('hex')));
    const log = buildSarif(report(findings));
    const size = gzipSync(JSON.stringify(log)).length;
    expect(size).toBeLessThanOrEqual(GITHUB_LIMITS.gzippedBytes);
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeLessThan(12_000);
    expect(results.filter((result) => result.level === 'error')).toHaveLength(6000);
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(/^the gzipped SARIF exceeded GitHub's 10 MB upload limit; kept the \d+ most severe of 12000 results\.$/);
  });

  it('never gives a rule more than 20 tags, security and the CWE first', () => {
    for (const rule of [...BUILT_IN_RULES, unusedSuppression]) {
      const tags = ruleTags(rule);
      expect(tags.length, rule.id).toBeLessThanOrEqual(GITHUB_LIMITS.tagsPerRule);
      expect(tags[0], rule.id).toBe('security');
      expect(tags[1], rule.id).toMatch(/^external\/cwe\/cwe-\d+$/);
    }
  });
});
