/**
 * --changed-since and --changed-lines-only against real git: only files changed since the merge base are
 * scanned (committed, uncommitted and untracked changes alike), only findings on changed lines are reported
 * when asked, and misuse (no repository, unknown ref) exits 2 with one clear line.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff, decodeGitPath } from '../src/gate/changed-lines.js';
import { commitAll, git, gitRepository, rampart, removeDir, tempDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';

interface JsonReport {
  readonly summary: { readonly filesScanned: number };
  readonly findings: readonly { readonly ruleId: string; readonly file: string; readonly line: number }[];
}

const HANDLER = (table: string): string => `import type { Request } from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export const read${table} = (req: Request) => pool.query('SELECT * FROM ${table} WHERE id = ' + req.params.id);
`;

function located(report: JsonReport): [string, string, number][] {
  return report.findings.map((finding) => [finding.ruleId, finding.file, finding.line]);
}

describe('--changed-since on a real repository', () => {
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('changed', { 'src/routes.ts': VULNERABLE_ROUTES, 'src/users.ts': HANDLER('users'), 'src/orders.ts': HANDLER('orders') });
    writeFiles(repo, { 'src/users.ts': `${HANDLER('users')}export const readAccounts = (req: Request) => pool.query('SELECT * FROM accounts WHERE id = ' + req.query.id);\n` });
    commitAll(repo, 'users: add accounts');
  });
  afterAll(() => removeDir(repo));

  it('with HEAD~1 scans only the file the last commit changed', async () => {
    const run = await rampart(['--changed-since', 'HEAD~1', '--format', 'json'], repo);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.filesScanned).toBe(1);
    expect(located(report)).toEqual([
      ['sql-injection', 'src/users.ts', 4],
      ['sql-injection', 'src/users.ts', 5],
    ]);
  });

  it('with --changed-lines-only reports only the finding on the added line', async () => {
    const run = await rampart(['--changed-since', 'HEAD~1', '--changed-lines-only', '--format', 'json'], repo);
    expect(located(JSON.parse(run.stdout) as JsonReport)).toEqual([['sql-injection', 'src/users.ts', 5]]);
  });

  it('with a baseline, does not call known findings outside the changed lines fixed', async () => {
    const written = await rampart(['--write-baseline', 'baseline.json'], repo);
    expect(written.code).toBe(0);
    const run = await rampart(['--changed-since', 'HEAD~1', '--changed-lines-only', '--baseline', 'baseline.json', '--format', 'json'], repo);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { new: 0, unchanged: 1, absent: 0 } });
    removeDir(join(repo, 'baseline.json'));
  });

  it('includes uncommitted edits and untracked files, and exits 0 when nothing changed', async () => {
    const clean = await rampart(['--changed-since', 'HEAD', '--format', 'json'], repo);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as JsonReport).summary.filesScanned).toBe(0);

    writeFiles(repo, { 'src/new-route.ts': HANDLER('invoices') });
    const untracked = await rampart(['--changed-since', 'HEAD', '--format', 'json'], repo);
    expect(located(JSON.parse(untracked.stdout) as JsonReport)).toEqual([['sql-injection', 'src/new-route.ts', 4]]);
    removeDir(join(repo, 'src', 'new-route.ts'));
  });

  it('compares with the merge base, so commits on the base branch do not count as changed', async () => {
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    writeFiles(repo, { 'src/feature.ts': HANDLER('features') });
    commitAll(repo, 'feature work');
    git(repo, ['checkout', '--quiet', 'main']);
    writeFiles(repo, { 'src/orders.ts': `${HANDLER('orders')}// changed on main after the branch point\n` });
    commitAll(repo, 'main moves on');
    git(repo, ['checkout', '--quiet', 'feature']);
    const run = await rampart(['--changed-since', 'main', '--format', 'json'], repo);
    expect(located(JSON.parse(run.stdout) as JsonReport)).toEqual([['sql-injection', 'src/feature.ts', 4]]);
  });

  it('exits 2 with one line for an unknown ref', async () => {
    const run = await rampart(['--changed-since', 'no-such-branch'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("rampart: --changed-since: unknown git ref 'no-such-branch'\n");
  });

  it('rejects --changed-lines-only without --changed-since, and --write-baseline with it', async () => {
    const alone = await rampart(['--changed-lines-only'], repo);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('rampart: --changed-lines-only needs --changed-since <git-ref>\n');
    const both = await rampart(['--changed-since', 'HEAD', '--write-baseline', 'b.json'], repo);
    expect(both.code).toBe(2);
  });
});

describe('--changed-since outside a git repository', () => {
  const dir = tempDir('not-a-repo');
  afterAll(() => removeDir(dir));

  it('exits 2 with one line naming the problem', async () => {
    writeFiles(dir, { 'a.ts': 'export const a = 1;\n' });
    const run = await rampart(['--changed-since', 'HEAD~1'], dir, { GIT_CEILING_DIRECTORIES: join(dir, '..') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rampart: --changed-since needs a git repository, and .* is not inside one \(fatal: not a git repository.*\)\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('unified diff parsing', () => {
  it('reads added and modified line ranges, renames and quoted paths', () => {
    const patch = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,0 +4,2 @@',
      '+x',
      '+y',
      '@@ -10 +12 @@',
      'diff --git a/old.ts b/new.ts',
      'similarity index 100%',
      'rename from old.ts',
      'rename to new.ts',
      'diff --git "a/sp ace\\tx.ts" "b/sp ace\\tx.ts"',
      '--- "a/sp ace\\tx.ts"',
      '+++ "b/sp ace\\tx.ts"',
      '@@ -1,2 +1,0 @@',
    ].join('\n');
    expect([...parseUnifiedDiff(patch)]).toEqual([
      ['src/a.ts', [[4, 5], [12, 12]]],
      ['new.ts', []],
      ['sp ace\tx.ts', []],
    ]);
    expect(decodeGitPath('"caf\\303\\251.ts"')).toBe('café.ts');
  });
});
