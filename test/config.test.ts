/**
 * rampart.config.json / .yaml / package.json "rampart", through the built CLI: settings take effect (rules
 * off, severity overrides reaching SARIF, failOn, ignore globs), mistakes name file:line:column and exit 2
 * with one line, JavaScript config is refused, and the published schema is the one enforced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

const ROUTE = `import type { Request } from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export const read = (req: Request) => pool.query('SELECT * FROM t WHERE id = ' + req.params.id);
`;

interface JsonReport {
  readonly findings: readonly { readonly ruleId: string; readonly severity: string; readonly file: string; readonly line: number }[];
}
interface SarifLog {
  readonly runs: readonly { readonly tool: { readonly driver: { readonly rules: readonly { readonly id: string; readonly properties: { readonly 'security-severity': string } }[] } }; readonly results: readonly { readonly level: string }[] }[];
}

let dir = '';
beforeEach(() => {
  dir = tempDir('config');
  writeFiles(dir, { 'src/route.ts': ROUTE, 'test/route.test.ts': ROUTE });
});
afterEach(() => removeDir(dir));

describe('settings', () => {
  it('turns a rule off from rampart.config.json', async () => {
    writeFiles(dir, { 'rampart.config.json': '{ "rules": { "sql-injection": "off" } }\n' });
    const run = await rampart(['src'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no findings; 1 file scanned\n');
  });

  it('overrides a severity from rampart.config.yaml, in findings and in SARIF security-severity', async () => {
    writeFiles(dir, { 'rampart.config.yaml': 'rules:\n  sql-injection: medium\nfailOn: high\n' });
    const run = await rampart(['src', '--format', 'json', '--format', 'sarif=out.sarif'], dir);
    expect(run.code).toBe(0); // medium is below failOn: high
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['sql-injection', 'medium']]);
    const log = readJson<SarifLog>(join(dir, 'out.sarif'));
    expect(log.runs[0]?.tool.driver.rules.find((rule) => rule.id === 'sql-injection')?.properties['security-severity']).toBe('5.3');
    expect(log.runs[0]?.results.map((result) => result.level)).toEqual(['warning']);
    // The command line wins over the config.
    expect((await rampart(['src', '--fail-on', 'medium'], dir)).code).toBe(1);
    expect((await rampart(['src', '--rule-severity', 'sql-injection=critical', '--format', 'json'], dir)).stdout).toContain('"severity": "critical"');
  });

  it('reads the "rampart" key of package.json and its ignore globs', async () => {
    writeFiles(dir, { 'package.json': JSON.stringify({ name: 'app', rampart: { ignore: ['test/**'] } }, null, 2) });
    const report = JSON.parse((await rampart(['--format', 'json'], dir)).stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/route.ts']);
  });

  it('accepts existing rule directories, loading only YAML from them (test/semgrep-cli.test.ts runs the rules)', async () => {
    writeFiles(dir, { 'rules/README.md': 'YAML rules go here.\n', 'rampart.config.yaml': 'ruleDirectories: [rules]\n' });
    const run = await rampart(['src', '--quiet'], dir);
    expect(run.code).toBe(1);
    const noisy = await rampart(['src'], dir);
    expect(noisy.stderr).toBe('');
  });

  it('is skipped with --no-config and read from --config', async () => {
    writeFiles(dir, { 'rampart.config.json': '{ "rules": { "sql-injection": "off" } }', 'ci/strict.yaml': 'failOn: critical\n' });
    expect((await rampart(['src', '--no-config'], dir)).code).toBe(1);
    expect((await rampart(['src', '--config', 'ci/strict.yaml'], dir)).code).toBe(1);
  });
});

describe('mistakes exit 2 with file:line:column', () => {
  async function failure(files: Record<string, string>, args: string[] = ['src']): Promise<string> {
    writeFiles(dir, files);
    const run = await rampart(args, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    return run.stderr;
  }

  it('names an unknown key with the allowed ones', async () => {
    expect(await failure({ 'rampart.config.json': '{\n  "rules": {},\n  "failon": "high"\n}\n' })).toBe(
      "rampart: rampart.config.json:3:3: unknown key 'failon' in the file (allowed: rules, failOn, ignore, ruleDirectories, models)\n",
    );
  });

  it('names a bad value in YAML', async () => {
    expect(await failure({ 'rampart.config.yaml': 'rules:\n  sql-injection: severe\n' })).toBe(
      'rampart: rampart.config.yaml:2:18: rules.sql-injection must be one of off, on, low, medium, high, critical, not "severe"\n',
    );
  });

  it('names an unknown rule with the known ones', async () => {
    const stderr = await failure({ 'rampart.config.yaml': '# comment\nrules:\n  sql-injections: off\n' });
    expect(stderr).toMatch(/^rampart: rampart\.config\.yaml:3:3: unknown rule 'sql-injections' \(known: .*sql-injection.*unused-suppression.*\)\n$/);
  });

  it('names the position inside package.json', async () => {
    expect(await failure({ 'package.json': '{\n  "name": "app",\n  "rampart": {\n    "ignore": "test"\n  }\n}\n' })).toBe(
      'rampart: package.json:4:15: rampart.ignore must be an array, not a string\n',
    );
  });

  it('names a JSON syntax error and a duplicate key', async () => {
    expect(await failure({ 'rampart.config.json': '{\n  "rules": {\n    "sql-injection": "off",\n  }\n}\n' })).toMatch(/^rampart: rampart\.config\.json:4:3: invalid JSON: /);
    removeDir(join(dir, 'rampart.config.json'));
    expect(await failure({ 'rampart.config.yaml': 'failOn: high\nfailOn: low\n' })).toMatch(/^rampart: rampart\.config\.yaml:2:1: Map keys must be unique/);
  });

  it('names a missing rule directory', async () => {
    expect(await failure({ 'rampart.config.yaml': 'ruleDirectories:\n  - security/rules\n' })).toMatch(/^rampart: rampart\.config\.yaml:2:5: rule directory 'security\/rules' cannot be read: no such file or directory \(ENOENT\)/);
  });

  it('refuses JavaScript config instead of loading or ignoring it', async () => {
    const marker = join(dir, 'executed.txt');
    expect(await failure({ 'rampart.config.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n` })).toBe(
      'rampart: rampart.config.js:1:1: rampart never loads JavaScript config, because the scanned repository is untrusted; move these settings to rampart.config.json or rampart.config.yaml\n',
    );
    expect(() => readFileSync(marker)).toThrow();
    expect(await failure({}, ['src', '--config', 'rampart.config.js'])).toBe('rampart: --config takes a .json, .yaml or .yml file (rampart never loads JavaScript config), not rampart.config.js\n');
  });

  it('refuses two configurations at once', async () => {
    expect(await failure({ 'rampart.config.json': '{}', 'rampart.config.yaml': 'failOn: high\n' })).toBe(
      'rampart: rampart.config.yaml:1:1: two rampart configurations (rampart.config.json and rampart.config.yaml); keep one\n',
    );
  });
});

describe('the published schema', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'rampart.config.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: true }).compile(schema);

  it('accepts a complete example and rejects what the CLI rejects', () => {
    expect(validate({ $schema: './node_modules/rampart/schema/rampart.config.schema.json', rules: { 'sql-injection': 'high', 'unused-suppression': 'off' }, failOn: 'high', ignore: ['test/**'], ruleDirectories: ['rules'] })).toBe(true);
    expect(validate({ failon: 'high' })).toBe(false);
    expect(validate({ rules: { 'sql-injection': 'severe' } })).toBe(false);
    expect(validate({ rules: { 'rampart/sql-injection': 'off' } })).toBe(false);
  });
});
