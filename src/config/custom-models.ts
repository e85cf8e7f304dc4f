/**
 * The `models:` section of the config: a team's own sources, sinks and sanitizers, for an npm package
 * (`package: '@acme/db'`) or a module of the project (`module: ./src/db/client`, relative to the config file).
 * Rows use the built-in models' access-path grammar (analysis/concepts/access-path.ts) and become LibraryModels
 * like the built-in ones. The schema checks the shape; here each path is parsed, each project module must exist,
 * and every mistake is a ConfigError at its file:line:column.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AccessPathSyntaxError, parseAccessPath } from '../analysis/concepts/access-path.js';
import type { ApiRow, LibraryModel, RequestInputKind, SanitizerKind } from '../models/concepts.js';
import type { DataPath, PositionedDocument } from './positioned-document.js';

/** The sink concepts a config may name: each is read by one rule (docs/guides/custom-models.md lists them). */
export const CONFIG_SINK_CONCEPTS = [
  'sql-execution',
  'nosql-query',
  'command-execution',
  'code-execution',
  'file-access',
  'html-output',
  'server-request',
  'redirect',
  'template-compilation',
  'regex-compilation',
  'object-deserialization',
  'ldap-query',
  'xpath-query',
  'log-write',
  'header-write',
] as const;
type ConfigSinkConcept = (typeof CONFIG_SINK_CONCEPTS)[number];

export interface RawModel {
  readonly package?: string;
  readonly module?: string;
  readonly name?: string;
  readonly sources?: ReadonlyArray<{ readonly path: string; readonly kind: RequestInputKind }>;
  readonly sinks?: ReadonlyArray<{ readonly path: string; readonly concept: ConfigSinkConcept; readonly argument: number; readonly property?: string }>;
  readonly sanitizers?: ReadonlyArray<{ readonly path: string; readonly argument?: number; readonly kinds: readonly SanitizerKind[] }>;
}

export interface CustomModels {
  readonly models: readonly LibraryModel[];
  /** Project modules a model is about: absolute file path → the module key its rows are indexed under. */
  readonly projectModules: ReadonlyMap<string, string>;
}

export const NO_CUSTOM_MODELS: CustomModels = { models: [], projectModules: new Map() };

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function interpretModels(document: PositionedDocument, raw: readonly RawModel[] | undefined, basePath: DataPath, directory: string): CustomModels {
  const models: LibraryModel[] = [];
  const projectModules = new Map<string, string>();
  (raw ?? []).forEach((entry, index) => {
    const at: DataPath = [...basePath, 'models', index];
    if ((entry.package === undefined) === (entry.module === undefined)) {
      throw document.errorAt(at, 'a model names exactly one of `package` (an npm package) or `module` (a project file, ./relative to this config)');
    }
    let module: string;
    if (entry.module !== undefined) {
      const file = projectFile(directory, entry.module);
      if (file === null) throw document.errorAt([...at, 'module'], `module '${entry.module}' not found (looked for the file, with ${SOURCE_EXTENSIONS.join(' ')}, and its index file)`);
      // Keyed as a relative path: no npm specifier starts with './', so a row can never match a package by accident.
      module = `./${relative(directory, file).split(sep).join('/')}`;
      const known = projectModules.get(file);
      if (known !== undefined) throw document.errorAt([...at, 'module'], `module '${entry.module}' is modelled twice; keep one entry`);
      projectModules.set(file, module);
    } else module = entry.package ?? '';
    const rows = [...sourceRows(document, entry, at), ...sinkRows(document, entry, at), ...sanitizerRows(document, entry, at)];
    if (rows.length === 0) throw document.errorAt(at, 'a model declares at least one of `sources`, `sinks` or `sanitizers`');
    models.push({ name: entry.name ?? entry.package ?? entry.module ?? module, modules: [module], docs: document.file, rows });
  });
  return { models, projectModules };
}

function sourceRows(document: PositionedDocument, entry: RawModel, at: DataPath): ApiRow[] {
  return (entry.sources ?? []).map((source, index) => {
    checkPath(document, source.path, [...at, 'sources', index, 'path']);
    return { concept: 'request-input', path: source.path, kind: source.kind };
  });
}

function sinkRows(document: PositionedDocument, entry: RawModel, at: DataPath): ApiRow[] {
  return (entry.sinks ?? []).map((sink, index) => {
    checkPath(document, sink.path, [...at, 'sinks', index, 'path']);
    const row = { concept: sink.concept, path: sink.path, argument: sink.argument, ...(sink.property !== undefined ? { property: sink.property } : {}) };
    // Each listed concept's row is { concept, path, argument, property? }: no other field is required.
    return row as ApiRow;
  });
}

function sanitizerRows(document: PositionedDocument, entry: RawModel, at: DataPath): ApiRow[] {
  return (entry.sanitizers ?? []).map((sanitizer, index) => {
    checkPath(document, sanitizer.path, [...at, 'sanitizers', index, 'path']);
    return { concept: 'sanitizer', path: sanitizer.path, argument: sanitizer.argument ?? 0, kinds: sanitizer.kinds };
  });
}

function checkPath(document: PositionedDocument, path: string, at: DataPath): void {
  try {
    parseAccessPath(path);
  } catch (error: unknown) {
    if (error instanceof AccessPathSyntaxError) throw document.errorAt(at, `${error.message} (see docs/guides/custom-models.md for the path grammar)`);
    throw error;
  }
}

/** The project file `given` names, as the module linker would resolve an import of it. */
function projectFile(directory: string, given: string): string | null {
  const base = isAbsolute(given) ? given : resolve(directory, given);
  const candidates = [base, ...SOURCE_EXTENSIONS.map((extension) => base + extension), ...SOURCE_EXTENSIONS.map((extension) => `${base}${sep}index${extension}`)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}
