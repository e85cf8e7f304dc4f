/**
 * action.yml, the reusable GitHub Action: its inputs are wired, no input is interpolated into a shell script
 * (script injection), SARIF goes to github/codeql-action/upload-sarif, and its "Run rampart" script, run
 * here with real bash against the built CLI in a real git repository, passes the options through and
 * records the exit code instead of failing early (so the SARIF is uploaded before the gate step fails).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';
import { BIN, commitAll, gitRepository, rampart, readJson, removeDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';

interface Step {
  readonly name: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}
interface Action {
  readonly inputs: Record<string, { readonly description: string; readonly default?: string }>;
  readonly outputs: Record<string, { readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const scanStep = action.runs.steps.find((step) => step.id === 'scan');

function runScanScript(cwd: string, inputs: Record<string, string>): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const outputFile = join(cwd, 'github-output.txt');
  writeFiles(cwd, { 'github-output.txt': '' });
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', GITHUB_OUTPUT: outputFile, RAMPART_BIN: BIN };
  for (const [name, value] of Object.entries(scanStep?.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
    if (input !== undefined) env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  return new Promise((resolvePromise) => {
    execFile('bash', ['-c', scanStep?.run ?? 'exit 99'], { cwd, env }, (error, stdout) => {
      const outputs = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      resolvePromise({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, outputs });
    });
  });
}

describe('action.yml', () => {
  it('is a composite action whose steps use only declared inputs, never inside a script', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(step.run ?? '', step.name).not.toMatch(/\$\{\{/);
      for (const value of [...Object.values(step.env ?? {}), ...Object.values(step.with ?? {}), step.if ?? '']) {
        for (const match of value.matchAll(/inputs\.([a-z-]+)/g)) expect(Object.keys(action.inputs), step.name).toContain(match[1]);
      }
    }
  });

  it('uploads with github/codeql-action/upload-sarif, skipping only when rampart could not run', () => {
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
    expect(upload?.if).toContain("steps.scan.outputs.exit-code != '2'");
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload?.with?.['category']).toBe('${{ inputs.category }}');
    expect(action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@') === true)?.uses).toBe('actions/setup-node@v6');
    expect(action.inputs['node-version']?.default).toBe('24');
    expect(action.runs.steps.at(-1)?.name).toBe('Gate');
  });
});

describe('the action scan script, with real bash and git', () => {
  let repo = '';
  beforeAll(async () => {
    repo = gitRepository('action', { 'src/routes.ts': VULNERABLE_ROUTES });
    await rampart(['--write-baseline', 'rampart-baseline.json'], repo);
    commitAll(repo, 'baseline');
  });
  afterAll(() => removeDir(repo));

  it('records exit code 1 and writes SARIF without a category of its own, without failing the step', async () => {
    const run = await runScanScript(repo, { category: 'backend' });
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'rampart.sarif' });
    expect(run.stdout).toContain('✖ 2 findings (2 critical) in 1 file');
    // upload-sarif's `category` input names the analysis: a category in the file would override it.
    const log = readJson<{ runs: { automationDetails?: { id: string }; results: unknown[] }[] }>(join(repo, 'rampart.sarif'));
    expect(log.runs[0]?.automationDetails).toBeUndefined();
    expect(log.runs[0]?.results).toHaveLength(2);
  });

  it('leaves suppressed findings out of the uploaded SARIF unless told to keep or dismiss them', async () => {
    writeFiles(repo, { 'src/reviewed.ts': "import type { Request } from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n// rampart-ignore-next-line sql-injection -- checked by the gateway\nexport const r = (req: Request) => pool.query('SELECT ' + req.query.r);\n" });
    const results = async (suppressed: string): Promise<number> => {
      await runScanScript(repo, { suppressed, paths: 'src/reviewed.ts' });
      return readJson<{ runs: { results: unknown[] }[] }>(join(repo, 'rampart.sarif')).runs[0]?.results.length ?? -1;
    };
    expect(await results('omit')).toBe(0);
    expect(await results('keep')).toBe(1);
    expect(await results('dismiss')).toBe(1);
    expect((await runScanScript(repo, { suppressed: 'hide' })).outputs['exit-code']).toBe('2');
    rmSync(join(repo, 'src/reviewed.ts'));
  });

  it('gates on the baseline and on changed files, passing paths and extra options through', async () => {
    writeFiles(repo, { 'src/new.ts': "import type { Request } from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nexport const q = (req: Request) => pool.query('SELECT ' + req.query.q);\n" });
    const gated = await runScanScript(repo, { baseline: 'rampart-baseline.json', 'fail-on': 'high', paths: 'src' });
    expect(gated.outputs['exit-code']).toBe('1');
    expect(gated.stdout).toContain('✖ 1 new finding (1 critical) in 1 file; 2 known in the baseline, 0 fixed');

    const changed = await runScanScript(repo, { 'changed-since': 'HEAD', args: '--format json=changed.json' });
    expect(changed.outputs['exit-code']).toBe('1');
    expect(readJson<{ summary: { filesScanned: number } }>(join(repo, 'changed.json')).summary.filesScanned).toBe(1);

    const clean = await runScanScript(repo, { baseline: 'rampart-baseline.json', args: '--disable sql-injection' });
    expect(clean.outputs['exit-code']).toBe('0');
  });

  it('records exit code 2 for a configuration error', async () => {
    const run = await runScanScript(repo, { 'fail-on': 'severe' });
    expect(run.outputs['exit-code']).toBe('2');
  });
});
