/**
 * The two hosts a rule runs in, driven for real: rampart's own engine (the CLI's scan) and ESLint's Linter
 * with the plugin in a flat config (typescript-eslint's parser for TS, espree for JS). A taint finding whose
 * sink is in another module or a view is at the sink in the CLI and at the carrying call in ESLint; `runEngine` says
 * where ESLint must therefore report each CLI finding.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { scan } from '../../src/engine/run.js';
import type { ScanProblem } from '../../src/engine/problems.js';
import { plugin } from '../../src/eslint/plugin.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../../src/rules-api/registry.js';
import type { FindingLocation } from '../../src/rules-api/rule-types.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface HostFinding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A CLI finding, with where the ESLint host (one file at a time) reports it: per path, its carrier or the finding itself. */
export interface EngineFinding extends HostFinding {
  readonly file: string;
  readonly eslintAt: readonly HostLocation[];
}

export interface HostLocation {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface EngineRun {
  /** Findings keyed by repo-relative path. */
  readonly findings: ReadonlyMap<string, EngineFinding[]>;
  /** Carriers of the findings' paths (calls carrying request data into another module), keyed by their file. */
  readonly carriers: ReadonlyMap<string, HostLocation[]>;
  /** Where ESLint must report, derived from the findings: keyed by file, one entry per finding and place. */
  readonly eslintExpected: ReadonlyMap<string, HostLocation[]>;
  readonly problems: readonly ScanProblem[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** Scans files with the CLI engine (cwd = repo root), config files and views included. */
export function runEngine(paths: readonly string[], ruleIds?: readonly string[]): EngineRun {
  const rules = [...BUILT_IN_RULES, ...CONFIG_FILE_RULES].filter((rule) => ruleIds === undefined || ruleIds.includes(rule.id)).map((rule) => ({ rule, severity: rule.severity }));
  const result = scan({ paths, cwd: REPO_ROOT, ignore: [], maxFileSize: 1024 * 1024, rules });
  const byFile = new Map<string, EngineFinding[]>();
  const carriers = new Map<string, HostLocation[]>();
  const eslintExpected = new Map<string, HostLocation[]>();
  for (const finding of result.findings) {
    const at = (location: FindingLocation): HostLocation => ({ ruleId: finding.ruleId, file: location.file, line: location.span.start.line, column: location.span.start.column + 1 });
    const places = new Map<string, HostLocation>();
    const flows = finding.flows ?? [];
    for (const location of flows.length === 0 ? [finding] : flows.map((flow) => flow.carrier ?? finding)) {
      const place = at(location);
      places.set(`${place.file}:${place.line}:${place.column}`, place);
      if (location !== finding) push(carriers, place.file, place);
    }
    for (const place of places.values()) push(eslintExpected, place.file, place);
    const own = at(finding);
    push(byFile, finding.file, { ...own, message: finding.message, eslintAt: [...places.values()] });
  }
  return { findings: byFile, carriers, eslintExpected, problems: result.problems };
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
