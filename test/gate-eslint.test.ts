/**
 * The ESLint host's gate is ESLint's own, driven for real through its CLI with the built plugin: a
 * `// eslint-disable-next-line rampart/<id> -- reason` comment suppresses one finding (ESLint keeps the
 * reason as the suppression's justification), and ESLint's bulk suppressions file (`--suppress-all`,
 * eslint-suppressions.json) works as the plugin's baseline: known findings pass, a new one fails, and
 * `--prune-suppressions` drops entries once fixed. docs/guides/ci.md documents both.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

const ESLINT = join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const PLUGIN = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'eslint', 'index.js')).href;

interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number }[];
  readonly suppressedMessages: readonly { readonly ruleId: string | null; readonly line: number; readonly suppressions: readonly { readonly kind: string; readonly justification: string }[] }[];
}

function eslint(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [ESLINT, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolvePromise({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const route = (path: string, disable = ''): string => `app.get('${path}', async (req, res) => {
${disable}  res.json(await pool.query('SELECT * FROM t WHERE id = ' + req.params.id));
});
`;

const HEADER = `import express from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();
`;

describe('ESLint with the rampart plugin', () => {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'src', 'eslint', 'index.js'))) throw new Error('run `npm run build` first');
    dir = tempDir('eslint-gate');
    writeFiles(dir, {
      // Only the rule under test, so rules about app setup on express() do not join the counts.
      'eslint.config.mjs': `import rampart from ${JSON.stringify(PLUGIN)};\nexport default [{ plugins: { rampart }, rules: { 'rampart/sql-injection': 'error' } }];\n`,
      'src/app.js': `${HEADER}${route('/a')}${route('/b', '  // eslint-disable-next-line rampart/sql-injection -- id is validated by the router\n')}`,
    });
  });
  afterAll(() => removeDir(dir));

  it('honours eslint-disable-next-line with a reason, keeping the reason', async () => {
    const run = await eslint(dir, ['src', '--format', 'json']);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as EslintResult[];
    expect(result?.messages.map((message) => [message.ruleId, message.line])).toEqual([['rampart/sql-injection', 7]]);
    expect(result?.suppressedMessages.map((message) => [message.ruleId, message.line, message.suppressions])).toEqual([
      ['rampart/sql-injection', 11, [{ kind: 'directive', justification: 'id is validated by the router' }]],
    ]);
  });

  it('uses the bulk suppressions file as a baseline: known passes, new fails, fixed is pruned', async () => {
    const suppress = await eslint(dir, ['src', '--suppress-all']);
    expect(suppress.code).toBe(0);
    expect(readJson<Record<string, Record<string, { count: number }>>>(join(dir, 'eslint-suppressions.json'))).toEqual({ 'src/app.js': { 'rampart/sql-injection': { count: 1 } } });
    expect((await eslint(dir, ['src'])).code).toBe(0);

    writeFiles(dir, { 'src/search.js': `${HEADER}${route('/search')}` });
    const withNew = await eslint(dir, ['src', '--format', 'json']);
    expect(withNew.code).toBe(1);
    const failing = (JSON.parse(withNew.stdout) as EslintResult[]).filter((result) => result.messages.length > 0).map((result) => [result.filePath.slice(dir.length + 1), result.messages.map((message) => message.line)]);
    expect(failing).toEqual([['src/search.js', [7]]]);

    writeFiles(dir, { 'src/search.js': `${HEADER}export {};\n`, 'src/app.js': `${HEADER}${route('/b', '  // eslint-disable-next-line rampart/sql-injection -- id is validated by the router\n')}` });
    const pruned = await eslint(dir, ['src', '--prune-suppressions']);
    expect(pruned.code).toBe(0);
    expect(readJson<Record<string, unknown>>(join(dir, 'eslint-suppressions.json'))).toEqual({});
  });
});

describe('one suppression comment for both hosts', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('both-hosts');
    writeFiles(dir, {
      'eslint.config.mjs': `import rampart from ${JSON.stringify(PLUGIN)};\nexport default [{ plugins: { rampart }, rules: { 'rampart/sql-injection': 'error' } }];\n`,
      'src/app.js': [
        HEADER,
        route('/rampart-comment', '  // rampart-ignore-next-line sql-injection -- id is validated by the router\n'),
        route('/eslint-comment', '  // eslint-disable-next-line no-console, rampart/sql-injection -- id is validated by the router\n'),
        route('/no-reason', '  // rampart-ignore-next-line sql-injection\n'),
        route('/other-plugin', '  // eslint-disable-next-line no-console -- not about rampart\n'),
      ].join(''),
    });
  });
  afterAll(() => removeDir(dir));

  it('ESLint honours rampart-ignore with a reason', async () => {
    const run = await eslint(dir, ['src', '--format', 'json']);
    const [result] = JSON.parse(run.stdout) as EslintResult[];
    // Lines 16 (no reason: not applied) and 20 (a comment for another rule) are reported; 8 and 12 are silenced.
    const rampartMessages = (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('rampart/') === true);
    expect(rampartMessages.map((message) => [message.ruleId, message.line])).toEqual([
      ['rampart/sql-injection', 16],
      ['rampart/sql-injection', 20],
    ]);
  });

  it('the CLI honours eslint-disable-next-line rampart/<id> with a reason, and reports the reason-less comment', async () => {
    const run = await rampart(['src', '--format', 'json', '--no-config'], dir);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; line: number; suppressed?: { justification: string } }[] };
    const relevant = report.findings.filter((finding) => finding.ruleId === 'sql-injection' || finding.ruleId === 'unused-suppression');
    expect(relevant.map((finding) => [finding.ruleId, finding.line, finding.suppressed?.justification ?? null])).toEqual([
      ['sql-injection', 8, 'id is validated by the router'],
      ['sql-injection', 12, 'id is validated by the router'],
      ['unused-suppression', 15, null],
      ['sql-injection', 16, null],
      ['sql-injection', 20, null],
    ]);
  });
});
