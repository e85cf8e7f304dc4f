/**
 * rampart's SARIF is valid against the SARIF 2.1.0 schema and clean under the SARIF Multitool's GitHub
 * ingestion rules (`validate --rule-kind "Gh;Sarif"`: no errors, no warnings), for the bundled example and
 * for a log that uses every feature (suppressions, baseline states, notifications, provenance). Also pins
 * what GitHub code scanning reads from each rule and result.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_SEVERITY_SCORE, type Severity } from '../src/taxonomy/severity.js';
import { REPO_ROOT } from './support/hosts.js';
import { commitAll, gitRepository, rampart, readJson, removeDir, tempDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';
import { multitoolIssues, schemaErrors } from './support/sarif-validators.js';

/** The bundled example once it has code, else the sql-injection fixtures (the example was being written in parallel). */
const EXAMPLE = existsSync(join(REPO_ROOT, 'examples', 'vulnerable-api', 'src')) && readdirSync(join(REPO_ROOT, 'examples', 'vulnerable-api', 'src')).length > 0 ? 'examples/vulnerable-api' : 'fixtures/sql-injection';

interface Descriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: string };
  readonly properties: { readonly 'security-severity': string; readonly precision: string; readonly tags: readonly string[] };
}
interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}
interface Result {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string }; readonly region: Region } }[];
  readonly partialFingerprints: { readonly 'rampartFingerprint/v1': string };
  readonly suppressions?: readonly { readonly kind: string; readonly justification: string }[];
  readonly baselineState?: string;
}
interface Run {
  readonly tool: { readonly driver: { readonly name: string; readonly rules: readonly Descriptor[] } };
  readonly automationDetails: { readonly id: string };
  readonly versionControlProvenance?: readonly { readonly repositoryUri: string; readonly revisionId: string; readonly branch?: string }[];
  readonly originalUriBaseIds: Record<string, { readonly uri: string }>;
  readonly invocations: readonly { readonly executionSuccessful: boolean; readonly toolExecutionNotifications: readonly { readonly descriptor: { readonly id: string }; readonly message: { readonly text: string }; readonly locations?: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string } } }[] }[] }[];
  readonly results: readonly Result[];
}
interface Log {
  readonly runs: readonly Run[];
}

const SEVERITY_OF_SCORE = new Map(Object.entries(SECURITY_SEVERITY_SCORE).map(([severity, score]) => [score, severity as Severity]));

