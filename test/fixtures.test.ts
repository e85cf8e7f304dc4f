/**
 * The fixture runner: every `// ruleid:` / `// ok:` / `// todo-*:` annotation under fixtures/ is checked in
 * both hosts, the CLI engine and real ESLint, and the hosts must agree. In a file, every finding of a rule the
 * file annotates must be on a `ruleid` (or `todo-ok`) line: unannotated lines stay silent.
 *
 * Views (`.ejs`, `.pug`, `.hbs`, `.handlebars`, `.njk`) are annotated in their own comment syntax (see
 * support/annotations.ts) and checked in the CLI engine, which reports a view's unescaped output there. ESLint
 * lints code only and reports the same finding at the render call that hands the view its data: the code file
 * annotates that line (`// ruleid: xss` above the local), and the engine's finding counts there too, through
 * its anchor, so the two hosts still agree on every code file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedSuppression } from '../src/gate/unused-suppression.js';
import { configKindOf } from '../src/engine/config-files.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../src/rules-api/registry.js';
import { parseAnnotations, type Annotation } from './support/annotations.js';
import { REPO_ROOT, runEngine, runEslint, type HostFinding } from './support/hosts.js';

const FIXTURES = join(REPO_ROOT, 'fixtures');
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const VIEW = /\.(ejs|pug|hbs|handlebars|njk|html|tpl)$/;

function listFiles(directory: string, pattern = CODE): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path, pattern) : pattern.test(name) || (pattern === CODE && configKindOf(path) !== null) ? [path] : [];
  });
}

/** Problems with a file's annotations against one host's findings; empty when they all hold. */
export function checkAnnotations(annotations: readonly Annotation[], findings: readonly HostFinding[]): string[] {
  const errors: string[] = [];
  const annotatedRules = new Set(annotations.map((annotation) => annotation.ruleId));
  const has = (ruleId: string, line: number): boolean => findings.some((finding) => finding.ruleId === ruleId && finding.line === line);
  for (const annotation of annotations) {
    const found = has(annotation.ruleId, annotation.line);
    const where = `line ${annotation.line} (${annotation.kind}: ${annotation.ruleId})`;
    if (annotation.kind === 'ruleid' && !found) errors.push(`${where}: expected a finding, got none`);
    if (annotation.kind === 'ok' && found) errors.push(`${where}: expected no finding, got one`);
    if (annotation.kind === 'todo-ruleid' && found) errors.push(`${where}: the known miss is now found; promote it to ruleid`);
    if (annotation.kind === 'todo-ok' && !found) errors.push(`${where}: the known false alarm is gone; promote it to ok`);
  }
  for (const finding of findings) {
    if (!annotatedRules.has(finding.ruleId)) continue;
    const expected = annotations.some(
      (annotation) => annotation.ruleId === finding.ruleId && annotation.line === finding.line && (annotation.kind === 'ruleid' || annotation.kind === 'todo-ok'),
    );
    if (!expected) errors.push(`line ${finding.line}: unexpected ${finding.ruleId} finding: ${finding.message}`);
  }
  return errors;
}

/** The bundled example is annotated like a fixture, so the quick start's findings are checked too. */
const EXAMPLES = join(REPO_ROOT, 'examples');
const fixtureFiles = statSync(FIXTURES, { throwIfNoEntry: false })?.isDirectory() === true ? listFiles(FIXTURES) : [];
const exampleFiles = listFiles(EXAMPLES);
const viewFiles = statSync(FIXTURES, { throwIfNoEntry: false })?.isDirectory() === true ? listFiles(FIXTURES, VIEW) : [];
const engine = runEngine(['fixtures', 'examples']);

describe('fixture annotations', () => {
  it('finds fixture files for every rule', () => {
    for (const rule of [...BUILT_IN_RULES, ...CONFIG_FILE_RULES]) {
      expect(fixtureFiles.some((file) => relative(FIXTURES, file).startsWith(`${rule.id}/`)), rule.id).toBe(true);
    }
  });

  it('parses every fixture file in the engine', () => {
    const parseFailures = engine.problems.filter((problem) => problem.kind === 'parse-failed' || problem.kind === 'internal-error');
    expect(parseFailures).toEqual([]);
  });

  for (const absolute of viewFiles) {
    const path = relative(REPO_ROOT, absolute).split('\\').join('/');
    const annotations = parseAnnotations(readFileSync(absolute, 'utf8'));
    if (annotations.length === 0) continue;
    describe(path, () => {
      it('holds in the CLI engine (views are not code ESLint lints)', () => {
        expect(checkAnnotations(annotations, engine.findings.get(path) ?? [])).toEqual([]);
      });
    });
  }

  for (const absolute of [...fixtureFiles, ...exampleFiles]) {
    const path = relative(REPO_ROOT, absolute).split('\\').join('/');
    // CLI-only rules (unused-suppression) exist in neither host driven here; test/gate-suppression.test.ts
    // checks their annotations through the real CLI.
    const annotations = parseAnnotations(readFileSync(absolute, 'utf8')).filter((annotation) => annotation.ruleId !== unusedSuppression.id);
    if (annotations.length === 0) continue;
    describe(path, () => {
      const engineFindings = engine.findings.get(path) ?? [];
      it('holds in the CLI engine', () => {
        expect(checkAnnotations(annotations, engineFindings)).toEqual([]);
      });
      // Configuration files (workflows, Dockerfiles, compose, .env) are the CLI's alone: the plugin stays JS/TS.
      if (configKindOf(path) !== null) return;
      it('holds in ESLint, with the same findings as the engine', () => {
        const eslintFindings = runEslint(path);
        expect(checkAnnotations(annotations, eslintFindings)).toEqual([]);
        const key = (finding: HostFinding): string => `${finding.ruleId}@${finding.line}:${finding.column}`;
        expect(eslintFindings.map(key).sort()).toEqual(engineFindings.map(key).sort());
      });
    });
  }
});
