/**
 * Hostile and odd input a CI run meets on untrusted pull requests, each a regression test of a reproduced
 * failure: lines after U+2028 and lone CRs, control characters in code frames, FIFOs and devices, symlinked
 * files, unreadable directories, a scan that covers nothing, a huge .gitignore, and the module linker
 * reaching past the scan's limits. The real CLI as a child process, real git where lines are compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, commitAll, git, gitRepository, rampart, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

interface JsonReport {
  readonly summary: { readonly filesScanned: number };
  readonly findings: readonly { readonly ruleId: string; readonly file: string; readonly line: number; readonly column: number }[];
  readonly problems: readonly { readonly kind: string; readonly file: string; readonly reason?: string; readonly message: string }[];
}

const HEAD = "import express from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nconst app = express();\n";
const ROUTE = "app.get('/u', async (req, res) => { await pool.query('SELECT ' + req.query.id); res.end(); });\n";
const located = (report: JsonReport): [string, string, number][] => report.findings.map((finding) => [finding.ruleId, finding.file, finding.line]);
const dirs: string[] = [];
const dir = (prefix: string): string => {
  const made = tempDir(prefix);
  dirs.push(made);
  return made;
};
afterAll(() => dirs.forEach(removeDir));

describe('lines and columns agree with git', () => {
  it('counts lines by LF only, so U+2028, U+2029 and lone CRs do not shift a finding', async () => {
    const root = dir('lines');
    writeFiles(root, {
      'u2028.ts': `${HEAD}const note = 'a\u2028b\u2029c';\n${ROUTE}`,
      'crcrlf.ts': `${HEAD.replace(/\n/g, '\r\r\n')}${ROUTE}`,
    });
    const run = await rampart(['--format', 'json', '.'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(located(report)).toEqual([
      ['sql-injection', 'crcrlf.ts', 5],
      ['sql-injection', 'u2028.ts', 6],
    ]);
  });

  it('keeps the finding on the changed line with --changed-lines-only', async () => {
    const repo = gitRepository('lines-diff', { 'app.ts': `${HEAD}const note = 'a\u2028b\u2029c';\nexport const x = 1;\n` });
    dirs.push(repo);
    writeFiles(repo, { 'app.ts': `${HEAD}const note = 'a\u2028b\u2029c';\n${ROUTE}` });
    expect(git(repo, ['diff', '--unified=0'])).toMatch(/^@@ -6 \+6 @@/m);
    const run = await rampart(['--changed-since', 'HEAD', '--changed-lines-only', '--format', 'json'], repo);
    expect(located(JSON.parse(run.stdout) as JsonReport)).toEqual([['sql-injection', 'app.ts', 6]]);
    commitAll(repo, 'route');
  });
});

describe('untrusted text in the terminal', () => {
  it('shows control characters of a code frame as visible escapes', async () => {
    const root = dir('control');
    writeFiles(root, { 'app.ts': `${HEAD}app.get('/u', async (req, res) => { await pool.query('SELECT \u001b[2J' + req.query.id); res.end(); });\n` });
    const run = await rampart(['.'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("pool.query('SELECT \\u001b[2J' + req.query.id)");
    expect(run.stdout).not.toContain('\u001b');
  });

  it('prints each finding as path:line:column', async () => {
    const root = dir('clickable');
    writeFiles(root, { 'src/app.ts': `${HEAD}${ROUTE}` });
    const run = await rampart(['.'], root);
    expect(run.stdout).toMatch(/^ {2}src\/app\.ts:5:54 critical /m);
  });
});

describe('files that are not files', () => {
  it('names a FIFO, given as a path or found in a directory, instead of blocking on it', async () => {
    const root = dir('fifo');
    writeFiles(root, { 'app.ts': `${HEAD}${ROUTE}` });
    execFileSync('mkfifo', [join(root, 'pipe.ts')]);
    const listed = await rampart(['--format', 'json', '.'], root);
    const report = JSON.parse(listed.stdout) as JsonReport;
    expect(located(report)).toEqual([['sql-injection', 'app.ts', 5]]);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'skipped', file: 'pipe.ts', reason: 'not-a-file' }));
    const named = await rampart(['--format', 'json', 'pipe.ts', 'app.ts'], root);
    expect((JSON.parse(named.stdout) as JsonReport).problems).toContainEqual(expect.objectContaining({ file: 'pipe.ts', reason: 'not-a-file' }));
  });

  it('scans a symlinked file inside the root and names one that leaves it', async () => {
    const root = dir('links');
    const outside = dir('links-outside');
    // The link's target is not a code file by its own name, so only the link brings it into the scan.
    writeFiles(root, { 'src/templates/app.ts.txt': `${HEAD}${ROUTE}` });
    writeFiles(outside, { 'other.ts': `${HEAD}${ROUTE}` });
    symlinkSync(join(root, 'src', 'templates', 'app.ts.txt'), join(root, 'src', 'linked.ts'));
    symlinkSync(join(outside, 'other.ts'), join(root, 'src', 'escape.ts'));
    const run = await rampart(['--format', 'json', 'src'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(located(report)).toEqual([['sql-injection', 'src/linked.ts', 5]]);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'skipped', file: 'src/escape.ts', reason: 'outside-root' }));
  });

  it.runIf(process.platform !== 'win32')('names a directory it cannot list', () => {
    const root = dir('unreadable');
    writeFiles(root, { 'app.ts': `${HEAD}${ROUTE}`, 'private/hidden.ts': `${HEAD}${ROUTE}` });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'private'), 0o000);
    // root reads every directory whatever its mode: run the scan as nobody, as CI runners without root do.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const [command = process.execPath, ...prefix] = asNobody;
    const run = spawnSync(command, [...prefix, BIN, '--format', 'json', '--no-config', '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    chmodSync(join(root, 'private'), 0o755);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(located(report)).toEqual([['sql-injection', 'app.ts', 5]]);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'skipped', file: 'private', reason: 'unreadable', message: 'directory cannot be listed: permission denied (EACCES)' }));
  });
});

describe('the gate cannot be switched off quietly', () => {
  it('exits 2 with one line when a shell glob expanded to a file named like an option', async () => {
    const root = dir('argv');
    writeFiles(root, { '--ignore=**': '', 'src/app.ts': `${HEAD}${ROUTE}` });
    const run = await rampart(['--ignore=**', 'src'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('rampart: no file to scan under src (none found, or all ignored); pass --pass-on-no-files to allow an empty scan\n');
    const separated = await rampart(['--format', 'json', '--', '--ignore=**', 'src'], root);
    expect(located(JSON.parse(separated.stdout) as JsonReport)).toEqual([['sql-injection', 'src/app.ts', 5]]);
  });

  it('lets an empty scan pass only when asked', async () => {
    const root = dir('empty');
    writeFiles(root, { 'README.md': '# nothing to scan\n' });
    expect((await rampart(['.'], root)).code).toBe(2);
    expect((await rampart(['--pass-on-no-files', '.'], root)).code).toBe(0);
  });

  it('bounds a .gitignore of 200,000 patterns and says so', async () => {
    const root = dir('gitignore');
    const patterns = Array.from({ length: 200_000 }, (_, index) => `generated-${index}/`).join('\n');
    writeFiles(root, { '.gitignore': `${patterns}\n`, 'app.ts': `${HEAD}${ROUTE}` });
    const run = await rampart(['--format', 'json', '.'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(located(report)).toEqual([['sql-injection', 'app.ts', 5]]);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'limit-reached', file: '.gitignore' }));
  });
});

describe('the module linker obeys the scan limits', () => {
  const caller = "import express from 'express';\nimport { find } from './helper';\nconst app = express();\napp.get('/u', (req, res) => { find(req.query.id); res.end(); });\n";
  const helper = (padding: number): string => `import { Pool } from 'pg';\nconst pool = new Pool();\n${'// padding\n'.repeat(padding)}export function find(id: string) { return pool.query('SELECT * FROM t WHERE id = ' + id); }\n`;

  it('follows a flow into a helper module within the limits', async () => {
    const root = dir('link-ok');
    writeFiles(root, { 'routes.ts': caller, 'helper.ts': helper(0) });
    const run = await rampart(['--format', 'json', '.'], root);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.ruleId)).toEqual(['sql-injection']);
  });

  it('does not parse a linked module that discovery skipped for size', async () => {
    const root = dir('link-size');
    writeFiles(root, { 'routes.ts': caller, 'helper.ts': helper(2000) });
    const run = await rampart(['--format', 'json', '--max-file-size', '4000', '.'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'helper.ts', reason: 'too-large' }));
  });

  it('does not follow a symlinked module out of the root', async () => {
    const root = dir('link-escape');
    const outside = dir('link-escape-outside');
    writeFiles(root, { 'routes.ts': caller });
    writeFiles(outside, { 'helper.ts': helper(0) });
    symlinkSync(join(outside, 'helper.ts'), join(root, 'helper.ts'));
    writeFileSync(join(root, 'marker.ts'), 'export const marker = 1;\n');
    const run = await rampart(['--format', 'json', '.'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'helper.ts', reason: 'outside-root' }));
  });
});

describe('rule directories from the repository are bounded', () => {
  it('refuses a rule directory it cannot read with one line', () => {
    const root = dir('ruledir');
    writeFiles(root, { 'rampart.config.yaml': 'ruleDirectories: [rules]\n', 'rules/r.yaml': 'rules: []\n', 'rules/private/x.yaml': 'rules: []\n', 'app.ts': `${HEAD}${ROUTE}` });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'rules/private'), 0o000);
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const [command = process.execPath, ...prefix] = asNobody;
    const run = spawnSync(command, [...prefix, BIN, '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    chmodSync(join(root, 'rules/private'), 0o755);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('rampart: cannot read rules in rules/private: permission denied (EACCES)\n');
  });

  it('refuses ruleDirectories: ["/"] at once instead of listing the disk', async () => {
    const root = dir('ruledir-root');
    writeFiles(root, { 'rampart.config.yaml': 'ruleDirectories: ["/"]\n', 'app.ts': `${HEAD}${ROUTE}` });
    const run = await rampart(['.'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rampart: \/ holds more than 2000 directories; point --rules or ruleDirectories at the rules folder\n$/);
  });
});

describe('.gitignore files above the scanned path', () => {
  it('apply as git applies them, from inside the repository and from outside it', async () => {
    const repo = gitRepository('gitignore-above', { '.gitignore': 'generated/\n', 'packages/api/src/app.ts': `${HEAD}${ROUTE}`, 'packages/api/generated/client.ts': `${HEAD}${ROUTE}` });
    dirs.push(repo);
    const inside = await rampart(['--format', 'json', 'packages/api'], repo);
    expect(located(JSON.parse(inside.stdout) as JsonReport)).toEqual([['sql-injection', 'packages/api/src/app.ts', 5]]);
    const outside = dir('gitignore-outside');
    const fromOutside = await rampart(['--format', 'json', join(repo, 'packages/api')], outside);
    expect((JSON.parse(fromOutside.stdout) as JsonReport).findings.map((finding) => finding.file.replace(/^.*packages\//, 'packages/'))).toEqual(['packages/api/src/app.ts']);
  });
});

describe('a file that repeats a top-level app declaration', () => {
  it('gives each copy its own routes, so findings grow with the copies and not with their square', async () => {
    const root = dir('redeclared');
    const copy = "const app = Fastify();\napp.post('/login', async () => 1);\nawait app.listen({ port: 3000 });\n";
    writeFiles(root, { 'app.ts': `import Fastify from 'fastify';\n${copy.repeat(30)}` });
    const run = await rampart(['--all', '--format', 'json', '.'], root);
    const rateLimitLines = (JSON.parse(run.stdout) as JsonReport).findings.filter((finding) => finding.ruleId === 'missing-rate-limit').map((finding) => finding.line);
    expect(rateLimitLines).toEqual(Array.from({ length: 30 }, (_, index) => 3 + index * 3));
  });
});
