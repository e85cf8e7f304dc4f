/**
 * Collects the events of one instance by following its uses (CodeQL's API-graph style): each reference to the
 * app is a method call (route, mount, listen, ...), a hand-off to a function (followed into project code that
 * can be seen, opaque otherwise), an export, or an escape into a place the analysis does not track.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingClassOfThis, staticPropertyName } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import { resolveCallees } from '../taint/dispatch-callees.js';
import { callEvents } from './container-calls.js';
import { isModuleExports } from './declarations.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { HttpContainer } from './http-container.js';
import type { ContainerEvent, EventOrder } from './http-types.js';
import { nestModuleEvents } from './nest-app.js';
import { isServeCall, servesFrom } from './serving.js';
import { climbTransparent, descendants, memberChain, orderOf, parameterIdentifier } from './syntax.js';

/** Following an app into functions it is handed to stops at this depth (then the hand-off is opaque). */
const MAX_INLINE_DEPTH = 4;
/** `const server = app`: aliases followed per container. */
const MAX_ALIASES = 8;
/** Exports happen after the module body has run: later than any top-level registration. */
const AFTER_MODULE_BODY = Number.MAX_SAFE_INTEGER;

export interface UseContext {
  readonly container: HttpContainer;
  /** The file the current uses are in. */
  readonly facts: HttpAppFacts;
  /** The order of the call that handed the app into the current function, or null at the container's own level. */
  readonly outer: EventOrder | null;
  /** That call, in the container's own file. */
  readonly site: TSESTree.Node | null;
  readonly depth: number;
  readonly events: ContainerEvent[];
  readonly aliases: Set<VariableLike>;
}

export function collectContainerEvents(container: HttpContainer): ContainerEvent[] {
  const events: ContainerEvent[] = [];
  const context: UseContext = { container, facts: container.facts, outer: null, site: null, depth: 0, events, aliases: new Set() };
  const binding = container.binding;
  if (binding.kind === 'variable') {
    for (const use of readsOf(binding.variable)) useEvents(use, context);
    if (binding.exported) events.push(exportEvent(container.origin, context));
  } else if (binding.kind === 'field') {
    for (const use of fieldReads(binding.owner, binding.name)) useEvents(use, context);
  } else {
    useEvents(container.origin, context);
  }
  if (container.shape.rootModuleArgument !== null && container.origin.type === 'CallExpression') {
    events.push(...nestModuleEvents(container, container.origin.arguments[container.shape.rootModuleArgument]));
  }
  return events;
}

/**
 * The reads of `variable` that see the value `declaredAt` binds. A name declared once: all of them. A name declared
 * again (`var` twice, or code repeating `const app = ...`, which only an error-tolerant parser accepts): the reads
 * after this declaration and before the next, so each copy's app owns its own routes instead of every copy's.
 */
function readsOf(variable: VariableLike, declaredAt: TSESTree.Node | null = null): TSESTree.Node[] {
  const reads = variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  if (variable.defs.length < 2 || declaredAt === null) return reads;
  const start = declaredAt.range[0];
  const next = Math.min(...variable.defs.map((definition) => definition.name.range[0]).filter((offset) => offset > start));
  return reads.filter((read) => read.range[0] > start && read.range[0] < next);
}

function fieldReads(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): TSESTree.Node[] {
  return descendants(owner.body).filter(
    (node) =>
      node.type === 'MemberExpression' &&
      node.object.type === 'ThisExpression' &&
      staticPropertyName(node) === name &&
      !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node) &&
      enclosingClassOfThis(node) === owner,
  );
}

function base(node: TSESTree.Node, context: UseContext): { order: EventOrder; node: TSESTree.Node; facts: HttpAppFacts; site: TSESTree.Node } {
  return { order: orderOf(node, context.outer), node, facts: context.facts, site: context.site ?? node };
}

function exportEvent(node: TSESTree.Node, context: UseContext): ContainerEvent {
  return { kind: 'export', node, facts: context.facts, site: context.site ?? node, order: { frame: context.facts.file.ast, at: [AFTER_MODULE_BODY] } };
}

/** What one expression holding the instance does with it. */
export function useEvents(use: TSESTree.Node, context: UseContext): void {
  const top = climbTransparent(use);
  const parent = top.parent;
  if (parent === undefined) return;
  switch (parent.type) {
    case 'MemberExpression':
      if (parent.object === top) memberUse(parent, context);
      return;
    case 'CallExpression':
    case 'NewExpression':
      if (parent.callee !== top) handoff(parent, parent.arguments.indexOf(top as TSESTree.CallExpressionArgument), context);
      return;
    case 'ExportDefaultDeclaration':
    case 'ExportSpecifier':
      context.events.push(exportEvent(parent, context));
      return;
    case 'AssignmentExpression':
      if (parent.right === top) assignedUse(parent, context);
      return;
    case 'VariableDeclarator':
      if (parent.init === top && parent.id.type === 'Identifier') aliasUse(parent.id, context);
      return;
    case 'ReturnStatement':
      context.events.push({ kind: 'opaque', reason: 'returned', ...base(parent, context) });
      return;
    case 'ArrowFunctionExpression':
      if (parent.body === top) context.events.push({ kind: 'opaque', reason: 'returned', ...base(parent, context) });
      return;
    case 'Property':
    case 'ArrayExpression':
    case 'SpreadElement':
      context.events.push(isExported(parent) ? exportEvent(parent, context) : { kind: 'opaque', reason: 'stored', ...base(parent, context) });
      return;
    default:
      return;
  }
}

