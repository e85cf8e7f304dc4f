/**
 * A directory of hostile files around real findings: broken, binary, empty, BOM and CRLF, 20,000 nested
 * brackets, oversized, symlink loops and links leaving the root. The scan must finish, report every real
 * finding at the right line and column, and name each file it could not scan.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from './support/cli.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
}
interface JsonProblem {
  kind: string;
  file: string;
  reason?: string;
  line?: number;
}
interface JsonReport {
  findings: JsonFinding[];
  problems: JsonProblem[];
  summary: { filesScanned: number };
}

// Request data reaching SQL text: the sql-injection rule reports only request-sourced values.
const SQL = (line: string): string => `import express from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n${line}\n`;

describe('scanning a hostile directory', () => {
  let root: string;
  let outside: string;
  let run: CliRun;
  let report: JsonReport;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rampart-hostile-'));
    outside = mkdtempSync(join(tmpdir(), 'rampart-outside-'));
    writeFileSync(join(outside, 'secret.ts'), SQL("express().get('/q', (req) => pool.query('SELECT ' + req.query.x));"));
    writeFileSync(join(root, 'real.ts'), SQL("express().get('/q', (req) => pool.query('SELECT ' + req.query.x));"));
    writeFileSync(join(root, 'crlf.ts'), SQL("\nexpress().get('/q', (req) => pool.query('SELECT ' + req.query.x));").replace(/\n/g, '\r\n'));
    writeFileSync(join(root, 'bom.ts'), `\uFEFF${SQL("express().get('/q', (req) => pool.query(`SELECT ${req.query.x}`));")}`);
    writeFileSync(join(root, 'broken.ts'), 'const a = 1;\nconst b = (;\n');
    writeFileSync(join(root, 'empty.ts'), '');
    writeFileSync(join(root, 'binary.js'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(root, 'deep.ts'), `const a = ${'['.repeat(20000)}${']'.repeat(20000)};\n`);
    writeFileSync(join(root, 'deeper-brackets.ts'), `const a = ${'['.repeat(50000)}${']'.repeat(50000)};\n`);
    writeFileSync(join(root, 'deep-unary.ts'), `const a = ${'!'.repeat(50000)}true;\n`);
    writeFileSync(join(root, 'huge.js'), `// generated\n${'const x = 1;\n'.repeat(100_000)}`);
    mkdirSync(join(root, 'nested'));
    writeFileSync(join(root, 'nested', 'deeper.js'), "const express = require('express');\nconst mysql = require('mysql');\nconst c = mysql.createConnection({});\nexpress().get('/d', (req) => c.query('DELETE FROM t WHERE id = ' + req.query.id));\n");
    symlinkSync('..', join(root, 'nested', 'loop'));
    symlinkSync(outside, join(root, 'escape'));
    run = await runCliProcess(['--format', 'json', '--max-file-size', '500000', root]);
    report = JSON.parse(run.stdout) as JsonReport;
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const problemOf = (name: string): JsonProblem | undefined => report.problems.find((problem) => problem.file.endsWith(name));
  const findingsIn = (name: string): JsonFinding[] => report.findings.filter((finding) => finding.file.endsWith(name));

  it('exits 1 because real findings were found', () => {
    expect(run.code).toBe(1);
  });

  it('reports every real finding with its line and column, BOM and CRLF included', () => {
    expect(findingsIn('/real.ts').map((f) => [f.ruleId, f.line, f.column])).toEqual([['sql-injection', 4, 41]]);
    expect(findingsIn('/crlf.ts').map((f) => [f.ruleId, f.line, f.column])).toEqual([['sql-injection', 5, 41]]);
    expect(findingsIn('/bom.ts').map((f) => [f.ruleId, f.line, f.column])).toEqual([['sql-injection', 4, 41]]);
    expect(findingsIn('/nested/deeper.js').map((f) => [f.ruleId, f.line, f.column])).toEqual([['sql-injection', 4, 38]]);
  });

  it('names the broken file with the line of the syntax error', () => {
    expect(problemOf('/broken.ts')).toMatchObject({ kind: 'parse-failed', line: 2 });
  });

  it('scans files nested tens of thousands of levels deep instead of crashing', () => {
    // 20,000 brackets, 50,000 brackets and 50,000 chained `!` once crashed the native parser on the main
    // thread's stack; the CLI scans on a worker with a large stack, so each is an ordinary file now.
    for (const name of ['/deep.ts', '/deeper-brackets.ts', '/deep-unary.ts']) {
      const problem = problemOf(name);
      expect(problem === undefined || problem.kind === 'parse-failed', `${name}: ${JSON.stringify(problem)}`).toBe(true);
    }
  });

  it('skips binary and oversized files with a reason', () => {
    expect(problemOf('/binary.js')).toMatchObject({ kind: 'skipped', reason: 'binary' });
    expect(problemOf('/huge.js')).toMatchObject({ kind: 'skipped', reason: 'too-large' });
  });

  it('scans the empty file without complaint', () => {
    expect(problemOf('/empty.ts')).toBeUndefined();
  });

  it('never follows a symlink out of the root, and does not loop', () => {
    expect(report.findings.some((finding) => finding.file.includes('secret.ts'))).toBe(false);
    expect(report.findings.filter((finding) => finding.file.endsWith('real.ts'))).toHaveLength(1);
    expect(report.summary.filesScanned).toBe(8);
  });

  it('lists the unscanned files in the text report too', async () => {
    const text = await runCliProcess(['--max-file-size', '500000', root]);
    expect(text.stdout).toMatch(/broken\.ts:2:\d+: could not parse/);
    expect(text.stdout).toMatch(/binary\.js: skipped: binary content/);
    expect(text.stdout).toMatch(/✖ 4 findings \(4 critical\) in 4 files; 4 not scanned or incomplete; 8 files scanned/);
  });
});
