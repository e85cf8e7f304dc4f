/**
 * Which files a scan reads. fast-glob lists candidates without following symlinked directories (so a link
 * cannot leave the root or loop); symlinked files are resolved and kept only when their target is inside the
 * root. `.gitignore` files at every level and `--ignore` globs filter the list; oversized and binary files are
 * skipped with a notice instead of being read as code.
 */
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { isCodeFile } from './language.js';
import { describeError, type ScanProblem, UsageError } from './problems.js';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/vendor/**', '**/.git/**', '**/*.d.ts', '**/*.min.js'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface DiscoveryOptions {
  readonly paths: readonly string[];
  /** Reported paths are relative to this directory (the repository root in CI). */
  readonly cwd: string;
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
}

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** Relative to `cwd`, forward slashes: what every report shows. */
  readonly path: string;
}

export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  readonly skipped: readonly ScanProblem[];
}

export function toReportedPath(cwd: string, absolutePath: string): string {
  const relativePath = relative(cwd, absolutePath);
  return (relativePath === '' ? '.' : relativePath).split(sep).join('/');
}

export function discoverFiles(options: DiscoveryOptions): Discovery {
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const skipped: ScanProblem[] = [];
  const userIgnore = ignore().add([...options.ignore]);

  for (const given of options.paths.length === 0 ? ['.'] : options.paths) {
    const root = resolve(options.cwd, given);
    let rootStats: Stats;
    try {
      rootStats = statSync(root);
    } catch (error: unknown) {
      throw new UsageError(`cannot read ${given}: ${describeError(error)}`);
    }
    const rootReal = realpathSync(root);
    const candidates = rootStats.isDirectory() ? listDirectory(root) : [root];
    const gitignores = rootStats.isDirectory() ? loadGitignores(root) : new Map<string, Ignore>();

    for (const absolutePath of candidates) {
      const path = toReportedPath(options.cwd, absolutePath);
      const withinRoot = relative(root, absolutePath).split(sep).join('/');
      if (rootStats.isDirectory() && (isGitignored(gitignores, withinRoot) || userIgnore.ignores(withinRoot))) continue;
      if (!rootStats.isDirectory() && !isCodeFile(absolutePath)) continue;
      let real: string;
      try {
        real = realpathSync(absolutePath);
      } catch (error: unknown) {
        skipped.push({ kind: 'skipped', file: path, reason: 'unreadable', message: `cannot resolve: ${describeError(error)}` });
        continue;
      }
      if (rootStats.isDirectory() && real !== rootReal && !real.startsWith(rootReal + sep)) {
        skipped.push({ kind: 'skipped', file: path, reason: 'outside-root', message: `symlink to ${real} leaves the scanned directory; not followed` });
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      const problem = checkReadable(absolutePath, path, options.maxFileSize);
      if (problem !== null) {
        skipped.push(problem);
        continue;
      }
      files.push({ absolutePath, path });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

/** What the discovery rules say about one file found by other means (a view a route renders). */
export type PathVerdict = { readonly kind: 'included' } | { readonly kind: 'ignored' } | { readonly kind: 'skipped'; readonly problem: ScanProblem };

/**
 * The discovery rules for single files under `root`: default ignores, `.gitignore` files, `--ignore` globs, no
 * symlink out of the root, the size cap and the binary sniff. `.gitignore` files are read on first use.
 */
export function createPathFilter(root: string, cwd: string, options: Pick<DiscoveryOptions, 'ignore' | 'maxFileSize'>): (absolutePath: string) => PathVerdict {
  const defaults = ignore().add(DEFAULT_IGNORES);
  const userIgnore = ignore().add([...options.ignore]);
  let gitignores: Map<string, Ignore> | null = null;
  let rootReal: string | null = null;
  return (absolutePath) => {
    const withinRoot = relative(root, absolutePath).split(sep).join('/');
    if (withinRoot === '' || withinRoot.startsWith('../') || withinRoot === '..') return { kind: 'ignored' };
    gitignores ??= loadGitignores(root);
    if (defaults.ignores(withinRoot) || userIgnore.ignores(withinRoot) || isGitignored(gitignores, withinRoot)) return { kind: 'ignored' };
    const path = toReportedPath(cwd, absolutePath);
    let real: string;
    try {
      rootReal ??= realpathSync(root);
      real = realpathSync(absolutePath);
    } catch (error: unknown) {
      return { kind: 'skipped', problem: { kind: 'skipped', file: path, reason: 'unreadable', message: `cannot resolve: ${describeError(error)}` } };
    }
    if (real !== rootReal && !real.startsWith(rootReal + sep)) {
      return { kind: 'skipped', problem: { kind: 'skipped', file: path, reason: 'outside-root', message: `symlink to ${real} leaves the scanned directory; not followed` } };
    }
    const problem = checkReadable(absolutePath, path, options.maxFileSize);
    return problem === null ? { kind: 'included' } : { kind: 'skipped', problem };
  };
}

function listDirectory(root: string): string[] {
  return fg
    .sync(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], {
      cwd: root,
      absolute: true,
      dot: false,
      followSymbolicLinks: false,
      onlyFiles: true,
      ignore: DEFAULT_IGNORES,
      suppressErrors: true,
    })
    .map((path) => resolve(path))
    .filter((path) => isCodeFile(path));
}

/** Every .gitignore under the root, keyed by its directory relative to the root ('' for the root itself). */
function loadGitignores(root: string): Map<string, Ignore> {
  const byDirectory = new Map<string, Ignore>();
  const found = fg.sync(['**/.gitignore'], { cwd: root, dot: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'], suppressErrors: true });
  for (const file of found) {
    const directory = dirname(file) === '.' ? '' : dirname(file);
    const text = readText(join(root, file));
    if (text !== null) byDirectory.set(directory, ignore().add(text));
  }
  return byDirectory;
}

function isGitignored(gitignores: ReadonlyMap<string, Ignore>, withinRoot: string): boolean {
  if (gitignores.size === 0) return false;
  const parts = withinRoot.split('/');
  for (let depth = 0; depth < parts.length; depth += 1) {
    const directory = parts.slice(0, depth).join('/');
    const rules = gitignores.get(directory);
    if (rules !== undefined && rules.ignores(parts.slice(depth).join('/'))) return true;
  }
  return false;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    // An unreadable .gitignore is treated as absent: that can only widen the scan, never drop a file.
    if (error instanceof Error && 'code' in error) return null;
    throw error;
  }
}

/** Size cap and binary sniff (a NUL byte in the first 8 KiB, as git does). */
function checkReadable(absolutePath: string, path: string, maxFileSize: number): ScanProblem | null {
  let size: number;
  try {
    size = statSync(absolutePath).size;
  } catch (error: unknown) {
    return { kind: 'skipped', file: path, reason: 'unreadable', message: describeError(error) };
  }
  if (size > maxFileSize) {
    return { kind: 'skipped', file: path, reason: 'too-large', message: `${size} bytes is over the ${maxFileSize}-byte limit (--max-file-size)` };
  }
  const head = Buffer.alloc(Math.min(size, 8192));
  let descriptor: number | null = null;
  try {
    descriptor = openSync(absolutePath, 'r');
    readSync(descriptor, head, 0, head.length, 0);
  } catch (error: unknown) {
    return { kind: 'skipped', file: path, reason: 'unreadable', message: describeError(error) };
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
  if (head.includes(0)) return { kind: 'skipped', file: path, reason: 'binary', message: 'binary content (NUL bytes); not scanned' };
  return null;
}
