/**
 * TypeScript path aliases (`compilerOptions.paths` with `baseUrl`) from the project's root tsconfig.json or
 * jsconfig.json, read as data (JSON with comments and trailing commas), so `import { db } from '@server/db'`
 * links to `server/db.ts` like a relative import does. `extends` chains are not followed; aliases that point
 * into node_modules are dropped (they name packages, not project code).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describeError } from './problems.js';

export interface PathAlias {
  /** The alias before its `*` (or the whole alias when it has none): `@server/`. */
  readonly prefix: string;
  readonly suffix: string;
  readonly hasWildcard: boolean;
  /** Absolute targets, each with at most one `*` standing for what the alias's `*` matched. */
  readonly targets: readonly string[];
}

const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json'];

export function readPathAliases(root: string): readonly PathAlias[] {
  for (const name of CONFIG_FILES) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    const options = compilerOptionsOf(readFileSync(path, 'utf8'), path);
    if (options === null) return [];
    return aliasesFrom(root, options);
  }
  return [];
}

interface CompilerPathOptions {
  readonly baseUrl?: unknown;
  readonly paths?: unknown;
}

function compilerOptionsOf(text: string, path: string): CompilerPathOptions | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonComments(text));
  } catch (error: unknown) {
    // A tsconfig rampart cannot read only means no aliases: imports through them stay unlinked, as before.
    if (error instanceof SyntaxError) return null;
    throw new Error(`reading ${path}: ${describeError(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const options = (parsed as { compilerOptions?: unknown }).compilerOptions;
  return typeof options === 'object' && options !== null ? (options as CompilerPathOptions) : null;
}

function aliasesFrom(root: string, options: CompilerPathOptions): PathAlias[] {
  if (typeof options.paths !== 'object' || options.paths === null) return [];
  const base = resolve(root, typeof options.baseUrl === 'string' ? options.baseUrl : '.');
  const aliases: PathAlias[] = [];
  for (const [alias, targets] of Object.entries(options.paths as Record<string, unknown>)) {
    if (!Array.isArray(targets)) continue;
    const absolute = targets
      .filter((target): target is string => typeof target === 'string')
      .map((target) => resolve(base, target))
      .filter((target) => !target.split(sep).includes('node_modules'));
    if (absolute.length === 0) continue;
    const star = alias.indexOf('*');
    aliases.push({
      prefix: star < 0 ? alias : alias.slice(0, star),
      suffix: star < 0 ? '' : alias.slice(star + 1),
      hasWildcard: star >= 0,
      targets: absolute,
    });
  }
  return aliases;
}

/** Candidate paths (without extension) a specifier names through the aliases; empty when none applies. */
export function expandAlias(aliases: readonly PathAlias[], specifier: string): string[] {
  const candidates: string[] = [];
  for (const alias of aliases) {
    if (!alias.hasWildcard) {
      if (specifier === alias.prefix) candidates.push(...alias.targets);
      continue;
    }
    if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
    const matched = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
    for (const target of alias.targets) candidates.push(target.replace('*', matched));
  }
  return candidates;
}

/** Removes `//` and `/* *\/` comments and trailing commas outside strings (tsconfig is JSONC). */
export function stripJsonComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '"') {
      const start = index;
      index += 1;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index += 1;
      out += text.slice(start, index);
    } else if (char === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 2;
    } else {
      out += char;
      index += 1;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
