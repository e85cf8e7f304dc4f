/**
 * Which files a scan reads. One walk of each given directory that never follows a symlinked directory (a
 * link cannot leave the root or loop) and prunes ignored directories before entering them: the defaults
 * (`node_modules`, `dist`, ...), `.gitignore` files at every level of the walk and in the directories above it
 * up to the repository root (git applies those too), and `--ignore` globs. A symlinked file is scanned when
 * its target is inside the root. Nothing is dropped without a word: an unreadable directory, a symlink that
 * leaves the root, a FIFO or a device, an oversized or binary file each become a `skipped` problem.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isWithin } from './file-access.js';
import { configKindOf, isConfigDotEntry } from './config-files.js';
import { isCodeFile } from './language.js';
import { describeError, type ScanProblem, UsageError } from './problems.js';

/** Directory names never entered, at any depth; and file patterns never scanned. */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage', 'vendor', '.git']);
export const DEFAULT_IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/vendor/**', '**/.git/**', '**/*.d.ts', '**/*.min.js'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/**
 * Patterns read from one .gitignore at most. Real ones hold dozens; every path is tested against every
 * pattern, so a hostile 200,000-line file would cost minutes per thousand files. Past the bound the rest is
 * not applied (the scan widens, it never drops a file) and the file is named in a notice.
 */
