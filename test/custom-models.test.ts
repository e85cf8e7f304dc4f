/**
 * `models:` in the config, through both hosts: the real CLI (a child process) and ESLint's Linter with the
 * plugin, each reading the same rampart.config.yaml of a throwaway project.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { plugin } from '../src/eslint/plugin.js';
import { rampart, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

const CONFIG = `models:
  - package: '@acme/db'
    sinks:
      - { concept: sql-execution, path: 'Client().unsafeQuery', argument: 0 }
  - module: ./lib/html
    sanitizers:
      - { path: cleanHtml, argument: 0, kinds: [html] }
  - module: ./lib/input
    sources:
      - { path: 'currentInput()', kind: body }
`;

const APP = `const express = require('express');
const { Client } = require('@acme/db');
const { cleanHtml } = require('./lib/html');
const app = express();
const db = new Client();

app.get('/a', (req, res) => {
  db.unsafeQuery('SELECT * FROM t WHERE id = ' + req.query.id);
  db.safeQuery('SELECT * FROM t WHERE id = $1', [req.query.id]);
  res.send('<p>' + cleanHtml(req.query.name) + '</p>');
  res.send('<p>' + req.query.other + '</p>');
});
`;

const JOB = `const { currentInput } = require('./lib/input');
const { Client } = require('@acme/db');

function run() {
  const db = new Client();
  db.unsafeQuery('DELETE FROM jobs WHERE id = ' + currentInput().id);
}
module.exports = { run };
`;

const FILES = {
  'rampart.config.yaml': CONFIG,
  'app.js': APP,
  'job.js': JOB,
  'lib/html.js': "module.exports.cleanHtml = (text) => String(text).replace(/[&<>\"']/g, '');\n",
  'lib/input.js': 'module.exports.currentInput = () => globalThis.pending;\n',
  'package.json': '{ "name": "custom-models-app", "private": true }\n',
};

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

function project(files: Readonly<Record<string, string>>): string {
  const root = tempDir('rampart-models-');
  made.push(root);
  writeFiles(root, files);
  return root;
}

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
}

function places(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: JsonFinding[] };
  return report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`).sort();
}

function lint(root: string, file: string): string[] {
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(readFileSync(join(root, file), 'utf8'), [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, plugin.configs.all], { filename: join(root, file) });
  return messages.filter((message) => message.ruleId?.startsWith('rampart/') === true).map((message) => `${(message.ruleId ?? '').slice(8)} ${file}:${message.line}`).sort();
}

describe('custom models from the config', () => {
  it('adds a package sink, a project sanitizer and a project source in the CLI', async () => {
    const root = project(FILES);
    const run = await rampart(['--format', 'json', '.'], root);
    expect(run.stderr).toBe('');
    expect(places(run.stdout)).toEqual(['sql-injection app.js:8', 'sql-injection job.js:6', 'xss app.js:11']);
  });

  it('gives ESLint the same models from the same file', () => {
    const root = project(FILES);
    expect(lint(root, 'app.js')).toEqual(['sql-injection app.js:8', 'xss app.js:11']);
    expect(lint(root, 'job.js')).toEqual(['sql-injection job.js:6']);
  });

  it('finds nothing of the kind without the models', async () => {
    const root = project({ ...FILES, 'rampart.config.yaml': 'failOn: high\n' });
    const run = await rampart(['--format', 'json', '.'], root);
    // Without the sanitizer row, rampart does not take cleanHtml for an HTML escaper.
    expect(places(run.stdout)).toEqual(['xss app.js:10', 'xss app.js:11']);
  });

  it('names the file, line and problem of a bad entry and exits 2', async () => {
    const bad = async (config: string): Promise<string> => {
      const run = await rampart(['.'], project({ ...FILES, 'rampart.config.yaml': config }));
      expect(run.code).toBe(2);
      return run.stderr.trim();
    };
    expect(await bad('models:\n  - package: x\n    sinks:\n      - { concept: sql-execution, path: "Client(.query", argument: 0 }\n')).toMatch(/^rampart: rampart\.config\.yaml:4:\d+: .*bad access path 'Client\(\.query'/m);
    expect(await bad('models:\n  - module: ./lib/missing\n    sanitizers:\n      - { path: clean, kinds: [html] }\n')).toMatch(/^rampart: rampart\.config\.yaml:2:\d+: .*module '\.\/lib\/missing' not found/m);
    expect(await bad('models:\n  - package: x\n    module: ./lib/html\n    sinks: []\n')).toMatch(/^rampart: rampart\.config\.yaml:2:\d+: .*exactly one of `package`/m);
    expect(await bad('models:\n  - package: x\n    sinks:\n      - { concept: eval, path: run, argument: 0 }\n')).toMatch(/^rampart: rampart\.config\.yaml:4:\d+: /m);
  });
});
