/**
 * A file's web-framework facts, built on first request and shared by every rule: which apps and routers the
 * file creates, which instance an expression denotes (also across files, through the module linker), what a
 * mounted item is, and what a hand-written middleware does. Events per instance live on `HttpContainer`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingClassOfThis, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import { LIBRARY_MODELS } from '../../models/catalog.js';
import type { HttpFrameworkShape } from '../../models/frameworks/http-shape.js';
import { declarationOf, isModuleExports, type Declaration } from './declarations.js';
import { analyzeHandler } from './handler-effects.js';
import { HttpContainer, type ContainerBinding } from './http-container.js';
import type { FunctionNode, HandlerEffects, HttpFileView, ItemKind, MountedItem } from './http-types.js';
import { classifyItem } from './mounted-items.js';
import { climbTransparent, descendants, parameterIdentifier } from './syntax.js';

/** Resolves a relative specifier from this file to that file's facts; null when it is not in the project. */
export type FactsLinker = (specifier: string) => HttpAppFacts | null;

/** Chasing an instance through bindings and files stops here. */
const MAX_DENOTE_DEPTH = 12;

let nextContainerId = 1;

let frameworkModules: ReadonlySet<string> | null = null;

/** Apps are created from a framework import in the same file; other files skip the walk. */
function importsFramework(imported: ReadonlySet<string>): boolean {
  frameworkModules ??= new Set(LIBRARY_MODELS.filter((model) => model.rows.some((row) => row.concept === 'http-app')).flatMap((model) => model.modules));
  for (const module of imported) if (frameworkModules.has(module)) return true;
  return false;
}

export class HttpAppFacts {
  readonly file: HttpFileView;
  private readonly link: FactsLinker;
  private created: HttpContainer[] | null = null;
  private readonly byCreation = new Map<TSESTree.Node, HttpContainer>();
  private readonly byVariable = new Map<VariableLike, HttpContainer>();
  private readonly scopes = new Map<FunctionNode, HttpContainer>();
  private readonly kinds = new Map<TSESTree.Node, ItemKind>();
  private readonly effects = new Map<string, HandlerEffects>();
  private readonly effectsInProgress = new Set<string>();

  constructor(file: HttpFileView, link: FactsLinker) {
    this.file = file;
    this.link = link;
  }

  linked(specifier: string): HttpAppFacts | null {
    return this.link(specifier);
  }

  /** Apps, routers and sub-apps this file creates, in source order. */
  containers(): readonly HttpContainer[] {
    if (this.created === null) {
      this.created = [];
      if (importsFramework(this.file.importedModules)) this.discover(this.created);
    }
    return this.created;
  }

  apps(): readonly HttpContainer[] {
    return this.containers().filter((container) => container.role === 'app');
  }

  /** The instance `node` evaluates to, if it is one this file or a linked file creates. */
  denotedContainer(node: TSESTree.Node, depth = 0): HttpContainer | null {
    if (depth > MAX_DENOTE_DEPTH) return null;
    this.containers();
    const expression = unwrapExpression(node);
    const created = this.byCreation.get(expression);
    if (created !== undefined) return created;
    if (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression') {
      const name = staticPropertyName(expression.callee);
      const owner = this.denotedContainer(expression.callee.object, depth + 1);
      const keeps = owner !== null && name !== null && (owner.shape.chainableMethods.includes(name) || owner.shape.mountableMembers.includes(name));
      return keeps ? owner : null;
    }
    if (expression.type === 'Identifier') {
      const variable = this.file.scope.variableOf(expression);
      const bound = variable === null ? undefined : this.byVariable.get(variable);
      if (bound !== undefined) return bound;
    }
    if (expression.type === 'MemberExpression' && expression.object.type === 'ThisExpression') return this.fieldContainer(expression);
    if (expression.type !== 'Identifier' && expression.type !== 'MemberExpression') return null;
    const declaration = this.declarationOf(expression, depth + 1);
    if (declaration?.kind !== 'value' || declaration.node === expression) return null;
    return declaration.facts.denotedContainer(declaration.node, depth + 1);
  }

  declarationOf(node: TSESTree.Node, depth = 0): Declaration | null {
    return declarationOf(this, node, depth);
  }

  /** The child scope a plugin function gets as parameter `parameter` when registered on a `shape` instance. */
  pluginScope(fn: FunctionNode, parameter: number, shape: HttpFrameworkShape): HttpContainer | null {
    const existing = this.scopes.get(fn);
    if (existing !== undefined) return existing;
    const identifier = parameterIdentifier(fn, parameter);
    const variable = identifier === null ? null : this.file.scope.variableOf(identifier);
    if (variable === null) return null;
    const scope = new HttpContainer(nextContainerId++, shape, this, fn, 'plugin-scope', { kind: 'variable', variable, exported: false });
    this.scopes.set(fn, scope);
    this.byVariable.set(variable, scope);
    return scope;
  }

