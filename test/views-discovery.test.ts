/**
 * Views a route renders are read through the same discovery rules as code: ignore globs and .gitignore, the
 * size cap, no symlink out of the scanned directory. A view that breaks any of them is never read, so it
 * yields no finding; a view too large, outside the root or unparsable is named as a problem and the scan goes on.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../src/engine/run.js';
import { xss } from '../rules/xss.js';

const APP = [
  "const express = require('express');",
  'const app = express();',
  "app.set('view engine', 'ejs');",
  "app.get('/page', (req, res) => {",
  "  res.render('page', { term: req.query.term });",
  '});',
  '',
].join('\n');
const VIEW = '<p><%- term %></p>\n';

const made: string[] = [];
afterEach(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function project(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-views-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function scanProject(root: string, options: { ignore?: string[]; maxFileSize?: number } = {}): ScanResult {
  return scan({ paths: ['.'], cwd: root, ignore: options.ignore ?? [], maxFileSize: options.maxFileSize ?? 1024 * 1024, rules: [{ rule: xss, severity: xss.severity }] });
}

function places(result: ScanResult): string[] {
  return result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.span.start.line}`);
}

describe('views found by the discovery rules', () => {
  it('reports unescaped output in a rendered view, carried there by the render call', () => {
    const root = project({ 'package.json': '{}', 'app.js': APP, 'views/page.ejs': VIEW });
    const result = scanProject(root);
    expect(places(result)).toEqual(['xss views/page.ejs:1']);
    expect(result.findings[0]?.flows?.map((flow) => `${flow.carrier?.file}:${flow.carrier?.span.start.line}`)).toEqual(['app.js:5']);
  });

  it('does not read a view the --ignore globs exclude', () => {
    const root = project({ 'package.json': '{}', 'app.js': APP, 'views/page.ejs': VIEW });
    const result = scanProject(root, { ignore: ['views/'] });
    expect(places(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('does not read a view a .gitignore excludes', () => {
    const root = project({ 'package.json': '{}', '.gitignore': '*.ejs\n', 'app.js': APP, 'views/page.ejs': VIEW });
    expect(places(scanProject(root))).toEqual([]);
  });

  it('skips a view over the size cap and names it', () => {
    const root = project({ 'package.json': '{}', 'app.js': APP, 'views/page.ejs': VIEW + ' '.repeat(4096) });
    const result = scanProject(root, { maxFileSize: 2048 });
    expect(places(result)).toEqual([]);
    expect(result.problems.map((problem) => [problem.kind, problem.file, 'reason' in problem ? problem.reason : ''])).toEqual([['skipped', 'views/page.ejs', 'too-large']]);
  });

  it('does not follow a views folder that is a symlink out of the scanned directory', () => {
    const outside = project({ 'page.ejs': VIEW });
    const root = project({ 'package.json': '{}', 'app.js': APP });
    symlinkSync(outside, join(root, 'views'), 'dir');
    const result = scanProject(root);
    expect(places(result)).toEqual([]);
    // The walk names the linked folder; the render names the view it would have read.
    expect(result.problems.map((problem) => [problem.kind, problem.file, 'reason' in problem ? problem.reason : ''])).toEqual([
      ['skipped', 'views', 'outside-root'],
      ['skipped', 'views/page.ejs', 'outside-root'],
    ]);
  });

  it('names a view whose code does not parse and goes on scanning', () => {
    const root = project({
      'package.json': '{}',
      'app.js': `${APP}app.get('/other', (req, res) => { res.send('<b>' + req.query.b + '</b>'); });\n`,
      'views/page.ejs': '<% if (term { %><%- term %><% } %>\n',
    });
    const result = scanProject(root);
    expect(places(result)).toEqual(['xss app.js:7']);
    expect(result.problems.map((problem) => [problem.kind, problem.file])).toEqual([['parse-failed', 'views/page.ejs']]);
  });
});
