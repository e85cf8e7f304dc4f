/**
 * What a mounted item is: a modeled security-headers middleware or rate limiter (through ApiOrigins, so a
 * limiter created in another module and imported is still a limiter), a router or plugin scope, a
 * hand-written function (judged by its effects), a library value with no bearing, or project code that cannot
 * be followed (unknown: it might do anything, so rules stay quiet).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ConceptMatch } from '../concepts/concept-index.js';
import type { RateLimiterRow, SecurityHeadersRow } from '../../models/concepts.js';
import { exportedDeclaration, type Declaration } from './declarations.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { ItemKind, ItemOptions, MountedItem } from './http-types.js';
import { descendants, enclosingFunction } from './syntax.js';

/** `class CustomGuard extends ThrottlerGuard`: superclass chains followed this far. */
const MAX_SUPERCLASS_DEPTH = 4;

export function classifyItem(facts: HttpAppFacts, item: MountedItem): ItemKind {
  const node = unwrapExpression(item.node);
  const concepts = facts.file.concepts;
  const exemption = concepts.valueIs(node, 'rate-limit-exemption');
  if (exemption !== null) return isSwitchedOff(facts, node, exemption.row.argument) ? { kind: 'neutral' } : { kind: 'exemption', model: exemption.model };
  const limiter = concepts.valueIs(node, 'rate-limiter');
  if (limiter !== null) return { kind: 'rate-limiter', row: limiter.row, model: limiter.model, options: optionsOf(facts, node, limiter, item) };
  const headers = concepts.valueIs(node, 'security-headers');
  if (headers !== null) return { kind: 'security-headers', row: headers.row, options: optionsOf(facts, node, headers, item) };
  if (concepts.valueIs(node, 'project-code-loader') !== null) return { kind: 'unknown' };
  if (node.type === 'CallExpression') {
    const lookup = concepts.callTo(node, 'instance-lookup');
    const looked = lookup === null ? undefined : node.arguments[lookup.row.argument];
    if (looked !== undefined && looked.type !== 'SpreadElement') return facts.itemKind({ ...item, node: looked });
    const wrapper = concepts.callTo(node, 'plugin-wrapper');
    const wrapped = wrapper === null ? undefined : node.arguments[wrapper.row.argument];
    if (wrapper !== null) return wrapped === undefined ? { kind: 'unknown' } : sharedPlugin(facts, wrapped, item);
  }
  const container = facts.denotedContainer(node);
  if (container !== null) return { kind: 'container', container, shared: false };
  const product = node.type === 'CallExpression' ? factoryProduct(facts, node, item) : null;
  if (product !== null) return product;
  const declaration = facts.declarationOf(node);
  if (declaration !== null) {
    const declared = classifyDeclaration(declaration, node, item);
    if (declared !== null) return declared;
  }
  return facts.file.origins.referenceOf(node) !== null ? { kind: 'neutral' } : { kind: 'unknown' };
}

function classifyDeclaration(declaration: Declaration, node: TSESTree.Node, item: MountedItem): ItemKind | null {
  switch (declaration.kind) {
    case 'function': {
      if (item.scopeParameter !== null) {
        const scope = declaration.facts.pluginScope(declaration.node, item.scopeParameter, item.shape);
        return scope === null ? { kind: 'unknown' } : { kind: 'container', container: scope, shared: false };
      }
      const effects = declaration.facts.handlerEffects(declaration.node, item.shape.handler.responseParameter, item.shape, 0);
      return { kind: 'function', effects };
    }
    case 'class': {
      const handler = middlewareMethod(declaration.node, item.shape.classMiddlewareMethod);
      if (handler === null) return guardClass(declaration.facts, declaration.node, 0);
      return { kind: 'function', effects: declaration.facts.handlerEffects(handler, item.shape.handler.responseParameter, item.shape, 0) };
    }
    case 'value':
      // `const limiter = buildLimiter()` here or in another file: judge the initializer where it is.
      if (declaration.node === node) return null;
      return declaration.facts.itemKind({ ...item, node: declaration.node, facts: declaration.facts });
    case 'module': {
      // `register(import('../../models/http/routes/auth'))`: Fastify registers the module's default export.
      const plugin = item.scopeParameter === null ? null : exportedDeclaration(declaration.facts, 'default', 1);
      return (plugin === null || plugin.kind === 'module' ? null : classifyDeclaration(plugin, node, item)) ?? { kind: 'unknown' };
    }
  }
}