export const MAX_GITIGNORE_PATTERNS = 10_000;
/** A .gitignore larger than this is not read at all (named in a notice); the pattern bound covers the rest. */
const MAX_GITIGNORE_BYTES = 16 * 1024 * 1024;

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
  /** Real path of the scanned directory this file was found under (reads stay inside it); null: named on the command line. */
  readonly root: string | null;
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
  const add = (file: DiscoveredFile, real: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };

  for (const given of options.paths.length === 0 ? ['.'] : options.paths) {
    const root = resolve(options.cwd, given);
    let rootStats: Stats;
    try {
      rootStats = statSync(root);
    } catch (error: unknown) {
      throw new UsageError(`cannot read ${given}: ${describeError(error)}`);
    }
    const path = toReportedPath(options.cwd, root);
    if (rootStats.isDirectory()) {
      walk(root, options, userIgnore, skipped, add);
    } else if (!rootStats.isFile()) {
      // A FIFO named on the command line would block the first read forever.
      skipped.push({ kind: 'skipped', file: path, reason: 'not-a-file', message: 'not a regular file; not read' });
    } else if (isScannable(root)) {
      add({ absolutePath: root, path, root: null }, realpathSync(root));
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

/**
 * The walk's ignore rules for one file found by other means (a view a route renders) under `root`: dot entries
 * and default-ignored directories, the `.gitignore` files from the repository root down to the file's
 * directory (each read once), and `--ignore` globs; true when the walk would not reach the file. Reading it
 * (inside the root by real path, size cap, binary sniff) is `readCodeFile`'s. Problems with a .gitignore go to `skipped`.
 */
export function createIgnoreFilter(root: string, options: Pick<DiscoveryOptions, 'cwd' | 'ignore'>, skipped: ScanProblem[]): (absolutePath: string) => boolean {
  const userIgnore = ignore().add([...options.ignore]);
  const reported = (absolutePath: string): string => toReportedPath(options.cwd, absolutePath);
  const byDirectory = new Map<string, readonly IgnoreLayer[]>();
  const layersOf = (directory: string): readonly IgnoreLayer[] => {
    const known = byDirectory.get(directory);
    if (known !== undefined) return known;
    const parent = directory === '' ? ancestorGitignores(root, reported, skipped) : layersOf(directory.includes('/') ? directory.slice(0, directory.lastIndexOf('/')) : '');
    const file = join(root, directory, '.gitignore');
    const rules = isRegularFile(file) ? readGitignore(file, reported, skipped) : null;
    const layers = rules === null ? parent : [...parent, { inside: directory, above: null, rules }];
    byDirectory.set(directory, layers);
    return layers;
  };
  return (absolutePath) => {
    const withinRoot = relative(root, absolutePath).split(sep).join('/');
    if (withinRoot === '' || withinRoot === '..' || withinRoot.startsWith('../') || isAbsolute(withinRoot)) return true;
    const parts = withinRoot.split('/');
    // Every directory on the way is checked as the walk checks it before entering.
    for (let depth = 0; depth < parts.length; depth += 1) {
      const name = parts[depth] ?? '';
      const isDirectory = depth < parts.length - 1;
      if (name.startsWith('.') || (isDirectory && DEFAULT_IGNORED_DIRECTORIES.has(name))) return true;
      if (isIgnored(layersOf(parts.slice(0, depth).join('/')), userIgnore, parts.slice(0, depth + 1).join('/'), isDirectory)) return true;
    }
    return false;
  };
}

/**
 * One .gitignore, with where it sits: inside the walk (`inside`: its directory relative to the walk's root,
 * '' for the root itself) or above it (`above`: the walk's root relative to the .gitignore's directory).
 * Its patterns are matched against paths relative to its own directory, as git does.
 */
interface IgnoreLayer {
  readonly inside: string | null;
  readonly above: string | null;
  readonly rules: Ignore;
}

/** `withinRoot` (relative to the walk's root) as the layer's .gitignore sees it; null when it is outside the layer. */
function pathForLayer(layer: IgnoreLayer, withinRoot: string): string | null {
  if (layer.above !== null) return layer.above === '' ? withinRoot : `${layer.above}/${withinRoot}`;
  const inside = layer.inside ?? '';
  if (inside === '') return withinRoot;
  return withinRoot.startsWith(`${inside}/`) ? withinRoot.slice(inside.length + 1) : null;
}

function walk(root: string, options: DiscoveryOptions, userIgnore: Ignore, skipped: ScanProblem[], add: (file: DiscoveredFile, real: string) => void): void {
  const rootReal = realpathSync(root);
  const reported = (absolutePath: string): string => toReportedPath(options.cwd, absolutePath);
  const ancestors = ancestorGitignores(root, reported, skipped);
  const pending: { readonly directory: string; readonly layers: readonly IgnoreLayer[] }[] = [{ directory: root, layers: ancestors }];
  while (pending.length > 0) {
    const { directory, layers: parentLayers } = pending.pop() as (typeof pending)[number];
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error: unknown) {
      skipped.push({ kind: 'skipped', file: reported(directory), reason: 'unreadable', message: `directory cannot be listed: ${describeError(error)}` });
      continue;
    }
    const layers = withGitignore(directory, root, parentLayers, entries, reported, skipped);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      // Dot files and folders (.git, .cache, .next) are not source; ESLint and fast-glob skip them too.
      // `.github` (workflows) and `.env*` files are the exceptions: configuration the scan reads.
      const isDirectory = entry.isDirectory();
      if (entry.name.startsWith('.') && !isConfigDotEntry(entry.name, isDirectory)) continue;
      const absolutePath = join(directory, entry.name);
      const withinRoot = relative(root, absolutePath).split(sep).join('/');
      if (isDirectory && DEFAULT_IGNORED_DIRECTORIES.has(entry.name)) continue;
      if (isIgnored(layers, userIgnore, withinRoot, isDirectory)) continue;
      if (isDirectory) {
        subdirectories.push(absolutePath);
      } else if (entry.isSymbolicLink()) {
        linkedEntry(absolutePath, rootReal, reported(absolutePath), skipped, add);
      } else if (isScannable(absolutePath)) {
        // Symlinked directories are never entered, so below the root's real path the walk's paths are real.
        if (entry.isFile()) add({ absolutePath, path: reported(absolutePath), root: rootReal }, join(rootReal, relative(root, absolutePath)));
        else skipped.push({ kind: 'skipped', file: reported(absolutePath), reason: 'not-a-file', message: 'not a regular file (a FIFO, socket or device); not read' });
      }
    }
    // Depth first in name order, so a file reached by two paths (a symlink) is always known by the same one.
    for (const subdirectory of subdirectories.reverse()) pending.push({ directory: subdirectory, layers });
  }
}

