/**
 * Links relative imports across a project's files for ApiOrigins: resolves `./db` to `db.ts` (or the `.ts`
 * behind a `.js` specifier, or `db/index.ts`), loads that file through the host's loader, and reads what it
 * exports. Exports are found from the AST as data; nothing is ever executed. Reads stay inside the root.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { LOCAL_MODULE_PREFIX, MAX_RESOLUTION_DEPTH, type ModuleLinker } from '../analysis/modules/api-origins.js';
import { isRelativeSpecifier, registerProjectAliasPrefixes, type ApiReference } from '../analysis/modules/api-reference.js';
import { commonJsExport } from '../analysis/modules/exported-values.js';
import { unwrapExpression } from '../analysis/node-shapes.js';
import { DEFAULT_MAX_FILE_SIZE, discoverFiles } from './discover.js';
import type { FileContext } from './file-context.js';
import { ImporterIndex } from './importer-index.js';
import { expandAlias, readPathAliases, type PathAlias } from './path-aliases.js';

export type FileLoader = (absolutePath: string) => FileContext | null;

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export class ProjectLinker implements ModuleLinker {
  private readonly root: string;
  private readonly load: FileLoader;
  private readonly importers: ImporterIndex;

  /**
   * `projectFiles` lists the files whose imports count when looking for a module's importers: the CLI passes
   * the files it scans; without it (the ESLint host) the root is discovered once, with the scan's ignores.
   */
  private readonly modeledModules: ReadonlyMap<string, string>;

  constructor(root: string, load: FileLoader, projectFiles?: () => readonly string[], modeledModules: ReadonlyMap<string, string> = new Map()) {
    this.root = root;
    this.modeledModules = modeledModules;
    this.load = load;
    this.pathAliases();
    const listFiles = projectFiles ?? (() => discoverFiles({ paths: [root], cwd: root, ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE }).files.map((file) => file.absolutePath));
    this.importers = new ImporterIndex(listFiles, (fromFile, specifier) => this.resolve(fromFile, specifier));
  }

  /** Project files that import `modulePath` (absolute paths, sorted), for analyses that look for a function's callers. */
  importersOf(modulePath: string): readonly string[] {
    return this.importers.importersOf(modulePath);
  }

  /** Resolved specifiers by `<directory>\0<specifier>`: resolution stats the disk, and files repeat imports. */
  private readonly resolved = new Map<string, string | null>();

  resolve(fromFile: string, specifier: string): string | null {
    const key = `${dirname(fromFile)}\0${specifier}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const found = this.resolveOnDisk(fromFile, specifier);
    this.resolved.set(key, found);
    return found;
  }

  private aliases: readonly PathAlias[] | null = null;

  /**
   * The root's tsconfig/jsconfig path aliases, read once. Read when the linker is made (see the constructor),
   * because files are classified as importing project code before any specifier reaches `resolve`.
   */
  private pathAliases(): readonly PathAlias[] {
    if (this.aliases === null) {
      this.aliases = readPathAliases(this.root);
      registerProjectAliasPrefixes(this.aliases.map((alias) => alias.prefix));
    }
    return this.aliases;
  }

  private resolveOnDisk(fromFile: string, specifier: string): string | null {
    if (isRelativeSpecifier(specifier)) return this.resolveBase(resolve(dirname(fromFile), specifier));
    for (const base of expandAlias(this.pathAliases(), specifier)) {
      const found = this.resolveBase(base);
      if (found !== null) return found;
    }
    return null;
  }

  private resolveBase(base: string): string | null {
    if (base !== this.root && !base.startsWith(this.root + sep)) return null;
    const candidates: string[] = [base];
    for (const [jsExtension, tsExtensions] of Object.entries(JS_TO_TS)) {
      if (base.endsWith(jsExtension)) for (const ext of tsExtensions) candidates.push(base.slice(0, -jsExtension.length) + ext);
    }
    for (const ext of SOURCE_EXTENSIONS) candidates.push(base + ext);
    for (const ext of SOURCE_EXTENSIONS) candidates.push(`${base}${sep}index${ext}`);
    for (const candidate of candidates) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return null;
  }

  /** The loaded project file at `modulePath` (cached by the host), for analyses that read another module's functions. */
  fileAt(modulePath: string): FileContext | null {
    return this.load(modulePath);
  }

  exportedReference(modulePath: string, exportName: string, depth: number): ApiReference | null {
    if (depth > MAX_RESOLUTION_DEPTH) return null;
    const modeled = this.modeledModules.get(modulePath);
    if (modeled !== undefined) {
      // A project module the config models: its exports are that model's values, unless one is already a library value.
      const found = this.exportedCode(modulePath, exportName, depth);
      if (found !== null && !found.module.startsWith(LOCAL_MODULE_PREFIX)) return found;
      return { module: modeled, steps: exportName === '*' || exportName === 'default' ? [] : [exportName] };
    }
    return this.exportedCode(modulePath, exportName, depth);
  }

  private exportedCode(modulePath: string, exportName: string, depth: number): ApiReference | null {
    const file = this.load(modulePath);
    if (file === null) return null;
    const commonJs = commonJsExport(file.ast, exportName) ?? exportedObjectProperty(file, exportName);
    if (commonJs !== null && unwrapExpression(commonJs).type !== 'ObjectExpression' && !isObjectLiteralVariable(file, commonJs)) {
      return file.origins.referenceOf(commonJs, depth + 1);
    }
    // An exports object (ESM, or `module.exports = { ... }`) is resolved member by member.
    if (exportName === '*') return { module: LOCAL_MODULE_PREFIX + modulePath, steps: [] };
    return this.esmExport(file, exportName, depth + 1);
  }

  private esmExport(file: FileContext, exportName: string, depth: number): ApiReference | null {
    for (const statement of file.ast.body) {
      if (statement.type === 'ExportDefaultDeclaration' && exportName === 'default') {
        const declaration = statement.declaration;
        if (declaration.type === 'Identifier') return file.origins.referenceOf(declaration, depth);
        return isExpression(declaration) ? file.origins.referenceOf(declaration, depth) : null;
      }
      if (statement.type !== 'ExportNamedDeclaration') continue;
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === exportName) {
            const variable = file.scope.variableOf(declarator.id);
            return variable === null ? null : file.origins.variableReference(variable, depth);
          }
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        if (exported !== exportName) continue;
        const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
        if (statement.source !== null) {
          const target = this.resolve(file.absolutePath, statement.source.value);
          return target === null ? null : this.exportedReference(target, local, depth);
        }
        if (specifier.local.type === 'Identifier') return file.origins.referenceOf(specifier.local, depth);
      }
    }
    for (const statement of file.ast.body) {
      if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
        const target = this.resolve(file.absolutePath, statement.source.value);
        const found = target === null ? null : this.exportedReference(target, exportName, depth);
        if (found !== null) return found;
      }
    }
    return null;
  }
}

/** `module.exports = db` where `db` is an object literal variable: export `name` is what `db.name` holds. */
function exportedObjectProperty(file: FileContext, name: string): TSESTree.Node | null {
  if (name === '*' || name === 'default') return null;
  const exported = commonJsExport(file.ast, '*');
  const object = exported === null ? null : unwrapExpression(exported);
  return object?.type === 'Identifier' ? file.origins.objectPropertyValue(object, name) : null;
}

/** True for an identifier bound to an object literal: its members are resolved one by one, like an exports object. */
function isObjectLiteralVariable(file: FileContext, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return false;
  const definition = file.scope.variableOf(value)?.defs[0];
  return definition?.node.type === 'VariableDeclarator' && definition.node.init !== null && unwrapExpression(definition.node.init).type === 'ObjectExpression';
}

function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return !node.type.endsWith('Declaration') && node.type !== 'TSDeclareFunction';
}