/** `app.use(requestLogger())`, `createLimiter()`: a project factory is judged by the one expression it returns. */
function factoryProduct(facts: HttpAppFacts, call: TSESTree.CallExpression, item: MountedItem): ItemKind | null {
  const factory = facts.declarationOf(call.callee);
  if (factory?.kind !== 'function') return null;
  const fn = factory.node;
  let returned: TSESTree.Node | null = null;
  let returnedBy: TSESTree.Node = fn;
  if (fn.body.type !== 'BlockStatement') returned = fn.body;
  else {
    const returns = descendants(fn.body).filter((node): node is TSESTree.ReturnStatement => node.type === 'ReturnStatement' && enclosingFunction(node) === fn);
    const only = returns.length === 1 ? returns[0] : undefined;
    returned = only?.argument ?? null;
    if (only !== undefined) returnedBy = only;
  }
  if (returned === null) return { kind: 'unknown' };
  // `app.use('/api', routes(router))` where `routes = (router) => { ...; return router; }`: the mount is of the
  // caller's own router, which the call was handed (and registered routes on) first.
  const passedBack = returnedParameter(factory.facts, fn, returned);
  const argument = passedBack === null ? undefined : call.arguments[passedBack];
  if (argument !== undefined && argument.type !== 'SpreadElement') {
    const handed = facts.itemKind({ ...item, node: argument });
    if (handed.kind === 'container') return handed;
  }
  const product = factory.facts.itemKind({ ...item, node: returned, facts: factory.facts });
  // A router built and returned by the factory (`module.exports = (passport) => { ...; return router }`): its
  // return is how it reaches this mount, not an escape.
  return product.kind === 'container' ? { ...product, returnedBy } : product;
}

/** The index of the parameter a function returns as is (`(router) => { ...; return router; }`), or null. */
function returnedParameter(facts: HttpAppFacts, fn: TSESTree.FunctionLike, returned: TSESTree.Node): number | null {
  const value = unwrapExpression(returned);
  if (value.type !== 'Identifier') return null;
  const definition = facts.file.scope.variableOf(value)?.defs[0];
  if (definition?.type !== 'Parameter') return null;
  const index = fn.params.findIndex((parameter) => parameter === definition.name);
  return index === -1 ? null : index;
}

/** `fastifyPlugin(async (app) => { ... })`: the plugin's registrations apply to the parent scope too. */
function sharedPlugin(facts: HttpAppFacts, wrapped: TSESTree.CallExpressionArgument, item: MountedItem): ItemKind {
  const declaration = wrapped.type === 'SpreadElement' ? null : facts.declarationOf(wrapped);
  if (declaration?.kind !== 'function' || item.scopeParameter === null) return { kind: 'unknown' };
  const scope = declaration.facts.pluginScope(declaration.node, item.scopeParameter, item.shape);
  return scope === null ? { kind: 'unknown' } : { kind: 'container', container: scope, shared: true };
}

/** The handler method of a middleware class (`class Throttle implements NestMiddleware { use(req, res, next) {} }`). */
function middlewareMethod(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string | null): TSESTree.FunctionExpression | null {
  if (name === null) return null;
  for (const member of node.body.body) {
    if (member.type === 'MethodDefinition' && !member.static && member.kind === 'method' && member.value.type === 'FunctionExpression' && staticPropertyName(member) === name) return member.value;
  }
  return null;
}

/** A guard class: a limiter when it extends one (`extends ThrottlerGuard`), otherwise a guard that does not limit. */
function guardClass(facts: HttpAppFacts, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, depth: number): ItemKind {
  const superClass = node.superClass;
  if (superClass === null || depth >= MAX_SUPERCLASS_DEPTH) return { kind: 'neutral' };
  const limiter = facts.file.concepts.valueIs(superClass, 'rate-limiter');
  if (limiter !== null) return { kind: 'rate-limiter', row: limiter.row, model: limiter.model, options: null };
  const declaration = facts.declarationOf(superClass);
  if (declaration?.kind === 'class') return guardClass(declaration.facts, declaration.node, depth + 1);
  return facts.file.origins.referenceOf(superClass) !== null ? { kind: 'neutral' } : { kind: 'unknown' };
}

/** `@SkipThrottle(false)` exempts nothing. */
function isSwitchedOff(facts: HttpAppFacts, node: TSESTree.Node, argument: number | undefined): boolean {
  if (argument === undefined || node.type !== 'CallExpression') return false;
  const value = node.arguments[argument];
  return value !== undefined && facts.file.values.valueOf(value)?.value === false;
}

/** Where a middleware's options are: its factory call's argument (followed to the declaration), or the mount's. */
function optionsOf(facts: HttpAppFacts, node: TSESTree.Node, match: ConceptMatch<RateLimiterRow | SecurityHeadersRow>, item: MountedItem): ItemOptions | null {
  const argument = match.row.argument;
  if (argument === undefined) return item.mountOptions === null ? null : { node: item.mountOptions, facts: item.facts };
  let call: TSESTree.Node = node;
  let owner = facts;
  if (call.type !== 'CallExpression') {
    const declaration = facts.declarationOf(call);
    if (declaration?.kind !== 'value' || declaration.node.type !== 'CallExpression') return null;
    call = declaration.node;
    owner = declaration.facts;
  }
  if (call.type !== 'CallExpression') return null;
  const options = call.arguments[argument];
  return options === undefined || options.type === 'SpreadElement' ? null : { node: unwrapExpression(options), facts: owner };
}
