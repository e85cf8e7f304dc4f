/**
 * The packed package, installed the way users install it (from `npm pack`, next to ESLint from the
 * registry), works as a flat-config ESLint plugin in ESLint 10 and 9 and as the `rampart` command.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';

const exec = promisify(execFile);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
}

async function run(command: string, args: readonly string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout } = await exec(command, args, { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout };
  } catch (error: unknown) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const VULNERABLE_TS = `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export const router = express.Router();
router.get('/users', async (req, res) => {
  const rows = await pool.query('SELECT * FROM users WHERE id = ' + req.query.id);
  res.json(rows);
});
`;

const VULNERABLE_JS = `const express = require('express');
const mysql = require('mysql');
const connection = mysql.createConnection({});
const router = express.Router();
router.get('/t', (req, res) => connection.query("SELECT * FROM t WHERE name = '" + req.query.name + "'", (e, rows) => res.json(rows)));
module.exports = router;
`;

// The README's ESLint section, as pasted: no parser of the user's own, TS and JS both linted.
const CONFIG = `import rampart from '@rampart-security/rampart/eslint-plugin';

export default [rampart.configs.typescript, rampart.configs.recommended];
`;

describe('the packed package', () => {
  let workspace: string;
  let tarball: string;

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'rampart-pack-'));
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', workspace], REPO_ROOT);
    expect(packed.code).toBe(0);
    const found = readdirSync(workspace).find((name) => name.endsWith('.tgz'));
    if (found === undefined) throw new Error(`npm pack produced no tarball: ${packed.stdout}`);
    tarball = join(workspace, found);
  }, 300_000);

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it('ships the code, docs, schema, licence and changelog, and none of the tests or fixtures', async () => {
    const listed = await run('tar', ['-tzf', tarball], workspace);
    const files = listed.stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(/^package\//, ''));
    expect(['bin/rampart.js', 'dist/src/eslint/index.js', 'docs/rules/sql-injection.md', 'schema/rampart.config.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'].filter((file) => !files.includes(file))).toEqual([]);
    expect(files.filter((file) => /^(test|fixtures|bench|src|rules|examples)\//.test(file))).toEqual([]);
  });

  describe.each([['10'], ['9']])('installed next to ESLint %s', (eslintMajor) => {
    let project: string;

    beforeAll(async () => {
      project = join(workspace, `eslint-${eslintMajor}`);
      mkdirSync(join(project, 'src'), { recursive: true });
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      writeFileSync(join(project, 'eslint.config.js'), CONFIG);
      writeFileSync(join(project, 'src', 'users.ts'), VULNERABLE_TS);
      writeFileSync(join(project, 'src', 'legacy.js'), VULNERABLE_JS);
      const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `eslint@${eslintMajor}`], project);
      expect(installed.code, installed.stdout).toBe(0);
    }, 600_000);

    it('reports through ESLint with the typescript-eslint parser and with espree', async () => {
      const linted = await run(join(project, 'node_modules', '.bin', 'eslint'), ['--format', 'json', 'src'], project);
      expect(linted.code).toBe(1);
      const results = JSON.parse(linted.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
      const sqlFindings = (result: (typeof results)[number]): string[] =>
        result.messages.filter((m) => m.ruleId === 'rampart/sql-injection').map((m) => `${m.ruleId}@${m.line}`);
      const byFile = Object.fromEntries(results.map((result) => [result.filePath.split('/').pop(), sqlFindings(result)]));
      expect(byFile).toEqual({ 'users.ts': ['rampart/sql-injection@6'], 'legacy.js': ['rampart/sql-injection@5'] });
    }, 120_000);

    it('installs the rampart command', async () => {
      const scanned = await run(join(project, 'node_modules', '.bin', 'rampart'), ['--format', 'json', 'src'], project);
      expect(scanned.code).toBe(1);
      const report = JSON.parse(scanned.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
      const sql = report.findings.filter((finding) => finding.ruleId === 'sql-injection');
      expect(sql.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/legacy.js:5', 'src/users.ts:6']);
    }, 120_000);
  });
});
