/**
 * The ESLint host's side of FileContext: one per linted file, built from ESLint's SourceCode (its AST, its
 * scope manager, parents already set by ESLint's traversal) and shared by every rampart rule on that file.
 * Relative imports are linked by reading and parsing the imported files from disk (cached by mtime), so the
 * editor sees the same cross-file library knowledge as the CLI.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeManagerLike } from '../analysis/scope/scope-types.js';
import { FileContext, type ProjectServices } from '../engine/file-context.js';
import { loadFile } from '../engine/load-file.js';
import { ProjectLinker } from '../engine/module-linker.js';
import { ProjectManifests } from '../engine/project-manifests.js';
import { conceptIndex } from '../engine/run.js';
import { SourceText } from '../engine/source-text.js';
import { DEFAULT_MAX_FILE_SIZE, toReportedPath } from '../engine/discover.js';
import { ViewCatalog } from '../engine/view-catalog.js';
import { conceptIndexWith } from '../engine/run.js';
import { loadConfig } from '../config/load-config.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface EslintSourceCodeLike {
  readonly text: string;
  readonly ast: unknown;
  readonly scopeManager: unknown;
}

const contexts = new WeakMap<object, FileContext>();
const linkedFiles = new Map<string, { readonly mtimeMs: number; readonly context: FileContext | null }>();
const LINKED_FILE_CACHE = 256;

const projects = new Map<string, ProjectServices>();

/**
 * The services of one project root, made once per process: the linker and the views catalog both cache files
 * by mtime, so an edited file is read again.
 */
function projectFor(cwd: string): ProjectServices {
  // Made again when the config changes: its `models:` are compiled into the project's concept index.
  const key = `${cwd}\0${configSignature(cwd)}`;
  const known = projects.get(key);
  if (known !== undefined) return known;
  // The CLI's config, read the same way (data only); only `models:` matters here, so rule ids are not checked.
  const { models } = loadConfig({ cwd, explicitFile: null, knownRuleIds: null });
  const services: { conceptIndex: ReturnType<typeof conceptIndex>; linker: ProjectLinker | null; manifests: ProjectManifests; views: ViewCatalog | null } = { conceptIndex: conceptIndexWith(models), linker: null, manifests: new ProjectManifests(cwd), views: null };
  const load = (absolutePath: string): FileContext | null => loadLinked(cwd, absolutePath, services);
  services.linker = new ProjectLinker(cwd, load, undefined, models.projectModules);
  services.views = new ViewCatalog({ root: cwd, cwd, ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, loadCode: load });
  projects.set(key, services);
  return services;
}

const CONFIG_FILES = ['rampart.config.json', 'rampart.config.yaml', 'rampart.config.yml', 'package.json'];

function configSignature(cwd: string): string {
  return CONFIG_FILES.map((name) => {
    const path = join(cwd, name);
    return existsSync(path) ? String(statSync(path).mtimeMs) : '-';
  }).join(':');
}

const realRoots = new Map<string, string>();
function realRoot(directory: string): string {
  let real = realRoots.get(directory);
  if (real === undefined) {
    real = realpathSync(directory);
    realRoots.set(directory, real);
  }
  return real;
}

function loadLinked(cwd: string, absolutePath: string, services: ProjectServices): FileContext | null {
  const mtimeMs = statSync(absolutePath).mtimeMs;
  const cached = linkedFiles.get(absolutePath);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.context;
  // The editor's linked files obey the CLI's limits: inside the project (by real path) and under the default size cap.
  const loaded = loadFile(absolutePath, toReportedPath(cwd, absolutePath), services, { root: realRoot(cwd), maxFileSize: DEFAULT_MAX_FILE_SIZE });
  const context = loaded.ok ? loaded.value.context : null;
  linkedFiles.set(absolutePath, { mtimeMs, context });
  if (linkedFiles.size > LINKED_FILE_CACHE) {
    const oldest = linkedFiles.keys().next().value;
    if (oldest !== undefined) linkedFiles.delete(oldest);
  }
  return context;
}

export function fileContextFor(sourceCode: EslintSourceCodeLike, filename: string, cwd: string): FileContext {
  const ast = sourceCode.ast as TSESTree.Program;
  const existing = contexts.get(ast);
  if (existing !== undefined) return existing;
  const absolutePath = isAbsolute(filename) ? filename : resolve(cwd, filename);
  const root = absolutePath.startsWith(cwd) ? cwd : dirname(absolutePath);
  const context = new FileContext(
    toReportedPath(root, absolutePath),
    absolutePath,
    new SourceText(sourceCode.text),
    ast,
    sourceCode.scopeManager as ScopeManagerLike,
    projectFor(root),
  );
  contexts.set(ast, context);
  return context;
}
