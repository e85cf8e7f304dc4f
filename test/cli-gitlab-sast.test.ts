/**
 * `--format gitlab-sast`: GitLab's SAST report (security report schema 15.0.4) through the built CLI. GitLab's
 * schema is not on the npm registry, so the shape checked here is the part of it GitLab enforces on
 * ingestion (required keys, enums, the time pattern, the length caps), written down from GitLab's scanner
 * integration docs: it guards against regressions, it does not replace a run in GitLab.
 */
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepository, rampart, readJson, removeDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';

const REQUIRED_SHAPE = {
  type: 'object',
  required: ['version', 'scan', 'vulnerabilities'],
  properties: {
    version: { type: 'string', pattern: '^15\\.0\\.\\d+$' },
    scan: {
      type: 'object',
      required: ['analyzer', 'scanner', 'type', 'start_time', 'end_time', 'status'],
      properties: {
        analyzer: { $ref: '#/definitions/tool' },
        scanner: { $ref: '#/definitions/tool' },
        type: { const: 'sast' },
        start_time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' },
        end_time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' },
        status: { enum: ['success', 'failure'] },
      },
    },
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'identifiers', 'location'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
          name: { type: 'string', maxLength: 255 },
          description: { type: 'string', maxLength: 1048576 },
          severity: { enum: ['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] },
          identifiers: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', required: ['type', 'name', 'value'], properties: { type: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } } },
          },
          location: { type: 'object', required: ['file'], properties: { file: { type: 'string', minLength: 1 }, start_line: { type: 'integer' }, end_line: { type: 'integer' } } },
        },
      },
    },
  },
  definitions: {
    tool: {
      type: 'object',
      required: ['id', 'name', 'version', 'vendor'],
      properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 }, vendor: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } },
    },
  },
};

interface GitlabReport {
  readonly vulnerabilities: readonly { readonly id: string; readonly severity: string; readonly location: { readonly file: string; readonly start_line: number }; readonly identifiers: readonly { readonly type: string; readonly value: string }[] }[];
}

describe('--format gitlab-sast', () => {
  let repo = '';
  beforeAll(() => {
    const suppressed = VULNERABLE_ROUTES.replace("req.params.id));\n}\n\nexport async function findOrder", "req.params.id)); // rampart-ignore sql-injection -- reviewed\n}\n\nexport async function findOrder");
    repo = gitRepository('gitlab', {});
    writeFiles(repo, { 'services/api/routes.ts': suppressed });
  });
  afterAll(() => removeDir(repo));

  it('writes a report GitLab accepts, without suppressed findings, with stable ids', async () => {
    const run = await rampart(['--format', 'gitlab-sast=gl-sast-report.json'], join(repo, 'services'));
    expect(run.code).toBe(1);
    const report = readJson<GitlabReport>(join(repo, 'services', 'gl-sast-report.json'));
    const validate = new Ajv({ strict: false }).compile(REQUIRED_SHAPE);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.vulnerabilities.map((vulnerability) => [vulnerability.location.file, vulnerability.location.start_line, vulnerability.severity, vulnerability.identifiers.map((identifier) => `${identifier.type}:${identifier.value}`)])).toEqual([
      ['services/api/routes.ts', 12, 'Critical', ['rampart_rule_id:sql-injection', 'cwe:89']],
    ]);

    await rampart(['--format', 'gitlab-sast=again.json'], join(repo, 'services'));
    expect(readJson<GitlabReport>(join(repo, 'services', 'again.json')).vulnerabilities.map((vulnerability) => vulnerability.id)).toEqual(report.vulnerabilities.map((vulnerability) => vulnerability.id));
  });
});