  /** What a mounted item is (memoized per node). */
  itemKind(item: MountedItem): ItemKind {
    const known = this.kinds.get(item.node);
    if (known !== undefined) return known;
    // A factory that returns its own call (or an import cycle) reads as unknown while it is being classified.
    this.kinds.set(item.node, { kind: 'unknown' });
    const kind = classifyItem(this, item);
    this.kinds.set(item.node, kind);
    return kind;
  }

  /** What `fn` does when its parameter `responseParameter` answers the request, as a `shape` handler. */
  handlerEffects(fn: FunctionNode, responseParameter: number, shape: HttpFrameworkShape, depth: number): HandlerEffects {
    const key = `${fn.range[0]}:${responseParameter}:${shape.framework}`;
    const known = this.effects.get(key);
    if (known !== undefined) return known;
    if (this.effectsInProgress.has(key)) return { answersTooManyRequests: false, checksRateLimit: false, securityHeaders: [], delegatesToUnknown: true, verifiesPassword: false };
    this.effectsInProgress.add(key);
    try {
      const found = analyzeHandler(this, fn, responseParameter, shape, depth);
      this.effects.set(key, found);
      return found;
    } finally {
      this.effectsInProgress.delete(key);
    }
  }

  private discover(into: HttpContainer[]): void {
    for (const node of descendants(this.file.ast)) {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
      // `require('./app')` holds an app another file creates; that file owns it.
      if (node.type === 'CallExpression' && this.file.origins.requiredModule(node) !== null) continue;
      // A creation calls the library itself; a project factory that returns an app (`require('./routes')()`) does not
      // create one here, the factory's own module does.
      if (this.file.origins.referenceOf(node.callee) === null) continue;
      const match = this.file.concepts.valueIs(node, 'http-app');
      if (match === null || this.isInnerCreation(node)) continue;
      const shape = match.row.shape;
      const container = new HttpContainer(nextContainerId++, shape, this, node, shape.role, this.bindingOf(node));
      into.push(container);
      this.byCreation.set(node, container);
      if (container.binding.kind === 'variable') this.byVariable.set(container.binding.variable, container);
    }
  }

  /** `new Hono().basePath('/api')`: the inner `new Hono()` is part of the outer creation. */
  private isInnerCreation(node: TSESTree.Node): boolean {
    const member = climbTransparent(node).parent;
    const call = member?.type === 'MemberExpression' ? member.parent : undefined;
    return call?.type === 'CallExpression' && call.callee === member && this.file.concepts.valueIs(call, 'http-app') !== null;
  }

  private bindingOf(creation: TSESTree.Node): ContainerBinding {
    let top = climbTransparent(creation);
    let exportedByAssignment = false;
    // `const app = module.exports = new Koa()`: bound and exported at once.
    if (top.parent?.type === 'AssignmentExpression' && top.parent.right === top && isExportTarget(top.parent.left) && top.parent.parent?.type === 'VariableDeclarator') {
      top = top.parent;
      exportedByAssignment = true;
    }
    const parent = top.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === top && parent.id.type === 'Identifier') {
      const variable = this.file.scope.variableOf(parent.id);
      if (variable !== null && variable.defs.length === 1) {
        const exported = exportedByAssignment || parent.parent?.parent?.type === 'ExportNamedDeclaration';
        return { kind: 'variable', variable, exported };
      }
    }
    if (parent?.type === 'AssignmentExpression' && parent.right === top) {
      const target = parent.left;
      if (target.type === 'Identifier') {
        const variable = this.file.scope.variableOf(target);
        const writes = variable?.references.filter((reference) => reference.isWrite()).length ?? 0;
        if (variable !== null && writes === 1) return { kind: 'variable', variable, exported: false };
      }
      const field = target.type === 'MemberExpression' && target.object.type === 'ThisExpression' ? staticPropertyName(target) : null;
      const owner = field === null ? null : enclosingClassOfThis(target);
      if (owner !== null && field !== null) return { kind: 'field', owner, name: field };
    }
    if (parent?.type === 'PropertyDefinition' && parent.value === top && !parent.static) {
      const name = staticPropertyName(parent);
      const owner = parent.parent.parent;
      if (name !== null && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression')) return { kind: 'field', owner, name };
    }
    return { kind: 'expression' };
  }

  private fieldContainer(member: TSESTree.MemberExpression): HttpContainer | null {
    const name = staticPropertyName(member);
    const owner = enclosingClassOfThis(member);
    if (name === null || owner === null) return null;
    return this.containers().find((container) => container.binding.kind === 'field' && container.binding.owner === owner && container.binding.name === name) ?? null;
  }
}

/** `module.exports`, `module.exports.app`, `exports.app`. */
function isExportTarget(node: TSESTree.Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  return isModuleExports(node) || isModuleExports(node.object) || (node.object.type === 'Identifier' && node.object.name === 'exports');
}
