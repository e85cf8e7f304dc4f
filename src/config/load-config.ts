/**
 * Finds and reads rampart's configuration: `rampart.config.json`, `rampart.config.yaml` (or `.yml`), or the
 * `rampart` key of package.json, in the working directory, or the file given with --config. Data only:
 * a JavaScript config is refused rather than ignored (the scanned repository is untrusted, and a silently
 * ignored config would leave the user believing rules were off or on). Every mistake is a ConfigError at its
 * file:line:column, and the CLI exits 2.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, describeError, UsageError } from '../engine/problems.js';
import type { Severity } from '../taxonomy/severity.js';
import { parseDataFile, type DataPath, type PositionedDocument } from './positioned-document.js';
import { checkAgainstSchema } from './schema-check.js';
import { interpretModels, NO_CUSTOM_MODELS, type CustomModels, type RawModel } from './custom-models.js';

export type RuleSetting = 'off' | 'on' | Severity;

export interface RampartConfig {
  /** The file read, relative to the working directory; null when there is none. */
  readonly file: string | null;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly failOn: Severity | null;
  readonly ignore: readonly string[];
  /** Absolute paths; each exists and is a directory. */
  readonly ruleDirectories: readonly string[];
  /** The `models:` section: the team's own sources, sinks and sanitizers. */
  readonly models: CustomModels;
}

export const EMPTY_CONFIG: RampartConfig = { file: null, rules: new Map(), failOn: null, ignore: [], ruleDirectories: [], models: NO_CUSTOM_MODELS };

const DATA_FILES = ['rampart.config.json', 'rampart.config.yaml', 'rampart.config.yml'] as const;
const CODE_FILES = ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((extension) => `rampart.config.${extension}`);

interface RawConfig {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly failOn?: Severity;
  readonly ignore?: readonly string[];
  readonly ruleDirectories?: readonly string[];
  readonly models?: readonly RawModel[];
}

export interface ConfigSearch {
  readonly cwd: string;
  /** --config: read this file (its extension picks the syntax); null: search the working directory. */
  readonly explicitFile: string | null;
  /** Rule ids a config may name; null: not checked (the ESLint host, which reads only `models`, knows no YAML rules). */
  readonly knownRuleIds: ReadonlySet<string> | null;
  /**
   * Loads the YAML rules of the config's `ruleDirectories` (absolute) and returns their ids, which the
   * config's `rules` may then name too. Called once, before `rules` is checked.
   */
  readonly yamlRuleIds?: (ruleDirectories: readonly string[]) => ReadonlySet<string>;
}

export function loadConfig(search: ConfigSearch): RampartConfig {
  const located = search.explicitFile !== null ? explicitSource(search.cwd, search.explicitFile) : findSource(search.cwd);
  if (located === null) return EMPTY_CONFIG;
  const display = displayPath(search.cwd, located.path);
  const document = parseDataFile(display, readText(located.path, display), located.syntax);
  const basePath: DataPath = located.underKey === null ? [] : [located.underKey];
  const value = located.underKey === null ? document.value : (document.value as Record<string, unknown>)[located.underKey];
  checkAgainstSchema(document, 'rampart.config.schema.json', value, basePath);
  return interpret(document, value as RawConfig, basePath, dirname(located.path), search);
}

interface ConfigSource {
  readonly path: string;
  readonly syntax: 'json' | 'yaml';
  /** `rampart` for package.json. */
  readonly underKey: string | null;
}

function explicitSource(cwd: string, given: string): ConfigSource {
  const path = resolve(cwd, given);
  if (!existsSync(path)) throw new UsageError(`config file not found: ${given}`);
  if (basename(path) === 'package.json') return { path, syntax: 'json', underKey: 'rampart' };
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return { path, syntax: 'json', underKey: null };
  if (extension === '.yaml' || extension === '.yml') return { path, syntax: 'yaml', underKey: null };
  throw new UsageError(`--config takes a .json, .yaml or .yml file (rampart never loads JavaScript config), not ${given}`);
}

function findSource(cwd: string): ConfigSource | null {
  const code = CODE_FILES.find((name) => existsSync(resolve(cwd, name)));
  if (code !== undefined) {
    throw new ConfigError(code, 1, 1, 'rampart never loads JavaScript config, because the scanned repository is untrusted; move these settings to rampart.config.json or rampart.config.yaml');
  }
  const found: ConfigSource[] = DATA_FILES.filter((name) => existsSync(resolve(cwd, name))).map((name) => ({
    path: resolve(cwd, name),
    syntax: name.endsWith('.json') ? 'json' : 'yaml',
    underKey: null,
  }));
  const manifest = resolve(cwd, 'package.json');
  if (existsSync(manifest) && packageJsonHasKey(manifest)) found.push({ path: manifest, syntax: 'json', underKey: 'rampart' });
  if (found.length > 1) {
    const names = found.map((source) => (source.underKey === null ? basename(source.path) : 'package.json "rampart"'));
    throw new ConfigError(basename(found[1]?.path ?? ''), 1, 1, `two rampart configurations (${names.join(' and ')}); keep one`);
  }
  return found[0] ?? null;
}

function packageJsonHasKey(manifest: string): boolean {
  const document = parseDataFile('package.json', readText(manifest, 'package.json'), 'json');
  const value = document.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'rampart');
}

function interpret(document: PositionedDocument, raw: RawConfig, basePath: DataPath, directory: string, search: ConfigSearch): RampartConfig {
  const ruleDirectories = (raw.ruleDirectories ?? []).map((given, index) => {
    const path = isAbsolute(given) ? given : resolve(directory, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error: unknown) {
      throw document.errorAt([...basePath, 'ruleDirectories', index], `rule directory '${given}' cannot be read: ${describeError(error)}`);
    }
    if (!isDirectory) throw document.errorAt([...basePath, 'ruleDirectories', index], `rule directory '${given}' is not a directory`);
    return path;
  });
  const models = interpretModels(document, raw.models, basePath, directory);
  const knownRuleIds = search.knownRuleIds === null ? null : new Set([...search.knownRuleIds, ...(search.yamlRuleIds?.(ruleDirectories) ?? [])]);
  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (knownRuleIds !== null && !knownRuleIds.has(id)) {
      throw document.errorAt([...basePath, 'rules', id], `unknown rule '${id}' (known: ${[...knownRuleIds].sort().join(', ')})`, 'key');
    }
    rules.set(id, setting);
  }
  return { file: document.file, rules, failOn: raw.failOn ?? null, ignore: raw.ignore ?? [], ruleDirectories, models };
}

function readText(path: string, display: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new ConfigError(display, 1, 1, `cannot read: ${describeError(error)}`);
  }
}

function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath.split(sep).join('/');
}
