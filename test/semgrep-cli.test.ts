/**
 * YAML rules end to end through the built CLI (`node bin/rampart.js` after `npm run build`): loaded from the
 * config's ruleDirectories and from --rules, configured like built-in rules, reported in JSON and SARIF,
 * silenced by suppression comments, and a broken rule file exits 2 naming file:line:column.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';
import { multitoolIssues, schemaErrors } from './support/sarif-validators.js';

/** As Semgrep names a local rule: qualified by the rule file's directory, team-rules/shell-exec.yaml. */
const RULE_ID = 'team-rules.shell-exec-with-variable';

const APP = `const cp = require('child_process');

function archive(directory) {
  cp.exec('tar czf out.tgz ' + directory);
  cp.exec('tar czf out.tgz data/');
}

function list(directory) {
  // rampart-ignore-next-line ${RULE_ID} -- the directory comes from our own config, not from users
  cp.execSync('ls ' + directory);
}

module.exports = { archive, list };
`;

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; severity: string; message: string; suppressed?: { justification: string } }[];
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; help: { markdown: string }; properties: { tags: string[]; 'security-severity': string } }[] } };
    results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
  }[];
}

let dir = '';
beforeAll(() => {
  dir = tempDir('semgrep-cli');
  mkdirSync(join(dir, 'team-rules'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'test', 'semgrep-rules', 'shell-exec.yaml'), join(dir, 'team-rules', 'shell-exec.yaml'));
  writeFiles(dir, { 'src/app.js': APP, 'rampart.config.json': '{ "ruleDirectories": ["team-rules"] }\n' });
});
afterAll(() => removeDir(dir));

