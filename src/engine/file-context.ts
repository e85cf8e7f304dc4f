/**
 * Everything known about one file, built lazily and shared by every rule: scope facts, library origins,
 * constant values, concept queries, imports. The CLI builds it from its own parse; the ESLint host from
 * ESLint's SourceCode. Nothing here walks the AST again except on first request of a fact that needs it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { ApiOrigins, type ModuleLinker } from '../analysis/modules/api-origins.js';
import { stringLiteralValue } from '../analysis/node-shapes.js';
import { ScopeFacts } from '../analysis/scope/scope-facts.js';
import type { ScopeManagerLike } from '../analysis/scope/scope-types.js';
import { StaticValues, type ValuePlace } from '../analysis/values/static-values.js';
import { commonJsExport, exportedExpression } from '../analysis/modules/exported-values.js';
import { isProjectSpecifier } from '../analysis/modules/api-reference.js';
import { StringAssemblies } from '../analysis/values/string-assembly.js';
import type { ConceptIndex } from '../analysis/concepts/concept-index.js';
import { ConceptQueries } from '../analysis/concepts/concept-queries.js';
import { HttpAppFacts } from '../analysis/http-apps/http-app-facts.js';
import { FileTaint } from '../analysis/taint/file-taint.js';
import type { ViewCatalogLike } from '../analysis/views/template-types.js';
import { ProjectOriginServices } from '../analysis/modules/project-values.js';
import type { SourceText } from './source-text.js';
import type { ProjectManifests } from './project-manifests.js';

/** `export * from` chains are a few modules deep; a cycle of them stops here. */
const MAX_REEXPORT_DEPTH = 8;

export interface ProjectServices {
  readonly conceptIndex: ConceptIndex;
  readonly linker: ModuleLinker | null;
  /** The project's package.json files, read as data (entry-point conventions that hold only in some frameworks' projects). */
  readonly manifests: ProjectManifests;
  /** The project's views (analysis/views), read when a render call hands them request data; null where no host provides them. */
  readonly views: ViewCatalogLike | null;
}

export class FileContext {
  private scopeFacts: ScopeFacts | null = null;
  private apiOrigins: ApiOrigins | null = null;
  private projectOriginServices: ProjectOriginServices | null = null;
  private staticValues: StaticValues | null = null;
  private stringAssemblies: StringAssemblies | null = null;
  private conceptQueries: ConceptQueries | null = null;
  private fileTaint: FileTaint | null = null;
  private httpAppFacts: HttpAppFacts | null = null;
  private imports: ReadonlySet<string> | null = null;

  /** Path as reported: relative to the scan root, with forward slashes. */
  readonly path: string;
  /** Absolute path on disk, for resolving relative imports. */
  readonly absolutePath: string;
  readonly source: SourceText;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  readonly project: ProjectServices;

  private readonly reachedLimits = new Map<string, string>();

  /**
   * An analysis that stopped at a bound says so here, once per bound: the host reports it with the file's
   * findings (a `limit-reached` problem), so a cut result is never mistaken for a clean one.
   */
  noteLimit(bound: string, message: string): void {
    if (!this.reachedLimits.has(bound)) this.reachedLimits.set(bound, message);
  }

  /** The bounds analyses of this file reached so far, with what each cut. */
  get limitsReached(): ReadonlyMap<string, string> {
    return this.reachedLimits;
  }

  constructor(path: string, absolutePath: string, source: SourceText, ast: TSESTree.Program, scopeManager: ScopeManagerLike, project: ProjectServices) {
    this.path = path;
    this.absolutePath = absolutePath;
    this.source = source;
    this.ast = ast;
    this.scopeManager = scopeManager;
    this.project = project;
  }

  get scope(): ScopeFacts {
    this.scopeFacts ??= new ScopeFacts(this.scopeManager);
    return this.scopeFacts;
  }

  get origins(): ApiOrigins {
    this.apiOrigins ??= new ApiOrigins(this.scope, this.absolutePath, this.project.linker, this.projectOrigins);
    return this.apiOrigins;
  }