/** A symlink in the walk: a code file inside the root is scanned (once, by its real path); anything leaving the root is named. */
function linkedEntry(absolutePath: string, rootReal: string, path: string, skipped: ScanProblem[], add: (file: DiscoveredFile, real: string) => void): void {
  let real: string;
  let target: Stats;
  try {
    real = realpathSync(absolutePath);
    target = statSync(real);
  } catch (error: unknown) {
    if (isScannable(absolutePath)) skipped.push({ kind: 'skipped', file: path, reason: 'unreadable', message: `broken symlink: ${describeError(error)}` });
    return;
  }
  if (!isWithin(rootReal, real)) {
    if (target.isDirectory() || isScannable(absolutePath)) {
      skipped.push({ kind: 'skipped', file: path, reason: 'outside-root', message: 'a symlink whose target leaves the scanned directory; not followed' });
    }
    return;
  }
  // A linked directory inside the root is walked where it really is; a linked file is scanned under its real path's identity.
  if (target.isFile() && isScannable(absolutePath)) add({ absolutePath, path, root: rootReal }, real);
}

/** A code file, or a configuration file config-file rules read (config-files.ts). */
function isScannable(absolutePath: string): boolean {
  return isCodeFile(absolutePath) || configKindOf(absolutePath) !== null;
}

function isIgnored(layers: readonly IgnoreLayer[], userIgnore: Ignore, withinRoot: string, isDirectory: boolean): boolean {
  const candidate = isDirectory ? `${withinRoot}/` : withinRoot;
  if (userIgnore.ignores(candidate)) return true;
  for (const layer of layers) {
    const fromLayer = pathForLayer(layer, withinRoot);
    if (fromLayer === null || fromLayer === '') continue;
    if (layer.rules.ignores(isDirectory ? `${fromLayer}/` : fromLayer)) return true;
  }
  return false;
}

function withGitignore(directory: string, root: string, layers: readonly IgnoreLayer[], entries: readonly Dirent[], reported: (path: string) => string, skipped: ScanProblem[]): readonly IgnoreLayer[] {
  if (!entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) return layers;
  const rules = readGitignore(join(directory, '.gitignore'), reported, skipped);
  if (rules === null) return layers;
  return [...layers, { inside: relative(root, directory).split(sep).join('/'), above: null, rules }];
}

/**
 * The .gitignore files between the repository root (the nearest directory above holding `.git`) and the
 * scanned directory: `rampart packages/api` honours the root's `.gitignore` as git does.
 */
function ancestorGitignores(root: string, reported: (path: string) => string, skipped: ScanProblem[]): IgnoreLayer[] {
  const chain: string[] = [];
  for (let directory = dirname(root); ; directory = dirname(directory)) {
    chain.push(directory);
    if (existsSync(join(directory, '.git')) || dirname(directory) === directory) break;
  }
  if (!existsSync(join(chain[chain.length - 1] ?? root, '.git'))) return [];
  const layers: IgnoreLayer[] = [];
  for (const directory of chain.reverse()) {
    const file = join(directory, '.gitignore');
    if (!isRegularFile(file)) continue;
    const rules = readGitignore(file, reported, skipped);
    if (rules !== null) layers.push({ inside: null, above: relative(directory, root).split(sep).join('/'), rules });
  }
  return layers;
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error) return false;
    throw error;
  }
}

function readGitignore(file: string, reported: (path: string) => string, skipped: ScanProblem[]): Ignore | null {
  let text: string;
  try {
    if (statSync(file).size > MAX_GITIGNORE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    // An unreadable .gitignore is treated as absent: that can only widen the scan, never drop a file.
    skipped.push({ kind: 'skipped', file: reported(file), reason: 'unreadable', message: `.gitignore not applied: ${describeError(error)}` });
    return null;
  }
  const patterns = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (patterns.length > MAX_GITIGNORE_PATTERNS) {
    skipped.push({
      kind: 'limit-reached',
      file: reported(file),
      bound: `${MAX_GITIGNORE_PATTERNS} patterns per .gitignore`,
      message: `.gitignore holds ${patterns.length} patterns; only the first ${MAX_GITIGNORE_PATTERNS} are applied (the rest may scan more files, never fewer)`,
    });
  }
  return ignore().add(patterns.slice(0, MAX_GITIGNORE_PATTERNS));
}
