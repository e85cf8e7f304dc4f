/**
 * Loads Semgrep-style YAML rules from files and directories (the config's `ruleDirectories`, the CLI's
 * `--rules`): every `.yml`/`.yaml` file below a directory, in path order, without following symlinked
 * directories. Rule files are data: parsed as YAML, never executed, and the scanned repository's own rule
 * directories get nothing more. Any mistake stops the load with a ConfigError at file:line:column (exit 2);
 * a rule id may not repeat a built-in rule's id or another YAML rule's.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { ConfigError, describeError, UsageError } from '../engine/problems.js';
import type { Rule } from '../rules-api/rule-types.js';
import { compileRule } from './compile.js';
import { isYamlMap, RuleFile } from './rule-file.js';

export interface YamlRuleOptions {
  /** Paths in messages are relative to this directory. */
  readonly cwd: string;
  /** Ids taken by built-in rules. */
  readonly reservedIds: ReadonlySet<string>;
}

const RULE_EXTENSIONS: ReadonlySet<string> = new Set(['.yml', '.yaml']);
/** A rule directory is a folder of rules, not a repository: this many files is a mistaken path. */
const MAX_RULE_FILES = 5_000;
/** Likewise for folders: `ruleDirectories: ["/"]` must stop at once, not list the whole disk. */
const MAX_RULE_DIRECTORIES = 2_000;

/** Every rule in `paths` (absolute files or directories), compiled. */
export function loadYamlRules(paths: readonly string[], options: YamlRuleOptions): Rule[] {
  const files = [...new Set(paths.flatMap((path) => ruleFilesAt(path, options.cwd)))];
  const rules: Rule[] = [];
  const defined = new Map<string, Rule>();
  for (const file of files) {
    for (const rule of loadRuleFile(file, displayPath(options.cwd, file))) {
      const source = rule.yamlSource;
      const at = `${source?.file ?? file}:${source?.line ?? 1}`;
      if (options.reservedIds.has(rule.id)) throw new ConfigError(source?.file ?? file, source?.line ?? 1, 1, `rule id '${rule.id}' is the id of a built-in rule; give the YAML rule another id`);
      const earlier = defined.get(rule.id);
      if (earlier !== undefined) {
        throw new ConfigError(source?.file ?? file, source?.line ?? 1, 1, `rule id '${rule.id}' is already defined at ${earlier.yamlSource?.file ?? '?'}:${earlier.yamlSource?.line ?? 1} (ids must be unique; this one is at ${at})`);
      }
      defined.set(rule.id, rule);
      rules.push(rule);
    }
  }
  return rules;
}

function ruleFilesAt(path: string, cwd: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch (error: unknown) {
    throw new UsageError(`cannot read rules at ${displayPath(cwd, path)}: ${describeError(error)}`);
  }
  if (stats.isFile()) {
    if (!RULE_EXTENSIONS.has(extname(path).toLowerCase())) throw new UsageError(`rule files are .yml or .yaml (YAML data; rampart never loads JavaScript rules), not ${displayPath(cwd, path)}`);
    return [realpathSync(path)];
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
  return found.sort().map((file) => realpathSync(file));
}

function loadRuleFile(path: string, display: string): Rule[] {
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
  return value['rules'].map((rule: unknown, index) => compileRule(file, rule, ['rules', index]));
}

function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath.split(sep).join('/');
}
