/**
 * The CI gate's baseline, end to end in a real git repository through the built CLI: a baseline is written,
 * unrelated edits move the known findings, a new vulnerable file is added (exit 1, only its finding is new),
 * and fixing it makes the build pass again while the fixed baseline entry is reported as gone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, gitRepository, rampart, readJson, removeDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly fingerprint: string;
  readonly blocking: boolean;
  readonly baselineState?: string;
}
interface JsonReport {
  readonly summary: { readonly new?: number; readonly unchanged?: number; readonly absent?: number; readonly blocking: number };
  readonly findings: readonly JsonFinding[];
  readonly absent: readonly { readonly ruleId: string; readonly file: string; readonly line: number }[];
}
interface SarifResult {
  readonly ruleId: string;
  readonly baselineState?: string;
  readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region: { readonly startLine: number } } }[];
}
interface SarifLog {
  readonly runs: readonly { readonly results: readonly SarifResult[] }[];
}

const NEW_FILE = `import type { Request, Response } from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export async function searchProducts(req: Request, res: Response) {
  res.json(await pool.query("SELECT * FROM products WHERE name LIKE '%" + req.query.term + "%'"));
}
`;

const FIXED_FILE = `import type { Request, Response } from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export async function searchProducts(req: Request, res: Response) {
  res.json(await pool.query('SELECT * FROM products WHERE name LIKE $1', ['%' + req.query.term + '%']));
}
`;

describe('--baseline in a real repository', () => {
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('baseline', { 'src/routes.ts': VULNERABLE_ROUTES });
  });
  afterAll(() => removeDir(repo));

  it('writes a baseline with both known findings and exits 0', async () => {
    const run = await rampart(['--write-baseline', '.rampart/baseline.json', '--format', 'json=before.json'], repo);
    expect(run.stderr).toContain('wrote 2 finding(s) to the baseline .rampart/baseline.json');
    expect(run.code).toBe(0);
    const baseline = readJson<{ findings: { ruleId: string; file: string; line: number; context: string }[] }>(join(repo, '.rampart/baseline.json'));
    expect(baseline.findings.map((entry) => [entry.ruleId, entry.file, entry.line, entry.context])).toEqual([
      ['sql-injection', 'src/routes.ts', 8, 'findUser'],
      ['sql-injection', 'src/routes.ts', 12, 'findOrder'],
    ]);
    commitAll(repo, 'baseline');
  });

  it('passes with the baseline while nothing changed', async () => {
    const run = await rampart(['--baseline', '.rampart/baseline.json'], repo);
    expect(run.stdout).toContain('✔ no new findings; 2 known in the baseline, 0 fixed');
    expect(run.code).toBe(0);
  });

  it('fails on a new file only, after unrelated edits moved the known findings', async () => {
    const moved = `// Routes for the public API.\n// (comment block added above, moving every line down by four)\n\n\n${readFileSync(join(repo, 'src/routes.ts'), 'utf8')}`;
    writeFiles(repo, { 'src/routes.ts': moved, 'src/search.ts': NEW_FILE });
    const run = await rampart(['--baseline', '.rampart/baseline.json', '--format', 'text', '--format', 'json=after.json', '--format', 'sarif=after.sarif'], repo);
    expect(run.code).toBe(1);

    const report = readJson<JsonReport>(join(repo, 'after.json'));
    const byState = report.findings.map((finding) => [finding.file, finding.line, finding.baselineState, finding.blocking]);
    expect(byState).toEqual([
      ['src/routes.ts', 12, 'unchanged', false],
      ['src/routes.ts', 16, 'unchanged', false],
      ['src/search.ts', 5, 'new', true],
    ]);
    expect(report.summary).toMatchObject({ new: 1, unchanged: 2, absent: 0, blocking: 1 });

    // The text report lists the new finding only.
    expect(run.stdout).toContain('src/search.ts');
    expect(run.stdout).toContain('5:29');
    expect(run.stdout).not.toContain('src/routes.ts');
    expect(run.stdout).toContain('✖ 1 new finding (1 critical) in 1 file; 2 known in the baseline, 0 fixed');

    const sarif = readJson<SarifLog>(join(repo, 'after.sarif'));
    const states = sarif.runs[0]?.results.map((result) => [result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine, result.baselineState]);
    expect(states).toEqual([
      ['src/routes.ts', 12, 'unchanged'],
      ['src/routes.ts', 16, 'unchanged'],
      ['src/search.ts', 5, 'new'],
    ]);
  });

  it('passes again once the new finding is fixed', async () => {
    writeFiles(repo, { 'src/search.ts': FIXED_FILE });
    const run = await rampart(['--baseline', '.rampart/baseline.json'], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ no new findings; 2 known in the baseline, 0 fixed');
  });

  it('reports a fixed baseline finding as gone (absent), in text, JSON and SARIF', async () => {
    const routes = readFileSync(join(repo, 'src/routes.ts'), 'utf8').replace("pool.query('SELECT * FROM users WHERE id = ' + req.params.id)", "pool.query('SELECT * FROM users WHERE id = $1', [req.params.id])");
    writeFileSync(join(repo, 'src/routes.ts'), routes);
    const run = await rampart(['--baseline', '.rampart/baseline.json', '--format', 'text', '--format', 'json=fixed.json', '--format', 'sarif=fixed.sarif'], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Fixed since the baseline (no longer found):');
    expect(run.stdout).toContain('src/routes.ts:8 (when baselined)');
    const report = readJson<JsonReport>(join(repo, 'fixed.json'));
    expect(report.absent.map((entry) => [entry.ruleId, entry.file, entry.line])).toEqual([['sql-injection', 'src/routes.ts', 8]]);
    const sarif = readJson<SarifLog>(join(repo, 'fixed.sarif'));
    expect(sarif.runs[0]?.results.filter((result) => result.baselineState === 'absent').map((result) => result.locations[0]?.physicalLocation.region.startLine)).toEqual([8]);

    const omitted = await rampart(['--baseline', '.rampart/baseline.json', '--sarif-omit-absent', '--format', 'sarif=omitted.sarif'], repo);
    expect(omitted.code).toBe(0);
    expect(readJson<SarifLog>(join(repo, 'omitted.sarif')).runs[0]?.results.map((result) => result.baselineState)).toEqual(['unchanged']);
  });

  it('does not call findings of unscanned files absent', async () => {
    const run = await rampart(['--baseline', '.rampart/baseline.json', '--format', 'json', 'src/search.ts'], repo);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { absent: 0 } });
  });

  it('rejects a missing or malformed baseline with exit 2 and file:line:column', async () => {
    const missing = await rampart(['--baseline', 'nope.json'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('rampart: baseline file not found: nope.json (create it with --write-baseline nope.json)\n');

    writeFiles(repo, { 'broken.json': '{\n  "version": 1,\n  "fingerprintVersion": "v1",\n  "findings": [\n    { "fingerprint": "abc", "ruleId": "x", "severity": "high", "file": "a.ts", "line": 1, "message": "m" }\n  ]\n}\n' });
    const broken = await rampart(['--baseline', 'broken.json'], repo);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^rampart: broken\.json:5:22: findings\[0\]\.fingerprint must match pattern/);
  });
});
