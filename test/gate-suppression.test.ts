/**
 * Inline suppressions through the real CLI: `rampart-ignore-next-line` / `rampart-ignore` with a reason
 * silence a finding (kept in JSON and SARIF, out of the exit code and the text listing); a reason-less,
 * misplaced, misspelled or stale one is reported by the CLI-only `unused-suppression` meta rule. The meta
 * rule's fixtures, docs page and metadata are checked here the way test/rules-meta.test.ts and
 * test/fixtures.test.ts check registered rules, since neither host there runs a CLI-only rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { unusedSuppression } from '../src/gate/unused-suppression.js';
import { parseAnnotations } from './support/annotations.js';
import { REPO_ROOT } from './support/hosts.js';
import { rampart, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly blocking: boolean;
  readonly suppressed?: { readonly justification: string; readonly line: number };
}
interface JsonReport {
  readonly summary: { readonly findings: number; readonly suppressed: number; readonly blocking: number };
  readonly findings: readonly JsonFinding[];
}

const FIXTURES = join(REPO_ROOT, 'fixtures', unusedSuppression.id);

describe('unused-suppression fixtures, through the CLI', () => {
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).map((name) => join(FIXTURES, name)) : [];

  it('has fixtures with at least 8 vulnerable and 8 safe cases', () => {
    const annotations = files.flatMap((file) => parseAnnotations(readFileSync(file, 'utf8'))).filter((annotation) => annotation.ruleId === unusedSuppression.id);
    expect(annotations.filter((annotation) => annotation.kind === 'ruleid').length).toBeGreaterThanOrEqual(8);
    expect(annotations.filter((annotation) => annotation.kind === 'ok').length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    const path = relative(REPO_ROOT, file);
    it(`${path}: every annotation holds and unannotated lines stay silent`, async () => {
      const run = await rampart([path, '--format', 'json', '--no-config'], REPO_ROOT);
      const report = JSON.parse(run.stdout) as JsonReport;
      const found = new Set(report.findings.filter((finding) => finding.ruleId === unusedSuppression.id).map((finding) => finding.line));
      const annotations = parseAnnotations(readFileSync(file, 'utf8')).filter((annotation) => annotation.ruleId === unusedSuppression.id);
      const errors: string[] = [];
      for (const annotation of annotations) {
        if (annotation.kind === 'ruleid' && !found.has(annotation.line)) errors.push(`line ${annotation.line}: expected unused-suppression`);
        if (annotation.kind === 'ok' && found.has(annotation.line)) errors.push(`line ${annotation.line}: unexpected unused-suppression`);
      }
      const expected = new Set(annotations.filter((annotation) => annotation.kind === 'ruleid' || annotation.kind === 'todo-ok').map((annotation) => annotation.line));
      for (const line of found) if (!expected.has(line)) errors.push(`line ${line}: unannotated unused-suppression`);
      expect(errors).toEqual([]);
    });
  }
});

describe('unused-suppression docs and metadata', () => {
  const page = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${unusedSuppression.id}.md`), 'utf8');

  it('has front matter matching the metadata', () => {
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(page)?.[1] ?? '') as Record<string, unknown>;
    expect(front).toMatchObject({
      id: unusedSuppression.id,
      title: unusedSuppression.title,
      severity: unusedSuppression.severity,
      precision: unusedSuppression.precision,
      cwe: [...unusedSuppression.cwe],
      owasp2021: [...unusedSuppression.owasp[2021]],
      owasp2025: [...unusedSuppression.owasp[2025]],
    });
  });

  it('has the docs sections in order', () => {
    const sections = ['What it finds', 'Why it matters', 'Vulnerable example', 'Safe example', 'How to fix', 'Known limits', 'References'];
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((heading) => heading[1]?.trim());
    expect(headings.filter((heading) => heading !== undefined && sections.includes(heading))).toEqual(sections);
  });
});

describe('suppression and the exit code', () => {
  const dir = tempDir('suppression');
  afterAll(() => removeDir(dir));

  const QUERY = "import type { Request } from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n";

  it('excludes suppressed findings from the exit code and the listing, and counts them', async () => {
    writeFiles(dir, {
      'a.ts': `${QUERY}export const a = (req: Request) =>
  // rampart-ignore-next-line sql-injection -- id is a UUID checked by the router
  pool.query('SELECT * FROM a WHERE id = ' + req.params.id);
export const b = (req: Request) => pool.query('SELECT * FROM b WHERE id = ' + req.params.id); // rampart-ignore sql-injection -- numeric id
`,
    });
    const text = await rampart(['a.ts', '--no-config'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('✔ no findings; 2 suppressed in source; 1 file scanned\n');
    const json = JSON.parse((await rampart(['a.ts', '--format', 'json', '--no-config'], dir)).stdout) as JsonReport;
    expect(json.summary).toMatchObject({ findings: 0, suppressed: 2, blocking: 0 });
    expect(json.findings.map((finding) => [finding.line, finding.suppressed])).toEqual([
      [6, { justification: 'id is a UUID checked by the router', line: 5 }],
      [7, { justification: 'numeric id', line: 7 }],
    ]);
  });

  it('reports a suppression two lines above its finding, and the finding itself', async () => {
    writeFiles(dir, {
      'b.ts': `${QUERY}export function find(req: Request) {
  // rampart-ignore-next-line sql-injection -- placed too far above

  return pool.query('SELECT * FROM b WHERE id = ' + req.params.id);
}
`,
    });
    const run = await rampart(['b.ts', '--format', 'json', '--no-config'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.ruleId, finding.line, finding.blocking])).toEqual([
      ['unused-suppression', 5, true],
      ['sql-injection', 7, true],
    ]);
    expect(report.findings[0]?.message).toBe('This suppression of sql-injection silences nothing on line 6; move it next to the finding or delete it.');
  });

  it('does not apply a suppression without a reason', async () => {
    writeFiles(dir, { 'c.ts': `${QUERY}export const c = (req: Request) => pool.query('SELECT ' + req.body.id); // rampart-ignore sql-injection\n` });
    const report = JSON.parse((await rampart(['c.ts', '--format', 'json', '--no-config'], dir)).stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.ruleId, finding.line, finding.suppressed ?? null])).toEqual([
      ['sql-injection', 4, null],
      ['unused-suppression', 4, null],
    ]);
  });

  it('does not call a suppression of a rule that did not run unused, and can turn the meta rule off', async () => {
    writeFiles(dir, { 'd.ts': `${QUERY}// rampart-ignore-next-line sql-injection -- reviewed\nexport const d = 1;\n` });
    const disabled = await rampart(['d.ts', '--disable', 'sql-injection', '--format', 'json', '--no-config'], dir);
    expect((JSON.parse(disabled.stdout) as JsonReport).findings).toEqual([]);
    const metaOff = await rampart(['d.ts', '--disable', 'unused-suppression', '--no-config'], dir);
    expect(metaOff.code).toBe(0);
    const metaOn = await rampart(['d.ts', '--format', 'json', '--no-config'], dir);
    expect((JSON.parse(metaOn.stdout) as JsonReport).findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['unused-suppression', 4]]);
  });
});
