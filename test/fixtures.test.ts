/**
 * The fixture runner: every `// ruleid:` / `// ok:` / `// todo-*:` annotation under fixtures/ is checked in
 * both hosts, the CLI engine and real ESLint, and the hosts must agree: ESLint reports exactly where the CLI's
 * findings say it must (at the finding, or, for a path entering the sink's module through a call, at that
 * call, marked `ruleid(eslint)`; fixtures/README.md). In a file, every finding of a rule the file annotates
 * must be on a `ruleid` (or `todo-ok`) line: unannotated lines stay silent.
 *
 * Views (`.ejs`, `.pug`, `.hbs`, `.handlebars`, `.njk`) are annotated in their own comment syntax (see
 * support/annotations.ts) and checked in the CLI engine, which reports a view's unescaped output there. ESLint
 * lints code only and reports the same finding at the render call that hands the view its data, the path's
 * carrier: the code file annotates that line `// ruleid(eslint): xss`, as for a sink in another module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unusedSuppression } from '../src/gate/unused-suppression.js';
import { configKindOf } from '../src/engine/config-files.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../src/rules-api/registry.js';
import { parseAnnotations, type Annotation } from './support/annotations.js';
import { REPO_ROOT, runEngine, runEslint } from './support/hosts.js';

const FIXTURES = join(REPO_ROOT, 'fixtures');
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const VIEW = /\.(ejs|pug|hbs|handlebars|njk|html|tpl)$/;

function listFiles(directory: string, pattern = CODE): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path, pattern) : pattern.test(name) || (pattern === CODE && configKindOf(path) !== null) ? [path] : [];
  });
}

interface Located {
  readonly ruleId: string;
  readonly line: number;
}

/**
 * Problems with a file's annotations against the CLI engine's findings and carriers in it; empty when they all
 * hold. `ruleid`/`todo-ok` lines hold a finding, `ruleid(eslint)`/`todo-ok(eslint)` lines a carrier of one;
 * `ok` lines neither. Every finding and carrier of a rule the file annotates must be on such a line.
 */
export function checkEngineAnnotations(annotations: readonly Annotation[], findings: readonly Located[], carriers: readonly Located[]): string[] {
  const errors: string[] = [];
  const at = (list: readonly Located[], ruleId: string, line: number): boolean => list.some((found) => found.ruleId === ruleId && found.line === line);
  for (const annotation of annotations) {
    const here = annotation.host === 'eslint' ? at(carriers, annotation.ruleId, annotation.line) : at(findings, annotation.ruleId, annotation.line);
    const carried = at(carriers, annotation.ruleId, annotation.line);
    const where = `line ${annotation.line} (${label(annotation)}: ${annotation.ruleId})`;
    const what = annotation.host === 'eslint' ? 'a path carried through this call' : 'a finding';
    if (annotation.kind === 'ruleid' && !here) errors.push(`${where}: expected ${what}, got none`);
    if (annotation.kind === 'ok' && (here || carried)) errors.push(`${where}: expected no finding, got ${here ? what : 'a path carried through this call'}`);
    if (annotation.kind === 'todo-ruleid' && here) errors.push(`${where}: the known miss is now found; promote it to ${annotation.host === 'eslint' ? 'ruleid(eslint)' : 'ruleid'}`);
    if (annotation.kind === 'todo-ok' && !here) errors.push(`${where}: the known false alarm is gone; promote it to ok`);
  }
  errors.push(...unexpected(annotations, findings, 'both', 'finding'));
  errors.push(...unexpected(annotations, carriers, 'eslint', 'path carried through this call (annotate it ruleid(eslint))'));
  return errors;
}

/**
 * Problems with a file's annotations against ESLint's findings in it. ESLint reports on `ruleid(eslint)` lines
 * and on `ruleid` lines whose CLI finding has a path that stays in this module (`needsEslint`); a `ruleid`
 * sink reached only through carriers elsewhere is reported by ESLint at those carriers instead.
 */
export function checkEslintAnnotations(annotations: readonly Annotation[], findings: readonly Located[], needsEslint: (annotation: Annotation) => boolean): string[] {
  const errors: string[] = [];
  const at = (ruleId: string, line: number): boolean => findings.some((found) => found.ruleId === ruleId && found.line === line);
  for (const annotation of annotations) {
    const found = at(annotation.ruleId, annotation.line);
    const where = `line ${annotation.line} (${label(annotation)}: ${annotation.ruleId})`;
    const expected = annotation.host === 'eslint' || needsEslint(annotation);
    if (annotation.kind === 'ruleid' && expected && !found) errors.push(`${where}: expected a finding, got none`);
    if (annotation.kind === 'ok' && found) errors.push(`${where}: expected no finding, got one`);
    if (annotation.kind === 'todo-ruleid' && found) errors.push(`${where}: the known miss is now found; promote it to ruleid`);
    if (annotation.kind === 'todo-ok' && expected && !found) errors.push(`${where}: the known false alarm is gone; promote it to ok`);
  }
  for (const finding of findings) {
    const expected = annotations.some((annotation) => annotation.ruleId === finding.ruleId && annotation.line === finding.line && (annotation.kind === 'ruleid' || annotation.kind === 'todo-ok'));
    if (annotations.some((annotation) => annotation.ruleId === finding.ruleId) && !expected) errors.push(`line ${finding.line}: unexpected ${finding.ruleId} finding in ESLint`);
  }
  return errors;
}

function unexpected(annotations: readonly Annotation[], found: readonly Located[], host: Annotation['host'], what: string): string[] {
  const annotatedRules = new Set(annotations.map((annotation) => annotation.ruleId));
  return found
    .filter((item) => annotatedRules.has(item.ruleId))
    .filter(
      (item) =>
        !annotations.some(
          (annotation) => annotation.host === host && annotation.ruleId === item.ruleId && annotation.line === item.line && (annotation.kind === 'ruleid' || annotation.kind === 'todo-ok'),
        ),
    )
    .map((item) => `line ${item.line}: unexpected ${item.ruleId} ${what}`);
}

function label(annotation: Annotation): string {
  return annotation.host === 'eslint' ? `${annotation.kind}(eslint)` : annotation.kind;
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
        expect(checkEngineAnnotations(annotations, engine.findings.get(path) ?? [], [])).toEqual([]);
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
        expect(checkEngineAnnotations(annotations, engineFindings, engine.carriers.get(path) ?? [])).toEqual([]);
      });
      // Configuration files (workflows, Dockerfiles, compose, .env) are the CLI's alone: the plugin stays JS/TS.
      if (configKindOf(path) !== null) return;
      it('holds in ESLint, with the findings the engine places in this file', () => {
        const eslintFindings = runEslint(path);
        // A `ruleid` line needs ESLint there when the CLI's finding there has a path that stays in this file.
        const needsEslint = (annotation: Annotation): boolean =>
          engineFindings.some(
            (finding) =>
              finding.ruleId === annotation.ruleId && finding.line === annotation.line && finding.eslintAt.some((place) => place.file === path && place.line === finding.line),
          ) || !engineFindings.some((finding) => finding.ruleId === annotation.ruleId && finding.line === annotation.line);
        expect(checkEslintAnnotations(annotations, eslintFindings, needsEslint)).toEqual([]);
        const key = (finding: { ruleId: string; line: number; column: number }): string => `${finding.ruleId}@${finding.line}:${finding.column}`;
        expect(eslintFindings.map(key).sort()).toEqual((engine.eslintExpected.get(path) ?? []).map(key).sort());
      });
    });
  }
});
