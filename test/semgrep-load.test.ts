/**
 * Loading YAML rule files: every mistake is a ConfigError at file:line:column naming the problem, and a loaded
 * rule carries rampart metadata mapped from Semgrep's (severity, precision, CWE, OWASP, help).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../src/engine/problems.js';
import { loadYamlRules, loadYamlRuleSet, type YamlRuleSet } from '../src/semgrep/load.js';

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

function loadSet(files: Readonly<Record<string, string>>, paths = ['rules'], strict = false): YamlRuleSet {
  const directory = mkdtempSync(join(root, 'case-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return loadYamlRuleSet(paths.map((path) => join(directory, path)), { cwd: directory, reservedIds: RESERVED, strict });
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
      id: 'rules.nested.org.cookie-without-secure',
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
    ['a pattern that does not parse', `${HEAD}    pattern: foo(\n`, "rules/bad.yaml:6:18: pattern rampart cannot parse: ')' expected."],
    ['a pattern error inside a block scalar', `${HEAD}    pattern: |\n      const a = 1;\n      foo(bar baz);\n`, "rules/bad.yaml:8:15: pattern rampart cannot parse: ',' expected."],
    ['a language that is not a string', 'rules:\n  - id: r\n    message: m\n    severity: ERROR\n    languages: [3]\n    pattern: eval(x)\n', 'rules/bad.yaml:5:17: a language must be a non-empty string'],
    ['an unsupported operator', `${HEAD}    patterns:\n      - pattern: f($X)\n      - metavariable-comparison:\n          metavariable: $X\n          comparison: $X > 1\n`, 'rules/bad.yaml:8:9: metavariable-comparison is not supported; use metavariable-regex on the value'],
    ['a regex JavaScript cannot run', `${HEAD}    pattern-regex: 'a++b'\n`, 'rules/bad.yaml:6:20: regex JavaScript cannot run: possessive quantifiers (*+, ++, ?+) are not supported by JavaScript regular expressions'],
    ['a focus on a metavariable no pattern binds', `${HEAD}    patterns:\n      - pattern: f($X)\n      - focus-metavariable: $Y\n`, 'rules/bad.yaml:8:29: $Y does not appear in any pattern of this rule'],
    ['a rule without a pattern', HEAD, 'rules/bad.yaml:2:5: expected one of pattern, patterns, pattern-either, pattern-regex'],
    ['an unknown severity', 'rules:\n  - id: r\n    message: m\n    severity: FATAL\n    languages: [js]\n    pattern: f()\n', 'rules/bad.yaml:4:15: severity must be one of CRITICAL, ERROR, HIGH, WARNING, MEDIUM, INFO, LOW'],
    ['a YAML syntax error', 'rules:\n  - id: r\n   message: m\n', 'rules/bad.yaml:3:1: Sequence item without - indicator'],
    ['taint keys without taint mode', `${HEAD}    pattern-sinks:\n      - pattern: f($X)\n`, "rules/bad.yaml:6:5: pattern-sinks needs 'mode: taint'"],
    ['an ellipsis as a whole for header (not supported)', `${HEAD}    pattern: for (...) { ... }\n`, "rules/bad.yaml:6:22: pattern rampart cannot parse: ';' expected."],
    ['a file that is not a rule file', 'name: ci\non: push\n', 'rules/bad.yaml:1:1: not a rule file: expected a top-level `rules:` list'],
  ])('%s', (_case, text, message) => {
    expect(loadError(text)).toBe(message);
  });

  it('refuses, under strict, an id its directory already defines, naming both places', () => {
    const rule = `${HEAD}    pattern: f()\n`;
    expect(() => load({ 'rules/a.yaml': rule, 'rules/b.yaml': rule })).toThrow("rules/b.yaml:2:1: rule id 'rules.r' is already defined at rules/a.yaml:2; this one is not loaded");
  });

  it('refuses a rule whose id is a built-in rule id', () => {
    expect(() => load({ 'bad.yaml': HEAD.replace('id: r', 'id: sql-injection') + '    pattern: f()\n' }, ['bad.yaml'])).toThrow("bad.yaml:2:1: rule id 'sql-injection' is the id of a built-in rule; give the YAML rule another id");
  });

  it('refuses a rule path that is not YAML', () => {
    expect(() => load({ 'rules/r.js': 'module.exports = {}' }, ['rules/r.js'])).toThrow(/rule files are \.yml or \.yaml/);
  });
});

describe('loading a directory of rules as Semgrep does', () => {
  const rule = (id: string, languages: string, body = 'pattern: eval($X)'): string => `rules:\n  - id: ${id}\n    message: m\n    severity: ERROR\n    languages: ${languages}\n    ${body}\n`;

  it('qualifies ids by the rule file directories, so folders may reuse an id', () => {
    const set = loadSet({ 'rules/js/sqli.yaml': rule('my-rule', '[javascript]'), 'rules/ts/sqli.yml': rule('my-rule', '[typescript]'), 'rules/top.yaml': rule('top', '[js]') });
    expect(set.rules.map((loaded) => [loaded.id, loaded.yamlSource?.file])).toEqual([
      ['rules.js.my-rule', 'rules/js/sqli.yaml'],
      ['rules.top', 'rules/top.yaml'],
      ['rules.ts.my-rule', 'rules/ts/sqli.yml'],
    ]);
    expect(set.skipped).toEqual([]);
  });

  it('keeps the id of a rule file directly in the working directory', () => {
    expect(loadSet({ 'top.yaml': rule('top', '[js]') }, ['top.yaml']).rules.map((loaded) => loaded.id)).toEqual(['top']);
  });

  it('counts rules for other languages and loads the rest', () => {
    const set = loadSet({
      'rules/py.yaml': `${rule('py-a', '[python]')}${rule('py-b', '[python, python3]').replace('rules:\n', '')}`,
      'rules/generic.yaml': rule('gen', '[generic]', 'pattern: password = ...'),
      'rules/regex.yaml': rule('rx', '[regex]', "pattern-regex: 'secret'"),
      'rules/go.yaml': rule('go', '[go]', 'pattern: fmt.Println(...)'),
      'rules/both.yaml': rule('both', '[python, javascript]'),
    });
    expect(set.rules.map((loaded) => loaded.id)).toEqual(['rules.both']);
    expect(Object.fromEntries(set.otherLanguages)).toEqual({ python: 2, generic: 1, regex: 1, go: 1 });
    expect(set.skipped).toEqual([]);
  });

  it('skips a rule that uses an unsupported operator with a notice naming file, line, rule and feature', () => {
    const unsupported = `${HEAD.replace('id: r', 'id: compares')}    patterns:\n      - pattern: f($X)\n      - metavariable-comparison:\n          metavariable: $X\n          comparison: $X > 1\n`;
    const set = loadSet({ 'rules/a.yaml': unsupported, 'rules/b.yaml': rule('fine', '[js]') });
    expect(set.rules.map((loaded) => loaded.id)).toEqual(['rules.fine']);
    expect(set.skipped).toEqual([{ file: 'rules/a.yaml', line: 8, column: 9, ruleId: 'compares', problem: 'metavariable-comparison is not supported; use metavariable-regex on the value' }]);
  });

  it.each([
    ['a pattern rampart cannot parse', 'pattern: foo(', 6, 18, "pattern rampart cannot parse: ')' expected."],
    ['a regex JavaScript cannot run', "pattern-regex: '(?>a)'", 6, 20, 'regex JavaScript cannot run: atomic groups (?>...) are not supported by JavaScript regular expressions'],
    ['join mode', 'mode: join', 6, 11, 'join mode is not supported (search or taint)'],
    ['a taint label', 'mode: taint\n    pattern-sources:\n      - label: USER\n        pattern: req.query\n    pattern-sinks:\n      - pattern: eval($X)', 8, 9, 'label is not supported in taint rules'],
    ['the v2 syntax', 'match: eval($X)', 6, 5, "the v2 rule syntax ('match:') is not supported"],
  ])('skips a rule with %s', (_case, body, line, column, problem) => {
    const set = loadSet({ 'rules/a.yaml': rule('odd', '[js]', body), 'rules/b.yaml': rule('fine', '[js]') });
    expect(set.rules.map((loaded) => loaded.id)).toEqual(['rules.fine']);
    expect(set.skipped).toEqual([{ file: 'rules/a.yaml', line, column, ruleId: 'odd', problem }]);
  });

  it('skips a second rule with the same qualified id, and strict makes skipping an error', () => {
    const set = loadSet({ 'rules/a.yaml': rule('same', '[js]'), 'rules/b.yaml': rule('same', '[js]') });
    expect(set.rules.map((loaded) => loaded.yamlSource?.file)).toEqual(['rules/a.yaml']);
    expect(set.skipped.map((skipped) => `${skipped.file}:${skipped.line}: ${skipped.problem}`)).toEqual(["rules/b.yaml:2: rule id 'rules.same' is already defined at rules/a.yaml:2; this one is not loaded"]);
    expect(() => loadSet({ 'rules/a.yaml': rule('odd', '[js]', 'mode: join') }, ['rules'], true)).toThrow('rules/a.yaml:6:11: join mode is not supported (search or taint)');
  });

  it('still stops the load for an invalid rule or invalid YAML', () => {
    expect(() => loadSet({ 'rules/a.yaml': rule('odd', '[js]', 'patternz: f()'), 'rules/b.yaml': rule('fine', '[js]') })).toThrow("rules/a.yaml:6:5: unknown rule key 'patternz'");
    expect(() => loadSet({ 'rules/a.yaml': 'rules:\n  - id: r\n   message: m\n' })).toThrow('rules/a.yaml:3:1: Sequence item without - indicator');
  });
});