describe('YAML rules through the CLI', () => {
  it('loads rules from the config ruleDirectories and reports their findings', async () => {
    const run = await rampart(['src', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.ruleId, finding.severity, finding.suppressed?.justification ?? null])).toEqual([
      ['src/app.js', 4, RULE_ID, 'high', null],
      ['src/app.js', 10, RULE_ID, 'high', 'the directory comes from our own config, not from users'],
    ]);
    expect(report.findings[0]?.message).toBe("child_process.exec runs 'tar czf out.tgz ' + directory in a shell. Pass the program and its arguments to execFile or spawn as an array instead.");
  });

  it('loads rules from --rules without a config, and --rule selects a YAML rule like a built-in one', async () => {
    const run = await rampart(['src', '--no-config', '--rules', 'team-rules/shell-exec.yaml', '--rule', RULE_ID, '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((finding) => [finding.line, finding.ruleId])).toEqual([
      [4, RULE_ID],
      [10, RULE_ID],
    ]);
  });

  it('lets the config turn a YAML rule off or change its severity', async () => {
    writeFiles(dir, { 'off.json': `{ "ruleDirectories": ["team-rules"], "rules": { "${RULE_ID}": "off" } }\n`, 'low.json': `{ "ruleDirectories": ["team-rules"], "rules": { "${RULE_ID}": "low" } }\n` });
    const off = await rampart(['src', '--config', 'off.json', '--format', 'json'], dir);
    expect(off.code).toBe(0);
    expect((JSON.parse(off.stdout) as JsonReport).findings).toEqual([]);
    const low = await rampart(['src', '--config', 'low.json', '--format', 'json', '--fail-on', 'medium'], dir);
    expect(low.code).toBe(0);
    expect((JSON.parse(low.stdout) as JsonReport).findings.map((finding) => [finding.line, finding.severity])).toEqual([
      [4, 'low'],
      [10, 'low'],
    ]);
  });

  it('describes the rule in SARIF tool.driver.rules like a built-in rule', async () => {
    const run = await rampart(['src', '--format', 'sarif=out.sarif'], dir);
    expect(run.code).toBe(1);
    const sarif = readJson<SarifLog>(join(dir, 'out.sarif'));
    const descriptor = sarif.runs[0]?.tool.driver.rules.find((rule) => rule.id === RULE_ID);
    expect(descriptor?.properties.tags).toEqual(['security', 'external/cwe/cwe-78', 'external/owasp/a03-2021', 'external/owasp/a05-2025']);
    expect(descriptor?.properties['security-severity']).toBe('7.5');
    expect(descriptor?.helpUri).toBe('https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback');
    expect(descriptor?.help.markdown).toContain('Pass the program and its arguments to execFile or spawn');
    expect(sarif.runs[0]?.results.filter((result) => result.ruleId === RULE_ID).map((result) => result.locations[0]?.physicalLocation.region.startLine)).toEqual([4, 10]);
  });

  it('skips a rule rampart cannot run with a notice, runs the rest, and --strict-rules exits 2 instead', async () => {
    writeFiles(dir, {
      'mixed/bad.yaml': 'rules:\n  - id: broken\n    message: m\n    severity: ERROR\n    languages: [javascript]\n    pattern: exec($X\n',
      'mixed/py.yaml': 'rules:\n  - id: py\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: eval($X)\n',
      'mixed/more/go.yaml': 'rules:\n  - id: go\n    message: m\n    severity: ERROR\n    languages: [go]\n    pattern: exec($X)\n',
      'mixed/shell.yaml': 'rules:\n  - id: shell\n    message: shell $X then $Y\n    severity: ERROR\n    languages: [javascript]\n    pattern: cp.exec($X + $Y)\n',
      'mixed.json': '{ "ruleDirectories": ["team-rules", "mixed"] }\n',
    });
    const notice = "mixed/bad.yaml:6:21: rule broken not loaded: pattern rampart cannot parse: ')' expected.";
    const text = await rampart(['src', '--config', 'mixed.json', '--no-color'], dir);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("src/app.js:4:3 high     shell 'tar czf out.tgz ' then directory  mixed.shell");
    expect(text.stdout).toContain(`Rules not loaded:\n  ${notice}\n  2 YAML rules for other languages not loaded (go 1, python 1); rampart runs JavaScript and TypeScript rules\n`);
    expect(text.stdout).toMatch(/; 1 YAML rule not loaded; 1 file scanned\n$/);

    const sarifRun = await rampart(['src', '--config', 'mixed.json', '--format', 'sarif=mixed.sarif'], dir);
    expect(sarifRun.code).toBe(1);
    const log = readJson<SarifLog & { runs: { invocations: { toolConfigurationNotifications: { level: string; message: { text: string }; descriptor: { id: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; properties?: { ruleId: string } }[] }[] }[] }>(join(dir, 'mixed.sarif'));
    expect(schemaErrors(log)).toEqual([]);
    expect(multitoolIssues(join(dir, 'mixed.sarif'))).toEqual([]);
    const notifications = log.runs[0]?.invocations[0]?.toolConfigurationNotifications ?? [];
    expect(notifications.map((item) => [item.level, item.descriptor.id, item.message.text, item.locations?.[0]?.physicalLocation.artifactLocation.uri ?? null, item.locations?.[0]?.physicalLocation.region.startLine ?? null, item.properties?.ruleId ?? null])).toEqual([
      ['warning', 'rule-not-loaded', `${notice}.`, 'mixed/bad.yaml', 6, 'broken'],
      ['note', 'rules-other-language', '2 YAML rules for other languages not loaded (go 1, python 1); rampart runs JavaScript and TypeScript rules.', null, null, null],
    ]);
    expect(log.runs[0]?.results.filter((result) => result.ruleId === 'mixed.shell').map((result) => result.locations[0]?.physicalLocation.region.startLine)).toEqual([4]);

    const strict = await rampart(['src', '--config', 'mixed.json', '--strict-rules'], dir);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toBe("rampart: mixed/bad.yaml:6:21: pattern rampart cannot parse: ')' expected.\n");
  });

  it('exits 2 naming file:line:column for an invalid rule, strict or not', async () => {
    writeFiles(dir, { 'invalid/bad.yaml': 'rules:\n  - id: bad\n    message: m\n    severity: ERROR\n    languages: [javascript]\n    patern: exec($X)\n' });
    const run = await rampart(['src', '--no-config', '--rules', 'invalid'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("rampart: invalid/bad.yaml:6:5: unknown rule key 'patern'\n");
  });

  it('exits 2 when a YAML rule takes a built-in rule id', async () => {
    writeFiles(dir, { 'sql.yaml': 'rules:\n  - id: sql-injection\n    message: m\n    severity: ERROR\n    languages: [javascript]\n    pattern: query($X)\n' });
    const clash = await rampart(['src', '--no-config', '--rules', 'sql.yaml'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe("rampart: sql.yaml:2:1: rule id 'sql-injection' is the id of a built-in rule; give the YAML rule another id\n");
  });

  it('exits 2 for a --rules path that does not exist', async () => {
    const run = await rampart(['src', '--rules', 'missing-rules'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rampart: cannot read rules at missing-rules: no such file or directory \(ENOENT\)/);
  });
});