describe(`SARIF of the bundled example (${EXAMPLE})`, () => {
  const out = tempDir('sarif-example');
  const file = join(out, 'example.sarif');
  let log: Log;
  beforeAll(async () => {
    const run = await rampart([EXAMPLE, '--format', `sarif=${file}`, '--category', 'example-api'], REPO_ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    log = readJson<Log>(file);
  });
  afterAll(() => removeDir(out));

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    expect(schemaErrors(log)).toEqual([]);
  });

  it('is clean under the SARIF Multitool with GitHub ingestion rules (Gh;Sarif)', () => {
    expect(multitoolIssues(file)).toEqual([]);
  });

  it('describes every rule the way code scanning displays it', () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toContain('sql-injection');
    for (const rule of rules) {
      expect(rule.name, rule.id).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.shortDescription.text.length, rule.id).toBeGreaterThan(10);
      expect(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id).toBe(true);
      expect(rule.helpUri, rule.id).toBe(`https://github.com/rampart-security/rampart/blob/main/docs/rules/${rule.id}.md`);
      expect(rule.help.markdown, rule.id).not.toMatch(/^---/);
      expect(rule.properties['security-severity'], rule.id).toMatch(/^\d{1,2}\.\d$/);
      const severity = SEVERITY_OF_SCORE.get(rule.properties['security-severity']);
      expect(rule.defaultConfiguration.level, rule.id).toBe(severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note');
      expect(['very-high', 'high', 'medium', 'low'], rule.id).toContain(rule.properties.precision);
      expect(rule.properties.tags[0], rule.id).toBe('security');
      expect(rule.properties.tags.some((tag) => /^external\/cwe\/cwe-\d+$/.test(tag)), rule.id).toBe(true);
      expect(rule.properties.tags.length, rule.id).toBeLessThanOrEqual(20);
    }
    const sql = rules.find((rule) => rule.id === 'sql-injection');
    expect(sql?.properties).toMatchObject({ 'security-severity': '9.1', precision: 'high' });
    expect(sql?.properties.tags).toEqual(['security', 'external/cwe/cwe-89', 'external/owasp/a03-2021', 'external/owasp/a05-2025']);
    for (const section of ['## What it finds', '## Why it matters', '## Vulnerable example', '## Safe example']) expect(sql?.help.markdown).toContain(section);
    expect(sql?.help.text).toContain('What it finds');
  });

  it('locates every result relative to the checkout root, with a full region and a fingerprint', () => {
    const run = log.runs[0];
    const results = run?.results ?? [];
    expect(results.length).toBeGreaterThanOrEqual(1);
    for (const result of results) {
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const location = result.locations[0]?.physicalLocation;
      expect(location?.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location?.artifactLocation.uri.startsWith(`${EXAMPLE}/`)).toBe(true);
      expect(location?.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location?.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(location?.region.endLine).toBeGreaterThanOrEqual(location?.region.startLine ?? 0);
      expect(result.partialFingerprints['rampartFingerprint/v1']).toMatch(/^[0-9a-f]{32}:\d+$/);
    }
    expect(new Set(results.map((result) => result.partialFingerprints['rampartFingerprint/v1'])).size).toBe(results.length);
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('names its category and the commit it scanned', () => {
    const run = log.runs[0];
    expect(run?.automationDetails.id).toBe('example-api/');
    expect(run?.versionControlProvenance?.[0]?.revisionId).toMatch(/^[0-9a-f]{40}$/);
    expect(run?.invocations[0]?.executionSuccessful).toBe(true);
  });
});

describe('SARIF using every feature: suppressions, baseline states, notifications', () => {
  let repo = '';
  let log: Log;
  beforeAll(async () => {
    repo = gitRepository('sarif-features', { 'src/routes.ts': VULNERABLE_ROUTES });
    await rampart(['--write-baseline', 'baseline.json'], repo);
    commitAll(repo, 'baseline');
    const suppressed = VULNERABLE_ROUTES.replace(
      "req.params.id));\n}\n\nexport async function findOrder",
      "req.params.id)); // rampart-ignore sql-injection -- ids are UUIDs checked by the router\n}\n\nexport async function findOrder",
    ).replace("pool.query(`SELECT * FROM orders WHERE id = '${req.params.id}'`)", "pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id])");
    writeFiles(repo, {
      'src/routes.ts': suppressed,
      'src/new.ts': "import type { Request } from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n// rampart-ignore-next-line sql-injection -- stale\n\nexport const q = (req: Request) => pool.query('SELECT ' + req.body.x);\n",
      'src/broken.ts': 'export const = ;\n',
      'src/huge.js': `export const data = '${'x'.repeat(2048)}';\n`,
    });
    const run = await rampart(['--baseline', 'baseline.json', '--max-file-size', '1024', '--format', 'sarif=features.sarif'], repo, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop' });
    expect(run.code).toBe(1);
    log = readJson<Log>(join(repo, 'features.sarif'));
  });
  afterAll(() => removeDir(repo));

  it('is valid against the schema and clean under the Multitool', () => {
    expect(schemaErrors(log)).toEqual([]);
    expect(multitoolIssues(join(repo, 'features.sarif'))).toEqual([]);
  });

  it('keeps a suppressed finding, marked inSource with its reason', () => {
    const suppressed = log.runs[0]?.results.filter((result) => result.suppressions !== undefined) ?? [];
    expect(suppressed.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.region.startLine, result.suppressions])).toEqual([
      ['sql-injection', 8, [expect.objectContaining({ kind: 'inSource', justification: 'ids are UUIDs checked by the router' })]],
    ]);
  });

  it('marks baseline states: unchanged (suppressed since), new, and absent (fixed)', () => {
    const states = (log.runs[0]?.results ?? []).map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine, result.baselineState]);
    expect(states).toEqual([
      ['unused-suppression', 'src/new.ts', 4, 'new'],
      ['sql-injection', 'src/new.ts', 6, 'new'],
      ['sql-injection', 'src/routes.ts', 8, 'unchanged'],
      ['sql-injection', 'src/routes.ts', 12, 'absent'],
    ]);
  });

  it('reports the unparsable and the skipped file as tool notifications', () => {
    const notifications = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notifications.map((notification) => [notification.descriptor.id, notification.locations?.[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['parse-failed', 'src/broken.ts'],
      ['skipped', 'src/huge.js'],
    ]);
  });

  it('records where the code came from', () => {
    expect(log.runs[0]?.versionControlProvenance?.[0]).toMatchObject({ repositoryUri: 'https://github.com/acme/shop', branch: 'main' });
    // No --category: upload-sarif's category input decides, so the log names none of its own.
    expect(log.runs[0]?.automationDetails).toBeUndefined();
  });
});
