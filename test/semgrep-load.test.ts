/**
 * Loading YAML rule files: every mistake is a ConfigError at file:line:column naming the problem, and a loaded
 * rule carries rampart metadata mapped from Semgrep's (severity, precision, CWE, OWASP, help).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../src/engine/problems.js';
import { loadYamlRules } from '../src/semgrep/load.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rampart-semgrep-load-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RESERVED = new Set(['sql-injection']);

function load(files: Readonly<Record<string, string>>, paths = ['rules']): ReturnType<typeof loadYamlRules> {
  const directory = mkdtempSync(join(root, 'case-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return loadYamlRules(paths.map((path) => join(directory, path)), { cwd: directory, reservedIds: RESERVED });
}

function loadError(text: string): string {
  try {
    load({ 'rules/bad.yaml': text });
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a load error');
}

const HEAD = 'rules:\n  - id: r\n    message: m\n    severity: WARNING\n    languages: [javascript]\n';

describe('rule metadata', () => {
  it('maps Semgrep fields onto a rampart rule', () => {
    const [rule] = load({
      'rules/nested/cookie.yml': `rules:
  - id: org.cookie-without-secure
    message: |
      Cookie set without the secure flag. Set secure: true.
    severity: ERROR
    languages: [js, ts]
    metadata:
      cwe: ["CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute", "CWE-315: Cleartext Storage of Sensitive Information in a Cookie"]
      owasp: ["A05:2021 - Security Misconfiguration", "A02:2025 - Security Misconfiguration"]
      confidence: HIGH
      references: [https://owasp.org/www-community/controls/SecureCookieAttribute]
    pattern: 'res.cookie(..., {..., secure: false, ...})'
`,
    });
    expect(rule).toMatchObject({
      id: 'org.cookie-without-secure',
      title: 'Cookie set without the secure flag',
      severity: 'high',
      precision: 'high',
      // CWE-315 is not in rampart's table: reporters show it from yamlSource only.
      cwe: ['CWE-614'],
      owasp: { 2021: ['A05:2021'], 2025: ['A02:2025'] },
      yamlSource: { file: 'rules/nested/cookie.yml', line: 2, cwe: ['CWE-614', 'CWE-315'], owasp: ['A05:2021', 'A02:2025'], helpUri: 'https://owasp.org/www-community/controls/SecureCookieAttribute' },
    });
  });

  it('lets metadata.rampart-severity say critical', () => {
    const [rule] = load({ 'rules/a.yaml': `${HEAD}    metadata: { rampart-severity: critical }\n    pattern: eval($X)\n` });
    expect(rule?.severity).toBe('critical');
  });
});

describe('load errors name file:line:column', () => {
  it.each([
    ['a pattern that does not parse', `${HEAD}    pattern: foo(\n`, "rules/bad.yaml:6:18: invalid pattern: ')' expected."],
    ['a pattern error inside a block scalar', `${HEAD}    pattern: |\n      const a = 1;\n      foo(bar baz);\n`, "rules/bad.yaml:8:15: invalid pattern: ',' expected."],
    ['a rule for another language', 'rules:\n  - id: r\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval(x)\n', 'rules/bad.yaml:5:17: rampart runs JavaScript and TypeScript rules only, not "python"'],
    ['an unsupported operator', `${HEAD}    patterns:\n      - pattern: f($X)\n      - metavariable-comparison:\n          metavariable: $X\n          comparison: $X > 1\n`, 'rules/bad.yaml:8:9: metavariable-comparison is not supported; use metavariable-regex on the value'],
    ['a regex JavaScript cannot run', `${HEAD}    pattern-regex: 'a++b'\n`, 'rules/bad.yaml:6:20: invalid regex: possessive quantifiers (*+, ++, ?+) are not supported by JavaScript regular expressions'],
    ['a focus on a metavariable no pattern binds', `${HEAD}    patterns:\n      - pattern: f($X)\n      - focus-metavariable: $Y\n`, 'rules/bad.yaml:8:29: $Y does not appear in any pattern of this rule'],
    ['a rule without a pattern', HEAD, 'rules/bad.yaml:2:5: expected one of pattern, patterns, pattern-either, pattern-regex'],
    ['an unknown severity', 'rules:\n  - id: r\n    message: m\n    severity: FATAL\n    languages: [js]\n    pattern: f()\n', 'rules/bad.yaml:4:15: severity must be one of CRITICAL, ERROR, HIGH, WARNING, MEDIUM, INFO, LOW'],
    ['a built-in rule id', HEAD.replace('id: r', 'id: sql-injection') + '    pattern: f()\n', "rules/bad.yaml:2:1: rule id 'sql-injection' is the id of a built-in rule; give the YAML rule another id"],
    ['a YAML syntax error', 'rules:\n  - id: r\n   message: m\n', 'rules/bad.yaml:3:1: Sequence item without - indicator'],
    ['taint keys without taint mode', `${HEAD}    pattern-sinks:\n      - pattern: f($X)\n`, "rules/bad.yaml:6:5: pattern-sinks needs 'mode: taint'"],
    ['an ellipsis as a whole for header (not supported)', `${HEAD}    pattern: for (...) { ... }\n`, "rules/bad.yaml:6:22: invalid pattern: ';' expected."],
    ['a file that is not a rule file', 'name: ci\non: push\n', 'rules/bad.yaml:1:1: not a rule file: expected a top-level `rules:` list'],
  ])('%s', (_case, text, message) => {
    expect(loadError(text)).toBe(message);
  });

  it('rejects a duplicate id across files, naming both places', () => {
    const rule = `${HEAD}    pattern: f()\n`;
    expect(() => load({ 'rules/a.yaml': rule, 'rules/b.yaml': rule })).toThrow("rules/b.yaml:2:1: rule id 'r' is already defined at rules/a.yaml:2");
  });

  it('refuses a rule path that is not YAML', () => {
    expect(() => load({ 'rules/r.js': 'module.exports = {}' }, ['rules/r.js'])).toThrow(/rule files are \.yml or \.yaml/);
  });
});
