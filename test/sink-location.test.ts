/**
 * Taint findings are reported where the fix goes, at the sink, through the real CLI in a real git repository:
 * two routes in two modules reaching one query in a third are one finding at the query, with a path and a
 * carrier per route, in text, JSON and schema-valid SARIF (a codeFlow per path, the sources as related
 * locations linked from the message). A baseline written by rampart 0.1.0, which reported such findings at
 * each route's call, keeps matching; suppressions work at the sink, or at every carrier. The fingerprint stays
 * when unrelated lines are added above the sink and the routes. Two sources reaching one sink within a module
 * (a helper called from two routes, two inputs spliced into one query) are one finding with a path each too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepository, rampart, readJson, removeDir, writeFiles } from './support/rampart-cli.js';
import { multitoolIssues, schemaErrors } from './support/sarif-validators.js';

const USERS = `import { Pool } from 'pg';

const pool = new Pool();

export async function findByName(name: string) {
  return pool.query(\`SELECT id FROM users WHERE name = '\${name}'\`);
}
`;

const route = (name: string, input: string): string => `import type { Request, Response } from 'express';
import { findByName } from './users.js';

export async function ${name}(req: Request, res: Response) {
  res.json(await findByName(String(${input})));
}
`;

/**
 * Written by rampart 0.1.0 (commit d54b9a1) with `--write-baseline` on this project: one entry per route call,
 * where that version reported the flow into users.ts.
 */
const BASELINE_0_1 = {
  version: 1,
  fingerprintVersion: 'v1',
  findings: [
    { fingerprint: '6e151994496228c8f7a34898aab45f08:1', ruleId: 'sql-injection', severity: 'critical', file: 'src/admin.ts', line: 5, context: 'lookup', message: 'req.body.login flows into SQL text run by pg.Pool().query in another module; pass it as a bound parameter there.' },
    { fingerprint: '78dd2f80f133b150528a3c9ad3c505b9:1', ruleId: 'sql-injection', severity: 'critical', file: 'src/search.ts', line: 5, context: 'search', message: 'req.query.name flows into SQL text run by pg.Pool().query in another module; pass it as a bound parameter there.' },
  ],
};

interface JsonPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
interface JsonFinding extends JsonPosition {
  readonly ruleId: string;
  readonly message: string;
  readonly fingerprint: string;
  readonly baselineState?: string;
  readonly suppressed?: { readonly justification: string; readonly line: number };
  readonly flows: readonly { readonly source: string; readonly carrier?: JsonPosition; readonly steps: readonly (JsonPosition & { readonly message: string })[] }[];
}
interface JsonReport {
  readonly summary: { readonly findings: number; readonly suppressed: number; readonly absent?: number };
  readonly findings: readonly JsonFinding[];
  readonly absent: readonly unknown[];
}

