/**
 * The CLI's commands and daily-use options through the built binary: `rules`, `explain`, `init`,
 * `--print-config`, "did you mean" for typos, the default (recommended) rule set against `--all`, and the
 * github, junit and json formats a CI job reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rampart, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

const dirs: string[] = [];
const dir = (prefix: string): string => {
  const made = tempDir(prefix);
  dirs.push(made);
  return made;
};
afterAll(() => dirs.forEach(removeDir));

// One high-precision finding (sql-injection) and one that only the low-precision tier reports (a whole app
// without any rate limiter: missing-app-rate-limit).
const APP = `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.get('/u', async (req, res) => { res.json(await pool.query('SELECT * FROM t WHERE id = ' + req.query.id)); });
app.listen(3000);
`;

interface JsonReport {
  readonly findings: readonly { readonly ruleId: string; readonly title?: string; readonly cwe?: readonly string[]; readonly owasp?: Record<string, readonly string[]>; readonly docsUrl?: string; readonly line: number }[];
}

describe('rampart rules and explain', () => {
  it('lists every rule with its classes, severity, precision and tier', async () => {
    const run = await rampart(['rules', '--format', 'json'], dir('rules'));
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; cwe: string[]; owasp2021: string[]; owasp2025: string[]; severity: string; precision: string; recommended: boolean }[];
    expect(rules.find((rule) => rule.id === 'sql-injection')).toMatchObject({ cwe: ['CWE-89'], owasp2021: ['A03:2021'], owasp2025: ['A05:2025'], severity: 'critical', precision: 'high', recommended: true });
    expect(rules.find((rule) => rule.id === 'missing-app-rate-limit')).toMatchObject({ precision: 'low', recommended: false });
    const text = await rampart(['rules'], dir('rules-text'));
    expect(text.stdout).toMatch(/^sql-injection +critical +high +yes +CWE-89 +A03:2021 +A05:2025 +SQL query built from request data$/m);
  });

  it('prints a rule page, and suggests the id of a mistyped one', async () => {
    const run = await rampart(['explain', 'sql-injection'], dir('explain'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^WHAT IT FINDS$/m);
    expect(run.stdout).toContain('https://github.com/rampart-security/rampart/blob/main/docs/rules/sql-injection.md');
    const typo = await rampart(['explain', 'sql-injecton'], dir('explain-typo'));
    expect([typo.code, typo.stderr]).toEqual([2, "rampart: unknown rule 'sql-injecton' (did you mean 'sql-injection'?) (see rampart rules)\n"]);
  });

  it('says "did you mean" for a mistyped command and option, in one line', async () => {
    const root = dir('typos');
    expect((await rampart(['expalin', 'sql-injection'], root)).stderr).toBe("rampart: unknown command 'expalin' (did you mean 'explain'?); to scan a path of that name, write ./expalin\n");
    expect((await rampart(['--formt', 'json'], root)).stderr).toBe("rampart: unknown option '--formt' (did you mean '--format'?) (see rampart --help)\n");
    expect((await rampart(['--format', 'sarif='], root)).stderr).toBe("rampart: --format sarif= needs a file name after '='\n");
    expect((await rampart(['--format', 'jsn'], root)).stderr).toBe("rampart: unknown format 'jsn' (did you mean 'json'?) (expected text, json, sarif, gitlab-sast, github, junit)\n");
  });

  it('still scans a folder named like a command with ./ or scan', async () => {
    const root = dir('folder-named-rules');
    writeFiles(root, { 'rules/app.ts': APP });
    for (const args of [['--format', 'json', './rules'], ['scan', '--format', 'json', 'rules']]) {
      const report = JSON.parse((await rampart(args, root)).stdout) as JsonReport;
      expect(report.findings.map((finding) => finding.ruleId)).toContain('sql-injection');
    }
  });
});

describe('the default rule set', () => {
  it('runs the recommended tier unless --all or --precision asks for more', async () => {
    const root = dir('tiers');
    writeFiles(root, { 'app.ts': APP });
    const ids = async (args: readonly string[]): Promise<string[]> => (JSON.parse((await rampart([...args, '--format', 'json', '.'], root)).stdout) as JsonReport).findings.map((finding) => finding.ruleId).sort();
    expect(await ids([])).toEqual(['missing-security-headers', 'sql-injection']);
    expect(await ids(['--all'])).toEqual(['missing-app-rate-limit', 'missing-security-headers', 'sql-injection']);
    expect(await ids(['--precision', 'low'])).toEqual(['missing-app-rate-limit', 'missing-security-headers', 'sql-injection']);
    expect(await ids(['--rule', 'missing-app-rate-limit'])).toEqual(['missing-app-rate-limit']);
    writeFiles(root, { 'rampart.config.yaml': 'rules:\n  missing-app-rate-limit: on\n' });
    expect(await ids([])).toEqual(['missing-app-rate-limit', 'missing-security-headers', 'sql-injection']);
  });

  it('prints the effective configuration', async () => {
    const root = dir('print-config');
    writeFiles(root, { 'rampart.config.yaml': 'failOn: high\nignore: [generated]\nrules:\n  xss: off\n  missing-app-rate-limit: medium\n' });
    const run = await rampart(['--print-config', '--fail-on', 'critical'], root);
    expect(run.code).toBe(0);
    const config = JSON.parse(run.stdout) as { configFile: string; failOn: string; ignore: string[]; minimumPrecision: string; rules: Record<string, string> };
    expect(config).toMatchObject({ configFile: 'rampart.config.yaml', failOn: 'critical', ignore: ['generated'], minimumPrecision: 'high' });
    expect(config.rules).toMatchObject({ xss: 'off', 'missing-app-rate-limit': 'medium', 'sql-injection': 'critical', 'header-and-log-injection': 'off' });
  });
});

describe('rampart init', () => {
  it('writes the config, a workflow and an ESLint config, naming the stack, and keeps files without --force', async () => {
    const root = dir('init');
    writeFiles(root, { 'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^5', pg: '^8', mongoose: '^8' } }) });
    const first = await rampart(['init'], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('found Express, mongoose, pg');
    expect(first.stdout).toContain('wrote rampart.config.yaml');
    expect(first.stdout).toContain('next: npm i -D @rampart-security/rampart@');
    for (const file of ['rampart.config.yaml', '.github/workflows/rampart.yml', 'eslint.config.mjs']) expect(existsSync(join(root, file)), file).toBe(true);
    const workflow = readFileSync(join(root, '.github/workflows/rampart.yml'), 'utf8');
    expect(workflow).toContain('github/codeql-action/upload-sarif@v4');
    expect(workflow).not.toMatch(/npx rampart/);
    // The written config is valid: a scan with it runs.
    writeFiles(root, { 'src/app.ts': APP });
    expect((await rampart(['--format', 'json', 'src'], root)).code).toBe(1);

    writeFiles(root, { 'rampart.config.yaml': 'failOn: low\n' });
    const second = await rampart(['init'], root);
    expect(second.stdout).toContain('kept rampart.config.yaml (it exists; --force overwrites it)');
    expect(second.stdout).toContain('kept eslint.config.mjs; add rampart to it:');
    expect(readFileSync(join(root, 'rampart.config.yaml'), 'utf8')).toBe('failOn: low\n');
    const forced = await rampart(['init', '--force'], root);
    expect(forced.stdout).toContain('wrote rampart.config.yaml');
    expect(readFileSync(join(root, 'rampart.config.yaml'), 'utf8')).toContain('failOn: high');
  });
});

describe('formats for CI', () => {
  it('writes GitHub workflow annotations with escaped values', async () => {
    const root = dir('annotations');
    writeFiles(root, { 'a,b.ts': APP });
    const run = await rampart(['--format', 'github', '.'], root);
    expect(run.stdout).toMatch(/^::error file=a%2Cb\.ts,line=5,col=\d+,endLine=5,endColumn=\d+,title=rampart\/sql-injection \(critical\)::pg\.Pool\(\)\.query runs SQL built from req\.query\.id; /m);
    expect(run.stdout).toMatch(/^::warning file=a%2Cb\.ts,line=4,.*title=rampart\/missing-security-headers \(medium\)::/m);
  });

  it('writes JUnit XML with one failed case per finding', async () => {
    const root = dir('junit');
    writeFiles(root, { 'app.ts': APP });
    const run = await rampart(['--format', 'junit=report.xml', '.'], root);
    expect(run.code).toBe(1);
    const xml = readFileSync(join(root, 'report.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="rampart" tests="2" failures="2" errors="0">/);
    expect(xml).toContain('<testcase classname="app.ts" name="rampart/sql-injection app.ts:5:');
    expect(xml.match(/<failure /g)?.length).toBe(2);
  });

  it('gives each JSON finding its title, CWE, OWASP and docs page', async () => {
    const root = dir('json');
    writeFiles(root, { 'app.ts': APP });
    const report = JSON.parse((await rampart(['--format', 'json', '.'], root)).stdout) as JsonReport;
    expect(report.findings.find((finding) => finding.ruleId === 'sql-injection')).toMatchObject({
      title: 'SQL query built from request data',
      cwe: ['CWE-89'],
      owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] },
      docsUrl: 'https://github.com/rampart-security/rampart/blob/main/docs/rules/sql-injection.md',
    });
  });
});