  /** Library values through this file's functions (factory returns, parameters all callers fill alike), for `origins`. */
  get projectOrigins(): ProjectOriginServices {
    this.projectOriginServices ??= new ProjectOriginServices(this, this.project.conceptIndex);
    return this.projectOriginServices;
  }

  get values(): StaticValues {
    this.staticValues ??= new StaticValues(this.scope, (specifier, name) => this.importedPlace(specifier, name, 0));
    return this.staticValues;
  }

  /** Where export `name` of the project module `specifier` (imported by this file) is spelled, for StaticValues. */
  private importedPlace(specifier: string, name: string, depth: number): ValuePlace | null {
    if (!isProjectSpecifier(specifier) || depth > MAX_REEXPORT_DEPTH) return null;
    return this.linkedFile(specifier)?.exportPlace(name, depth + 1) ?? null;
  }

  /** Where this module's export `name` is spelled: a local expression, a re-export, or a member of `module.exports`. */
  private exportPlace(name: string, depth: number): ValuePlace | null {
    const exported = exportedExpression(this.ast, name);
    if (exported?.kind === 'local') return { node: exported.node, values: this.values };
    if (exported?.kind === 'reexport') {
      for (const target of exported.targets) {
        const place = this.importedPlace(target.specifier, target.name, depth);
        if (place !== null) return place;
      }
      return null;
    }
    const moduleObject = name === '*' || name === 'default' ? null : commonJsExport(this.ast, '*');
    if (moduleObject === null) return null;
    const found = this.values.propertyPlace(moduleObject, name);
    return found.kind === 'found' ? found.place : null;
  }

  get strings(): StringAssemblies {
    this.stringAssemblies ??= new StringAssemblies(this.scope, this.values);
    return this.stringAssemblies;
  }

  get concepts(): ConceptQueries {
    this.conceptQueries ??= new ConceptQueries(this.origins, this.scope, this.project.conceptIndex, () => this.importedModules);
    return this.conceptQueries;
  }

  /** Taint tracking (analysis/taint): request data reaching a node, summaries per function; nothing computed until asked. */
  get taint(): FileTaint {
    this.fileTaint ??= new FileTaint(this);
    return this.fileTaint;
  }

  /** Apps, routers, middleware chains and routes this file sets up (analysis/http-apps), followed into linked project files. */
  get httpApps(): HttpAppFacts {
    this.httpAppFacts ??= new HttpAppFacts(this, (specifier) => this.linkedFile(specifier)?.httpApps ?? null);
    return this.httpAppFacts;
  }

  /** The project file a relative specifier names, when the host's linker can hand it over. */
  private linkedFile(specifier: string): FileContext | null {
    const linker = this.project.linker as (ModuleLinker & { fileAt?: (modulePath: string) => FileContext | null }) | null;
    if (linker === null || typeof linker.fileAt !== 'function') return null;
    const target = linker.resolve(this.absolutePath, specifier);
    return target === null ? null : linker.fileAt(target);
  }

  /** Module specifiers this file loads: import declarations, re-exports, `require('x')` of the real global, `import('x')`. */
  get importedModules(): ReadonlySet<string> {
    if (this.imports === null) {
      const modules = new Set<string>();
      for (const statement of this.ast.body) {
        if (statement.type === 'ImportDeclaration') modules.add(statement.source.value);
        else if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source !== null) {
          modules.add(statement.source.value);
        } else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference') {
          const specifier = stringLiteralValue(statement.moduleReference.expression);
          if (specifier !== null) modules.add(specifier);
        }
      }
      for (const reference of this.scope.globalReferencesTo('require')) {
        const call = reference.identifier.parent;
        if (call?.type === 'CallExpression' && call.callee === reference.identifier) {
          const specifier = stringLiteralValue(call.arguments[0]);
          if (specifier !== null) modules.add(specifier);
        }
      }
      this.imports = modules;
    }
    return this.imports;
  }
}
