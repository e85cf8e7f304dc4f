/**
 * Runs YAML rules through rampart's own engine on files written to a temporary directory, for the matcher's
 * unit tests: load (the CLI's loader), scan (the CLI's engine, either parser), findings as `rule:line`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan } from '../src/engine/run.js';
import type { ParserName } from '../src/engine/parse.js';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import { loadYamlRules } from '../src/semgrep/load.js';

export interface YamlScan {
  /** `rule-id:line` per finding, in report order. */
  readonly hits: readonly string[];
  readonly messages: readonly string[];
  readonly problems: readonly string[];
}

export function scanWithYaml(ruleYaml: string, files: Readonly<Record<string, string>>, parser: ParserName = 'typescript-estree'): YamlScan {
  const root = mkdtempSync(join(tmpdir(), 'rampart-semgrep-'));
  try {
    writeFileSync(join(root, 'rules.yaml'), ruleYaml);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
      writeFileSync(join(root, 'src', path), text);
    }
    const rules = loadYamlRules([join(root, 'rules.yaml')], { cwd: root, reservedIds: new Set(BUILT_IN_RULES.map((rule) => rule.id)) });
    const result = scan({ paths: ['src'], cwd: root, ignore: [], maxFileSize: 1024 * 1024, rules: rules.map((rule) => ({ rule, severity: rule.severity })), parser });
    return {
      hits: result.findings.map((finding) => `${finding.ruleId}:${finding.span.start.line}`),
      messages: result.findings.map((finding) => finding.message),
      problems: result.problems.map((problem) => `${problem.kind}: ${'message' in problem ? problem.message : ''}`),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A one-rule file: `rule(id, body)` where body is the YAML under the rule, indented by four spaces. */
export function oneRule(id: string, body: string, message = 'found $X'): string {
  const indented = body.trim().split('\n').map((line) => `    ${line}`).join('\n');
  return `rules:\n  - id: ${id}\n    message: ${JSON.stringify(message)}\n    severity: ERROR\n    languages: [javascript, typescript]\n${indented}\n`;
}
