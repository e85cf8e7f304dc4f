/**
 * Taint findings say how their source was recognised, in SARIF result `properties` and in the JSON report:
 * a registered handler, a parameter typed with a framework's request type, or a handler by shape alone. The
 * real CLI on a small project; the SARIF is checked against the 2.1.0 schema.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';
import { schemaErrors } from './support/sarif-validators.js';

const PROJECT = {
  'routes.js': [
    "const express = require('express');",
    "const { exec } = require('child_process');",
    'const app = express();',
    "app.get('/registered', (req, res) => {",
    "  exec('ping ' + req.query.host);",
    '  res.end();',
    '});',
    '',
  ].join('\n'),
  'controller.js': [
    "const { exec } = require('child_process');",
    'exports.byShape = (req, res) => {',
    "  exec('ping ' + req.query.host);",
    '  res.end();',
    '};',
    '',
  ].join('\n'),
  'typed.ts': [
    "import type { Request } from 'express';",
    "import { exec } from 'node:child_process';",
    'export function byType(req: Request): void {',
    "  exec('ping ' + String(req.query.host));",
    '}',
    '',
  ].join('\n'),
};

interface SarifLog {
  readonly runs: readonly { readonly results: readonly { readonly ruleId: string; readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region: { readonly startLine: number } } }[]; readonly properties?: Record<string, string> }[] }[];
}
interface JsonReport {
  readonly findings: readonly { readonly ruleId: string; readonly file: string; readonly line: number; readonly properties?: Record<string, string> }[];
}

describe('source recognition in reports', () => {
  const root = tempDir('source-recognition');
  let sarif: SarifLog;
  let json: JsonReport;
  beforeAll(async () => {
    writeFiles(root, PROJECT);
    const run = await rampart(['.', '--format', `sarif=${join(root, 'out.sarif')}`, '--format', `json=${join(root, 'out.json')}`], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    sarif = readJson<SarifLog>(join(root, 'out.sarif'));
    json = readJson<JsonReport>(join(root, 'out.json'));
  });
  afterAll(() => removeDir(root));

  it('names registration, type and shape in each SARIF result, and stays valid SARIF', () => {
    expect(schemaErrors(sarif)).toEqual([]);
    const recognition = (sarif.runs[0]?.results ?? [])
      .filter((result) => result.ruleId === 'command-injection')
      .map((result) => `${result.locations[0]?.physicalLocation.artifactLocation.uri}:${result.locations[0]?.physicalLocation.region.startLine} ${result.properties?.['rampart/sourceRecognition']}`)
      .sort();
    expect(recognition).toEqual(['controller.js:3 shape', 'routes.js:5 registration', 'typed.ts:4 type']);
  });

  it('carries the same properties in the JSON report', () => {
    const recognition = json.findings
      .filter((finding) => finding.ruleId === 'command-injection')
      .map((finding) => `${finding.file}:${finding.line} ${finding.properties?.['rampart/sourceRecognition']}`)
      .sort();
    expect(recognition).toEqual(['controller.js:3 shape', 'routes.js:5 registration', 'typed.ts:4 type']);
  });
});