function memberUse(member: TSESTree.MemberExpression, context: UseContext): void {
  const name = staticPropertyName(member);
  if (name === null) return;
  const call = member.parent;
  if (call?.type === 'CallExpression' && call.callee === member) {
    if (callEvents(call, name, context)) useEvents(call, context);
    return;
  }
  if (context.container.shape.servingMembers.includes(name) && servesFrom(member, context.facts)) {
    context.events.push({ kind: 'serve', ...base(member, context) });
  }
}

function assignedUse(assignment: TSESTree.AssignmentExpression, context: UseContext): void {
  const target = assignment.left;
  const isExportsMember = target.type === 'MemberExpression' && (isModuleExports(target) || isModuleExports(target.object) || (target.object.type === 'Identifier' && target.object.name === 'exports'));
  if (isExportsMember) context.events.push(exportEvent(assignment, context));
  else if (target.type === 'Identifier') aliasUse(target, context);
  else context.events.push({ kind: 'opaque', reason: 'stored', ...base(assignment, context) });
}

function aliasUse(identifier: TSESTree.Identifier, context: UseContext): void {
  const variable = context.facts.file.scope.variableOf(identifier);
  if (variable === null || context.aliases.has(variable) || context.aliases.size >= MAX_ALIASES) return;
  context.aliases.add(variable);
  for (const use of readsOf(variable, identifier)) useEvents(use, context);
}

/** `module.exports = { app }`, `export default { fetch: app.fetch }`: the object holding it is exported. */
function isExported(holder: TSESTree.Node): boolean {
  const object = holder.type === 'Property' ? holder.parent : holder;
  const parent = object?.parent;
  if (parent?.type === 'ExportDefaultDeclaration') return true;
  return parent?.type === 'AssignmentExpression' && parent.right === object && isModuleExports(parent.left);
}

/** The app is an argument of `call`: served, mounted elsewhere, followed into a function, or opaque. */
function handoff(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, context: UseContext): void {
  const facts = context.facts;
  if (isServeCall(call, facts)) {
    context.events.push({ kind: 'serve', ...base(call, context) });
    return;
  }
  if (isRegistrationOnInstance(call, facts)) return;
  const declaration = facts.declarationOf(call.callee);
  // `for (const mount of [users, orders]) mount(app)`: every function of the list runs with the app.
  const functions =
    declaration?.kind === 'function'
      ? [{ node: declaration.node, facts: declaration.facts }]
      : declaration === null ? resolveCallees(facts.file, call).map((target) => ({ node: target.fn, facts: target.file.httpApps })) : [];
  if (functions.length > 0 && context.depth < MAX_INLINE_DEPTH) {
    const parameters = functions.map((fn) => {
      const parameter = parameterIdentifier(fn.node, index);
      return { facts: fn.facts, variable: parameter === null ? null : fn.facts.file.scope.variableOf(parameter) };
    });
    if (parameters.every((parameter) => parameter.variable !== null)) {
      for (const { facts: inFile, variable } of parameters) {
        const inner: UseContext = { ...context, facts: inFile, outer: orderOf(call, context.outer), site: context.site ?? call, depth: context.depth + 1 };
        for (const use of readsOf(variable as VariableLike)) useEvents(use, inner);
      }
      return;
    }
  }
  // A library may mount anything too (`applyDefaults(app)` from a server kit); globals and modeled readers do not.
  if (isGlobalCall(call.callee, facts) || facts.file.concepts.callTo(call, 'app-reader') !== null) return;
  context.events.push({ kind: 'opaque', reason: 'unknown-function', ...base(call, context) });
}

/** `parent.use('/x', router)`: the instance is mounted on another one; the parent's events cover that. */
function isRegistrationOnInstance(call: TSESTree.CallExpression | TSESTree.NewExpression, facts: HttpAppFacts): boolean {
  if (call.callee.type !== 'MemberExpression') return false;
  const name = staticPropertyName(call.callee);
  const owner = facts.denotedContainer(call.callee.object);
  if (owner === null || name === null) return false;
  const shape = owner.shape;
  return shape.mounts.some((mount) => mount.method === name) || Object.hasOwn(shape.routeMethods, name);
}

/** A library API (`logger.info(req)`) or a global (`console.log(app)`): not project code. */
export function isLibraryOrGlobal(callee: TSESTree.Node, facts: HttpAppFacts): boolean {
  return facts.file.origins.referenceOf(callee) !== null || isGlobalCall(callee, facts);
}

/** `console.log(app)`, `Object.freeze(app)`: a global that does not register middleware. */
function isGlobalCall(callee: TSESTree.Node, facts: HttpAppFacts): boolean {
  const chain = memberChain(callee);
  return chain !== null && facts.file.scope.isGlobalReference(chain.root);
}
