/**
 * The scanned project's package.json files, read as data (never executed, never resolved further): which
 * packages a file's project names in its dependencies. Entry-point conventions that only hold in a framework's
 * projects (a Lambda `handler(event)`, SvelteKit's `+server.ts`) ask this before taking a function for one.
 * A file sees every manifest from its directory up to the root the host links within, so a package of a
 * monorepo sees its own manifest and the workspace's. Deployment descriptors that declare Lambda functions (an AWS
 * SAM or CloudFormation template, a Serverless Framework service file) are read the same way, as text: a project
 * deployed by one packages its exported handlers as Lambdas whatever its package.json names.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';

/** A manifest larger than this is no hand-written package.json; it is read as naming nothing. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const NOTHING: ReadonlySet<string> = new Set();

/**
 * Descriptors that deploy Lambda functions, each with the text that says it does: SAM and CloudFormation
 * templates declare a function resource; a Serverless Framework service file is one by its name, when it lists
 * `functions:`. (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html,
 * https://www.serverless.com/framework/docs/providers/aws/guide/functions)
 */
const LAMBDA_DESCRIPTORS: readonly { readonly names: readonly string[]; readonly declares: RegExp }[] = [
  { names: ['template.yaml', 'template.yml', 'template.json'], declares: /["']?Type["']?\s*:\s*["']?AWS::(?:Serverless::Function|Lambda::Function)\b/ },
  { names: ['serverless.yml', 'serverless.yaml'], declares: /^functions\s*:/m },
];

export class ProjectManifests {
  private readonly root: string;
  private readonly byDirectory = new Map<string, ReadonlySet<string>>();
  private readonly lambdaDirectories = new Map<string, boolean>();

  constructor(root: string) {
    this.root = root;
  }

  /** Package names the manifests from `absolutePath`'s directory up to the root declare as dependencies of any kind. */
  dependenciesOf(absolutePath: string): ReadonlySet<string> {
    return this.directoryDependencies(dirname(absolutePath));
  }

  /** True when a deployment descriptor from `absolutePath`'s directory up to the root declares Lambda functions. */
  deploysLambdas(absolutePath: string): boolean {
    return this.directoryDeploysLambdas(dirname(absolutePath));
  }

  private directoryDeploysLambdas(directory: string): boolean {
    const cached = this.lambdaDirectories.get(directory);
    if (cached !== undefined) return cached;
    const parent = dirname(directory);
    const inside = directory !== this.root && parent !== directory && isInside(this.root, parent);
    const deploys = LAMBDA_DESCRIPTORS.some(({ names, declares }) => names.some((name) => declares.test(readSmallText(join(directory, name))))) || (inside && this.directoryDeploysLambdas(parent));
    this.lambdaDirectories.set(directory, deploys);
    return deploys;
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

/** A regular file's text, or '' when absent, symlinked (it may point out of the project), too large or unreadable. */
function readSmallText(path: string): string {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return '';
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    // An unreadable file declares nothing; the scan goes on without the conventions it would enable.
    if (isFileSystemError(error)) return '';
    throw error;
  }
}

function readDependencies(manifest: string): ReadonlySet<string> {
  const text = readSmallText(manifest);
  if (text === '') return NOTHING;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    // A broken package.json names nothing we can trust (npm would refuse it too); the scan goes on without the
    // conventions it would enable. Anything else is a bug.
    if (error instanceof SyntaxError) return NOTHING;
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
