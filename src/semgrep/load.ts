/**
 * Loads Semgrep-style YAML rules from files and directories (the config's `ruleDirectories`, the CLI's
 * `--rules`): every `.yml`/`.yaml` file below a directory, in path order, without following symlinked
 * directories. Rule files are data: parsed as YAML, never executed, and the scanned repository's own rule
 * directories get nothing more.
 *
 * As Semgrep does for local rule files, a rule's id is qualified by the directories of its file relative to
 * the working directory (`rules/js/sqli.yaml`'s `my-rule` is `rules.js.my-rule`), so two folders may reuse an
 * id. A rule for other languages only (python, generic, regex...) is counted and skipped. A valid rule that
 * uses what rampart does not run is skipped with a notice naming file:line, rule and feature, and the rest
 * load; with `strict` it stops the load like a mistake does: invalid YAML or an invalid rule is a
 * ConfigError at file:line:column (exit 2).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { ConfigError, describeError, UsageError } from '../engine/problems.js';
import type { Rule } from '../rules-api/rule-types.js';
import { compileRule, statedRuleId } from './compile.js';
import { isYamlMap, RuleFile, UnsupportedRuleError } from './rule-file.js';

export interface YamlRuleOptions {
  /** Paths in messages, and the id prefixes, are relative to this directory. */
  readonly cwd: string;
  /** Ids taken by built-in rules. */
  readonly reservedIds: ReadonlySet<string>;
  /** Skipped rules are errors (--strict-rules). Default false. */
  readonly strict?: boolean;
  /** Prefix ids with the rule file's directories, as Semgrep does. Default true; `test-rules` uses the ids as written, as `semgrep --test` does. */
  readonly qualifyIds?: boolean;
}

/** A rule that did not load because it uses what rampart does not support. */
export interface SkippedRule {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The id as the rule states it; null when it states none. */
  readonly ruleId: string | null;
  readonly problem: string;
}

export interface YamlRuleSet {
  readonly rules: readonly Rule[];
  readonly skipped: readonly SkippedRule[];
  /** Rules for languages rampart does not analyse, by their first language. */
  readonly otherLanguages: ReadonlyMap<string, number>;
}

const RULE_EXTENSIONS: ReadonlySet<string> = new Set(['.yml', '.yaml']);
/** A rule directory is a folder of rules, not a repository: this many files is a mistaken path. */
const MAX_RULE_FILES = 5_000;
/** Likewise for folders: `ruleDirectories: ["/"]` must stop at once, not list the whole disk. */
const MAX_RULE_DIRECTORIES = 2_000;

/** Every rule in `paths` (absolute files or directories), compiled; skipped rules are errors. */
export function loadYamlRules(paths: readonly string[], options: YamlRuleOptions): Rule[] {
  return [...loadYamlRuleSet(paths, { ...options, strict: true }).rules];
}

/** Every rule in `paths` (absolute files or directories), compiled, with the rules that were skipped. */
export function loadYamlRuleSet(paths: readonly string[], options: YamlRuleOptions): YamlRuleSet {
  const files = paths.flatMap((path) => ruleFilesIn(path, options.cwd));
  const seen = new Set<string>();
  const rules: Rule[] = [];
  const skipped: SkippedRule[] = [];
  const otherLanguages = new Map<string, number>();
  const defined = new Map<string, Rule>();
  const skip = (error: UnsupportedRuleError, ruleId: string | null): void => {
    if (options.strict === true) throw error;
    skipped.push({ file: error.file, line: error.line, column: error.column, ruleId, problem: error.problem });
  };
  for (const file of files) {
    const real = realpathSync(file);
    if (seen.has(real)) continue;
    seen.add(real);
    const display = displayPath(options.cwd, file);
    const prefix = options.qualifyIds === false ? '' : idPrefixOf(options.cwd, file);
    for (const { compiled, ruleId } of loadRuleFile(file, display, prefix)) {
      if (compiled instanceof UnsupportedRuleError) {
        skip(compiled, ruleId);
        continue;
      }
      if ('otherLanguage' in compiled) {
        otherLanguages.set(compiled.otherLanguage, (otherLanguages.get(compiled.otherLanguage) ?? 0) + 1);
        continue;
      }
      const rule = compiled.rule;
      const source = rule.yamlSource;
      const at = { file: source?.file ?? display, line: source?.line ?? 1 };
      if (options.reservedIds.has(rule.id)) throw new ConfigError(at.file, at.line, 1, `rule id '${rule.id}' is the id of a built-in rule; give the YAML rule another id`);
      const earlier = defined.get(rule.id);
      if (earlier !== undefined) {
        const problem = `rule id '${rule.id}' is already defined at ${earlier.yamlSource?.file ?? '?'}:${earlier.yamlSource?.line ?? 1}; this one is not loaded`;
        skip(new UnsupportedRuleError(new ConfigError(at.file, at.line, 1, problem)), ruleId);
        continue;
      }
      defined.set(rule.id, rule);
      rules.push(rule);
    }
  }
  return { rules, skipped, otherLanguages };
}

