/**
 * The scanned project's package.json files, read as data (never executed, never resolved further): which
 * packages a file's project names in its dependencies. Entry-point conventions that only hold in a framework's
 * projects (a Lambda `handler(event)`, SvelteKit's `+server.ts`) ask this before taking a function for one.
 * A file sees every manifest from its directory up to the root the host links within, so a package of a
 * monorepo sees its own manifest and the workspace's.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';

/** A manifest larger than this is no hand-written package.json; it is read as naming nothing. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const NOTHING: ReadonlySet<string> = new Set();

export class ProjectManifests {
  private readonly root: string;
  private readonly byDirectory = new Map<string, ReadonlySet<string>>();

  constructor(root: string) {
    this.root = root;
  }

  /** Package names the manifests from `absolutePath`'s directory up to the root declare as dependencies of any kind. */
  dependenciesOf(absolutePath: string): ReadonlySet<string> {
    return this.directoryDependencies(dirname(absolutePath));
  }

  private directoryDependencies(directory: string): ReadonlySet<string> {
    const cached = this.byDirectory.get(directory);
    if (cached !== undefined) return cached;
    const own = readDependencies(join(directory, 'package.json'));
    const parent = dirname(directory);
    const inside = directory !== this.root && parent !== directory && isInside(this.root, parent);
    const inherited = inside ? this.directoryDependencies(parent) : NOTHING;
    const all = own.size === 0 ? inherited : inherited.size === 0 ? own : new Set([...own, ...inherited]);
    this.byDirectory.set(directory, all);
    return all;
  }
}

function isInside(root: string, directory: string): boolean {
  const path = relative(root, directory);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function readDependencies(manifest: string): ReadonlySet<string> {
  const stats = lstatSync(manifest, { throwIfNoEntry: false });
  // A symlinked manifest may point out of the project: not the project's own.
  if (stats === undefined || !stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return NOTHING;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch (error: unknown) {
    // A broken or unreadable package.json names nothing we can trust (npm would refuse it too); the scan goes on
    // without the conventions it would enable. Anything else is a bug.
    if (error instanceof SyntaxError || isFileSystemError(error)) return NOTHING;
    throw error;
  }
  if (typeof parsed !== 'object' || parsed === null) return NOTHING;
  const names = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies: unknown = (parsed as Record<string, unknown>)[field];
    if (typeof dependencies === 'object' && dependencies !== null) for (const name of Object.keys(dependencies)) names.add(name);
  }
  return names;
}
