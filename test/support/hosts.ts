/**
 * The two hosts a rule runs in, driven for real: rampart's own engine (the CLI's scan) and ESLint's Linter
 * with the plugin in a flat config (typescript-eslint's parser for TS, espree for JS).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { scan } from '../../src/engine/run.js';
import type { ScanProblem } from '../../src/engine/problems.js';
import { plugin } from '../../src/eslint/plugin.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../../src/rules-api/registry.js';
import type { Finding } from '../../src/rules-api/rule-types.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface HostFinding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface EngineRun {
  readonly findings: ReadonlyMap<string, HostFinding[]>;
  readonly problems: readonly ScanProblem[];
}

/**
 * Scans files with the CLI engine (cwd = repo root); findings keyed by repo-relative path. A finding in a view is
 * listed under the view and under each code file that hands it the data (its anchors).
 */
export function runEngine(paths: readonly string[], ruleIds?: readonly string[]): EngineRun {
  const rules = [...BUILT_IN_RULES, ...CONFIG_FILE_RULES].filter((rule) => ruleIds === undefined || ruleIds.includes(rule.id)).map((rule) => ({ rule, severity: rule.severity }));
  const result = scan({ paths, cwd: REPO_ROOT, ignore: [], maxFileSize: 1024 * 1024, rules });
  const byFile = new Map<string, HostFinding[]>();
  const add = (file: string, finding: Finding, location: Pick<Finding, 'span'>): void => {
    const list = byFile.get(file) ?? [];
    list.push({ ruleId: finding.ruleId, line: location.span.start.line, column: location.span.start.column + 1, message: finding.message });
    byFile.set(file, list);
  };
  for (const finding of result.findings) {
    add(finding.file, finding, finding);
    // A finding in a view is also where the code hands the data to it: ESLint, linting code only, reports there.
    for (const anchor of finding.anchors ?? []) add(anchor.file, finding, anchor);
  }
  return { findings: byFile, problems: result.problems };
}

const linter = new Linter({ cwd: REPO_ROOT });

function isTypeScript(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/.test(path);
}

/** Lints one file with ESLint and every rampart rule on; returns rampart findings (rule ids without the prefix). */
export function runEslint(repoRelativePath: string): HostFinding[] {
  const filename = resolve(REPO_ROOT, repoRelativePath);
  const text = readFileSync(filename, 'utf8');
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } } },
    },
    {
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: { sourceType: /\.cjs$/.test(filename) ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    plugin.configs.all,
  ];
  const messages = linter.verify(text, config, { filename });
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(`ESLint could not parse ${repoRelativePath}:${fatal.line}: ${fatal.message}`);
  return messages
    .filter((message) => message.ruleId?.startsWith('rampart/') === true)
    .map((message) => ({ ruleId: (message.ruleId ?? '').slice('rampart/'.length), line: message.line, column: message.column, message: message.message }));
}

export function isTsPath(path: string): boolean {
  return isTypeScript(path);
}