describe('a taint finding at its sink, reached from two modules', () => {
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('sink-location', { 'src/users.ts': USERS, 'src/search.ts': route('search', 'req.query.name'), 'src/admin.ts': route('lookup', 'req.body.login') });
  });
  afterAll(() => removeDir(repo));

  it('is one JSON finding at the query, with a path and a carrier per route', async () => {
    const run = await rampart(['--format', 'json'], repo);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`)).toEqual(['sql-injection src/users.ts:6:21']);
    const [finding] = report.findings;
    expect(finding?.message).toBe('pg.Pool().query runs SQL built from req.body.login; pass it as a bound parameter instead of splicing it into the query text.');
    expect(finding?.flows.map((flow) => [flow.source, `${flow.carrier?.file}:${flow.carrier?.line}`, `${flow.steps.at(-1)?.file}:${flow.steps.at(-1)?.line}`])).toEqual([
      ['req.body.login', 'src/admin.ts:5', 'src/users.ts:6'],
      ['req.query.name', 'src/search.ts:5', 'src/users.ts:6'],
    ]);
  });

  it('prints the sink as path:line:col and each path from source to sink', async () => {
    const run = await rampart([], repo);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  src/users.ts:6:21 critical pg.Pool().query runs SQL built from req.body.login; pass it as a bound parameter instead of splicing it into the query text.  sql-injection');
    expect(lines).toContain('    2 paths reach this sink:');
    expect(lines).toContain(
      '      src/admin.ts:5:36 request input req.body.login (body) → src/admin.ts:5:29 passed to findByName() → … → src/users.ts:6:21 reaches pg.Pool().query',
    );
    expect(run.stdout).toContain('✖ 1 finding (1 critical) in 1 file; 3 files scanned');
  });

  it('is one valid SARIF result with a codeFlow per path and the sources linked from the message', async () => {
    await rampart(['--format', 'sarif=out.sarif'], repo);
    const file = join(repo, 'out.sarif');
    const log = readJson<Log>(file);
    expect(schemaErrors(log)).toEqual([]);
    expect(multitoolIssues(file)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('src/users.ts');
    expect(result?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(6);
    expect(result?.message.text).toBe(
      'pg.Pool().query runs SQL built from [req.body.login](1); pass it as a bound parameter instead of splicing it into the query text. Also reached from [req.query.name](2).',
    );
    expect(result?.relatedLocations?.map((related) => [related.id, related.physicalLocation?.artifactLocation?.uri, related.physicalLocation?.region?.startLine, related.message?.text])).toEqual([
      [1, 'src/admin.ts', 5, 'req.body.login'],
      [2, 'src/search.ts', 5, 'req.query.name'],
    ]);
    const flows = result?.codeFlows?.map((flow) => flow.threadFlows[0]?.locations.map((step) => `${step.location?.physicalLocation?.artifactLocation?.uri}:${step.location?.physicalLocation?.region?.startLine}`));
    expect(flows?.map((steps) => [steps?.[0], steps?.at(-1)])).toEqual([
      ['src/admin.ts:5', 'src/users.ts:6'],
      ['src/search.ts:5', 'src/users.ts:6'],
    ]);
  });

  it('matches a baseline written when the finding was reported at each route call', async () => {
    writeFileSync(join(repo, 'baseline-0.1.json'), JSON.stringify(BASELINE_0_1));
    const run = await rampart(['--baseline', 'baseline-0.1.json', '--format', 'json'], repo);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.baselineState)).toEqual(['unchanged']);
    expect(report.absent).toEqual([]);
  });

  it('keeps its fingerprint when unrelated lines are added above the sink and above a route', async () => {
    const scan = async (): Promise<JsonReport> => JSON.parse((await rampart(['--format', 'json'], repo)).stdout) as JsonReport;
    const before = await scan();
    const above = '// Lookups used by the admin screens.\nexport const PAGE_SIZE = 50;\n\n';
    writeFiles(repo, { 'src/users.ts': USERS.replace('const pool', `${above}const pool`), 'src/admin.ts': `${above}${route('lookup', 'req.body.login')}` });
    const after = await scan();
    writeFiles(repo, { 'src/users.ts': USERS, 'src/admin.ts': route('lookup', 'req.body.login') });
    expect(after.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/users.ts:9']);
    expect(after.findings.map((finding) => finding.fingerprint)).toEqual(before.findings.map((finding) => finding.fingerprint));
    expect(after.findings[0]?.flows.map((flow) => `${flow.carrier?.file}:${flow.carrier?.line}`)).toEqual(['src/admin.ts:8', 'src/search.ts:5']);
  });

  it('keeps its fingerprint, one per sink, when another route reaches the sink', async () => {
    const scan = async (): Promise<JsonReport> => JSON.parse((await rampart(['--format', 'json'], repo)).stdout) as JsonReport;
    const before = await scan();
    writeFiles(repo, { 'src/export.ts': route('exportRows', 'req.query.owner') });
    const after = await scan();
    removeDir(join(repo, 'src/export.ts'));
    expect(after.findings.map((finding) => [finding.file, finding.line, finding.fingerprint])).toEqual(before.findings.map((finding) => [finding.file, finding.line, finding.fingerprint]));
    expect(after.findings[0]?.flows.map((flow) => flow.source)).toEqual(['req.body.login', 'req.query.owner', 'req.query.name']);
  });

  it('writes the sink fingerprint and the carriers, and calls nothing fixed on a scan without the carriers', async () => {
    await rampart(['--write-baseline', 'baseline.json'], repo);
    const baseline = readJson<{ findings: { file: string; line: number; carriedFrom?: string[] }[] }>(join(repo, 'baseline.json'));
    expect(baseline.findings.map((entry) => [entry.file, entry.line, entry.carriedFrom])).toEqual([['src/users.ts', 6, ['src/admin.ts', 'src/search.ts']]]);
    const whole = await rampart(['--baseline', 'baseline.json'], repo);
    expect(whole.stdout).toContain('✔ no new findings; 1 known in the baseline, 0 fixed');
    // Scanning the sink's module alone finds no request data, and says nothing about the routes it did not scan.
    const partial = await rampart(['--baseline', 'baseline.json', 'src/users.ts'], repo);
    expect(partial.stdout).toContain('✔ no new findings; 0 known in the baseline, 0 fixed');
  });
});

describe('suppressing a taint finding reported at its sink', () => {
  const ignore = '// rampart-ignore-next-line sql-injection -- reviewed';
  const withComment = (text: string, line: number): string => {
    const lines = text.split('\n');
    lines.splice(line - 1, 0, `${/^\s*/.exec(lines[line - 1] ?? '')?.[0] ?? ''}${ignore}`);
    return lines.join('\n');
  };
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('sink-suppression', { 'src/users.ts': USERS, 'src/search.ts': route('search', 'req.query.name'), 'src/admin.ts': route('lookup', 'req.body.login') });
  });
  afterAll(() => removeDir(repo));

  const scan = async (): Promise<JsonReport> => JSON.parse((await rampart(['--format', 'json'], repo)).stdout) as JsonReport;

  it('is silenced by a comment at the sink', async () => {
    writeFileSync(join(repo, 'src/users.ts'), withComment(USERS, 6));
    const report = await scan();
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.suppressed?.line])).toEqual([['src/users.ts', 7, 6]]);
    writeFileSync(join(repo, 'src/users.ts'), USERS);
  });

  it('is silenced by an ESLint directive at the sink, as ESLint itself would be', async () => {
    writeFileSync(join(repo, 'src/users.ts'), withComment(USERS, 6).replace(ignore, '// eslint-disable-next-line rampart/sql-injection -- reviewed'));
    const report = await scan();
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.suppressed?.justification])).toEqual([['src/users.ts', 7, 'reviewed']]);
    writeFileSync(join(repo, 'src/users.ts'), USERS);
  });

  it('stays reported while one route carrying data to it is unsuppressed, and the comment there is used', async () => {
    writeFileSync(join(repo, 'src/search.ts'), withComment(route('search', 'req.query.name'), 5));
    const report = await scan();
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.suppressed === undefined])).toEqual([['sql-injection', 'src/users.ts', true]]);
  });

  it('is silenced when every route carrying data to it is suppressed', async () => {
    writeFileSync(join(repo, 'src/admin.ts'), withComment(route('lookup', 'req.body.login'), 5));
    const report = await scan();
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.suppressed?.justification])).toEqual([['sql-injection', 'src/users.ts', 'reviewed']]);
    expect(readFileSync(join(repo, 'src/admin.ts'), 'utf8')).toContain(ignore);
  });
});

describe('two sources reaching one sink in one module', () => {
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('sink-sources', {
      'src/app.ts': `import express from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();

function findByName(name: string) {
  return pool.query(\`SELECT id FROM users WHERE name = '\${name}'\`);
}

app.get('/search', (req, res) => {
  res.json(findByName(String(req.query.name)));
});
app.post('/lookup', (req, res) => {
  res.json(findByName(String(req.body.login)));
});
app.get('/range', (req, res) => {
  res.json(pool.query('SELECT id FROM users WHERE id > ' + req.query.from + ' AND id < ' + req.query.to));
});
`,
    });
  });
  afterAll(() => removeDir(repo));

  it('is one finding per sink with a path per source, the first named by the message', async () => {
    const report = JSON.parse((await rampart(['--format', 'json'], repo)).stdout) as JsonReport;
    const summary = report.findings.map((finding) => [
      `${finding.file}:${finding.line}`,
      finding.message.replace(/ runs SQL built from (\S+);.*/, ' $1'),
      finding.flows.map((flow) => `${flow.source} ${flow.steps[0]?.line}->${flow.steps.at(-1)?.line}`),
    ]);
    expect(summary).toEqual([
      ['src/app.ts:8', 'pg.Pool().query req.body.login', ['req.body.login 15->8', 'req.query.name 12->8']],
      ['src/app.ts:18', 'pg.Pool().query req.query.from', ['req.query.from 18->18', 'req.query.to 18->18']],
    ]);
  });

  it('is one SARIF result per sink, linking every source', async () => {
    await rampart(['--format', 'sarif=out.sarif'], repo);
    const log = readJson<Log>(join(repo, 'out.sarif'));
    expect(schemaErrors(log)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.locations?.[0]?.physicalLocation?.region?.startLine, result.codeFlows?.length, result.relatedLocations?.map((related) => related.message?.text)])).toEqual([
      [8, 2, ['req.body.login', 'req.query.name']],
      [18, 2, ['req.query.from', 'req.query.to']],
    ]);
    expect(results[1]?.message.text).toContain('built from [req.query.from](1);');
    expect(results[1]?.message.text).toContain('Also reached from [req.query.to](2).');
  });
});
