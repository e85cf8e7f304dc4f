/**
 * `rampart test-rules <dir>`: Semgrep's `--test` for a team's YAML rules. Each rule file `x.yaml` runs on the
 * targets beside it with the same stem (`x.js`, `x.ts`, ...). A comment alone on its line names what the
 * next line must do: `// ruleid: <id>` be reported, `// ok: <id>` not, `// todoruleid: <id>` a known miss
 * (not reported yet), `// todook: <id>` a known false positive (still reported); ids may be comma-separated.
 * As in Semgrep, the reported lines of each rule must equal its `ruleid` plus `todook` lines, and rules keep
 * the ids they state (no path prefix). Every annotation passes or fails on its own line of output; a finding
 * no annotation expects fails too. Exit 1 on any failure, 2 for a rule file that does not load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { scan } from '../engine/run.js';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/discover.js';
import type { Rule } from '../rules-api/rule-types.js';
import { describeSkippedRule } from '../report/scan-report.js';
import { loadYamlRuleSet, ruleFilesIn } from './load.js';

const TARGET_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];
const ANNOTATION = /^(?:\/\/|\{?\/\*)\s*(ruleid|ok|todoruleid|todook):\s*(.*?)\s*(?:\*\/\}?)?$/;

type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

interface Annotation {
  readonly kind: AnnotationKind;
  readonly ruleId: string;
  /** The line the annotation is about: the one below it. */
  readonly line: number;
}

export interface RuleTestOptions {
  readonly cwd: string;
  readonly reservedIds: ReadonlySet<string>;
  readonly print: (line: string) => void;
}

export interface RuleTestSummary {
  readonly passed: number;
  readonly failed: number;
}

/** Runs the rule tests under `paths` (absolute), printing one line per annotation and per unexpected finding. */
export function runRuleTests(paths: readonly string[], options: RuleTestOptions): RuleTestSummary {
  let passed = 0;
  let failed = 0;
  const display = (path: string): string => relative(options.cwd, path) || path;
  for (const ruleFile of paths.flatMap((path) => ruleFilesIn(path, options.cwd))) {
    const targets = TARGET_EXTENSIONS.map((extension) => join(dirname(ruleFile), `${basename(ruleFile, extname(ruleFile))}${extension}`)).filter((target) => existsSync(target));
    if (targets.length === 0) continue;
    const set = loadYamlRuleSet([ruleFile], { cwd: options.cwd, reservedIds: options.reservedIds, qualifyIds: false });
    options.print(display(ruleFile));
    for (const skipped of set.skipped) {
      failed += 1;
      options.print(`  ✖ ${describeSkippedRule(skipped)}`);
    }
    for (const target of targets) {
      const outcome = checkTarget(target, set.rules, options.cwd);
      for (const line of outcome.lines) options.print(`  ${line}`);
      passed += outcome.passed;
      failed += outcome.failed;
    }
  }
  return { passed, failed };
}

function checkTarget(target: string, rules: readonly Rule[], cwd: string): { lines: string[]; passed: number; failed: number } {
  const shown = relative(cwd, target) || target;
  const text = readFileSync(target, 'utf8');
  const annotations = annotationsOf(text);
  // Scanned from its own directory: a rule test under `test/` is the code under test, not a test that the
  // taint engine's test-path convention (no request sources in test code) should quiet.
  const result = scan({ paths: [basename(target)], cwd: dirname(target), ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, rules: rules.map((rule) => ({ rule, severity: rule.severity })) });
  const reported = new Set(result.findings.map((finding) => `${finding.ruleId}:${finding.span.start.line}`));
  const lines: string[] = result.problems.map((problem) => `✖ ${shown}: not scanned (${problem.kind})`);
  let passed = 0;
  let failed = lines.length;
  const expected = new Set<string>();
  for (const annotation of annotations) {
    const key = `${annotation.ruleId}:${annotation.line}`;
    const isReported = reported.has(key);
    const wantReported = annotation.kind === 'ruleid' || annotation.kind === 'todook';
    if (wantReported) expected.add(key);
    const ok = isReported === wantReported;
    if (ok) passed += 1;
    else failed += 1;
    const why = ok ? '' : isReported ? ' (reported)' : ' (not reported)';
    lines.push(`${ok ? '✔' : '✖'} ${shown}:${annotation.line} ${annotation.kind}: ${annotation.ruleId}${why}`);
  }
  for (const finding of result.findings) {
    const key = `${finding.ruleId}:${finding.span.start.line}`;
    if (expected.has(key) || annotations.some((annotation) => `${annotation.ruleId}:${annotation.line}` === key)) continue;
    expected.add(key);
    failed += 1;
    lines.push(`✖ ${shown}:${finding.span.start.line} ${finding.ruleId} reported, but no annotation expects it`);
  }
  return { lines, passed, failed };
}

function annotationsOf(text: string): Annotation[] {
  return text.split(/\r?\n/).flatMap((source, index) => {
    const match = ANNOTATION.exec(source.trim());
    if (match === null) return [];
    const kind = match[1] as AnnotationKind;
    return (match[2] ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '').map((ruleId) => ({ kind, ruleId, line: index + 2 }));
  });
}