/**
 * Semgrep's prefix for a local rule file: its directories relative to the working directory, each followed by
 * a dot, keeping only the characters a rule id may hold; none for a file directly in, or outside, it.
 */
export function idPrefixOf(cwd: string, file: string): string {
  const relativePath = relative(cwd, dirname(file));
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return '';
  return relativePath.split(sep).map((segment) => `${segment}.`).join('').replace(/[^A-Za-z0-9._-]/g, '');
}

/** The rule files at `path`: the file itself, or every .yml/.yaml file below the directory, in path order. */
export function ruleFilesIn(path: string, cwd: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch (error: unknown) {
    throw new UsageError(`cannot read rules at ${displayPath(cwd, path)}: ${describeError(error)}`);
  }
  if (stats.isFile()) {
    if (!RULE_EXTENSIONS.has(extname(path).toLowerCase())) throw new UsageError(`rule files are .yml or .yaml (YAML data; rampart never loads JavaScript rules), not ${displayPath(cwd, path)}`);
    return [path];
  }
  const found: string[] = [];
  const tooMany = (what: string): UsageError => new UsageError(`${displayPath(cwd, path)} holds more than ${what}; point --rules or ruleDirectories at the rules folder`);
  const pending = [path];
  let listed = 0;
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    listed += 1;
    if (listed > MAX_RULE_DIRECTORIES) throw tooMany(`${MAX_RULE_DIRECTORIES} directories`);
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error: unknown) {
      throw new UsageError(`cannot read rules in ${displayPath(cwd, directory)}: ${describeError(error)}`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = join(directory, entry.name);
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile() && RULE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(child);
    }
    if (found.length > MAX_RULE_FILES) throw tooMany(`${MAX_RULE_FILES} YAML files`);
  }
  return found.sort();
}

interface LoadedRule {
  readonly compiled: ReturnType<typeof compileRule> | UnsupportedRuleError;
  readonly ruleId: string | null;
}

function loadRuleFile(path: string, display: string, idPrefix: string): LoadedRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new ConfigError(display, 1, 1, `cannot read: ${describeError(error)}`);
  }
  const file = new RuleFile(display, text);
  const value = file.document.value;
  if (!isYamlMap(value) || !Array.isArray(value['rules'])) throw file.errorAt([], 'not a rule file: expected a top-level `rules:` list');
  for (const key of Object.keys(value)) if (key !== 'rules') throw file.errorAt([key], `unexpected top-level key '${key}' (a rule file holds \`rules:\`)`, 'key');
  return value['rules'].map((rule: unknown, index) => {
    const ruleId = statedRuleId(rule);
    try {
      return { compiled: compileRule(file, rule, ['rules', index], idPrefix), ruleId };
    } catch (error: unknown) {
      // Only "valid, but rampart does not run it" is per rule; any other mistake stops the load.
      if (error instanceof UnsupportedRuleError) return { compiled: error, ruleId };
      throw error;
    }
  });
}

function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath.split(sep).join('/');
}
