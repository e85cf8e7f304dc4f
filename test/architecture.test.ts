/**
 * The folder tree is the architecture: imports point one way. Rules see the rules API, analyses and models;
 * models and analyses never see rules, hosts or reporters; nothing but the entry points reaches the CLI.
 * Also: every TypeScript sample in the docs parses, so a page never shows code that is not code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/engine/parse.js';
import { REPO_ROOT } from './support/hosts.js';

function listTs(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listTs(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Layer of a repo-relative path: `rules`, `src/engine`, `src/models`, ... */
function layerOf(path: string): string {
  const parts = relative(REPO_ROOT, path).split('/');
  return parts[0] === 'src' ? `src/${parts[1] ?? ''}`.replace(/\.ts$/, '') : (parts[0] ?? '');
}

/** Value imports only: `import type` and `export type` are erased and create no run-time edge. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const specifier = match[2];
    if (specifier !== undefined) targets.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
  }
  return targets;
}

const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  'src/taxonomy': ['src/analysis', 'src/models', 'src/engine', 'src/rules-api', 'rules', 'src/cli', 'src/report', 'src/eslint'],
  'src/analysis': ['src/rules-api', 'rules', 'src/cli', 'src/report', 'src/eslint', 'src/engine'],
  'src/models': ['src/rules-api', 'rules', 'src/cli', 'src/report', 'src/eslint', 'src/engine'],
  rules: ['src/cli', 'src/report', 'src/eslint', 'src/engine'],
  'src/report': ['src/cli', 'src/eslint', 'rules', 'src/analysis', 'src/models'],
  'src/engine': ['src/cli', 'src/eslint', 'src/report', 'rules'],
  'src/eslint': ['src/cli', 'src/report', 'rules'],
};

describe('architecture', () => {
  const files = [...listTs(join(REPO_ROOT, 'src')), ...listTs(join(REPO_ROOT, 'rules'))];

  it('keeps imports pointing one way', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of valueImports(file)) {
        const to = layerOf(target);
        if (FORBIDDEN[from]?.includes(to) === true) violations.push(`${relative(REPO_ROOT, file)} → ${relative(REPO_ROOT, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps models free of analysis code, types included', () => {
    const offenders = files
      .filter((file) => layerOf(file) === 'src/models')
      .filter((file) => /from\s+'(\.{1,2}\/)+analysis\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('has no default exports outside the ESLint plugin entry', () => {
    const offenders = files.filter((file) => /^export default\b/m.test(readFileSync(file, 'utf8'))).map((file) => relative(REPO_ROOT, file));
    expect(offenders).toEqual(['src/eslint/index.ts']);
  });

  it('shows only code that parses in the docs', () => {
    const docs = listMarkdown(join(REPO_ROOT, 'docs'));
    const failures: string[] = [];
    for (const page of docs) {
      const text = readFileSync(page, 'utf8');
      let index = 0;
      for (const block of text.matchAll(/```(ts|typescript|js|javascript)\n([\s\S]*?)```/g)) {
        index += 1;
        const extension = block[1]?.startsWith('t') === true ? 'ts' : 'js';
        const parsed = parseSource(`${page}#${index}.${extension}`, block[2] ?? '');
        if (!parsed.ok) failures.push(`${relative(REPO_ROOT, page)} block ${index}: ${parsed.error.kind === 'parse-failed' ? parsed.error.message : parsed.error.kind}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function listMarkdown(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listMarkdown(path) : name.endsWith('.md') ? [path] : [];
  });
}
