/**
 * A method call on an instance, read through its framework shape: a route (`app.post(path, ...handlers)`,
 * `app.route(path).post(...)`, `fastify.route({...})`), a mount (`app.use([path,] ...mw)`,
 * `fastify.register(plugin, { prefix })`), `listen`, serving a handler member, or switching X-Powered-By off.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { HttpFrameworkShape, MountShape } from '../../models/frameworks/http-shape.js';
import type { UseContext } from './container-events.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { ContainerEvent, EventOrder, MountedItem } from './http-types.js';
import { servesFrom } from './serving.js';
import { orderOf } from './syntax.js';

type Argument = TSESTree.CallExpressionArgument;

/** Records the events of `call` (a method `name` on the context's instance); true when it returns the instance. */
export function callEvents(call: TSESTree.CallExpression, name: string, context: UseContext): boolean {
  const shape = context.container.shape;
  const at = { order: orderOf(call, context.outer), node: call, facts: context.facts, site: context.site ?? call };
  const method = Object.hasOwn(shape.routeMethods, name) ? shape.routeMethods[name] : undefined;
  const mount = shape.mounts.find((candidate) => candidate.method === name);
  const found: ContainerEvent[] = [];
  if (method !== undefined) found.push(...routeFromArguments(call.arguments, method, shape, context.facts, at));
  else if (shape.routeBuilders.includes(name)) found.push(...builderRoutes(call, shape, context));
  else if (shape.routeObjectMethods.includes(name)) found.push(...objectRoute(call, shape, context.facts, at));
  else if (mount !== undefined) found.push(mountEvent(call, mount, shape, context.facts, at));
  else if (shape.listenMethods.includes(name)) found.push({ kind: 'listen', ...at });
  else if (switchesPoweredByOff(call, name, shape, context.facts)) found.push({ kind: 'powered-by-off', ...at });
  else if (shape.servingMembers.includes(name) && servesFrom(call, context.facts)) found.push({ kind: 'serve', ...at });
  context.events.push(...found);
  // `app.get('port')` reads a setting: with no handler a route method returns the value, not the instance.
  if (method !== undefined && call.arguments.length < 2) return false;
  return shape.chainableMethods.includes(name);
}

interface At {
  readonly order: EventOrder;
  readonly node: TSESTree.Node;
  readonly facts: HttpAppFacts;
  readonly site: TSESTree.Node;
}

function staticPath(node: TSESTree.Node | undefined, facts: HttpAppFacts): string | null {
  return node === undefined ? null : facts.file.values.stringOf(node);
}

/** A mount's leading path: a string (constant or not), a template, or an array of them. */
function looksLikePath(node: TSESTree.Node, facts: HttpAppFacts): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'TemplateLiteral' || value.type === 'ArrayExpression') return true;
  if (value.type === 'Literal') return typeof value.value === 'string' || 'regex' in value;
  return facts.file.values.stringOf(value) !== null;
}

function toItems(nodes: readonly Argument[], shape: HttpFrameworkShape, facts: HttpAppFacts, mountOptions: TSESTree.Node | null, scopeParameter: number | null): MountedItem[] {
  const items: MountedItem[] = [];
  for (const node of nodes) {
    const value = node.type === 'SpreadElement' ? node.argument : unwrapExpression(node);
    if (value.type === 'ArrayExpression') {
      const elements = value.elements.filter((element): element is Argument => element !== null);
      items.push(...toItems(elements, shape, facts, mountOptions, scopeParameter));
    } else items.push({ node: value, facts, shape, mountOptions, scopeParameter });
  }
  return items;
}

function routeFromArguments(args: readonly Argument[], method: string, shape: HttpFrameworkShape, facts: HttpAppFacts, at: At): ContainerEvent[] {
  let pathIndex = 0;
  const first = args[0];
  const second = args[1];
  if (shape.namedRoutes && args.length >= 3 && first !== undefined && second !== undefined && looksLikePath(first, facts) && looksLikePath(second, facts)) pathIndex = 1;
  let rest = args.slice(pathIndex + 1);
  // `app.get('trust proxy')` reads a setting: a route needs at least one handler.
  if (rest.length === 0) return [];
  let options: TSESTree.ObjectExpression | null = null;
  const candidate = rest[0] === undefined ? null : unwrapExpression(rest[0]);
  if (shape.routeOptions !== null && candidate?.type === 'ObjectExpression') {
    options = candidate;
    rest = rest.slice(1);
  }
  const handlers = [...optionItems(options, shape, facts, rest.length === 0), ...toItems(rest, shape, facts, null, null)];
  return [{ kind: 'route', method, path: staticPath(args[pathIndex], facts), handlers, terminalHandler: true, options, ...at }];
}

/** Hooks inside a route options object, in order, then its handler when the route takes it from there. */
function optionItems(options: TSESTree.ObjectExpression | null, shape: HttpFrameworkShape, facts: HttpAppFacts, withHandler: boolean): MountedItem[] {
  const routeOptions = shape.routeOptions;
  if (options === null || routeOptions === null) return [];
  const nodes: Argument[] = [];
  for (const name of withHandler ? [...routeOptions.hookProperties, routeOptions.handlerProperty] : routeOptions.hookProperties) {
    const value = findProperty(options, name)?.value;
    if (value !== undefined && value.type !== 'AssignmentPattern' && value.type !== 'ObjectPattern' && value.type !== 'ArrayPattern' && value.type !== 'TSEmptyBodyFunctionExpression') {
      nodes.push(value as Argument);
    }
  }
  return toItems(nodes, shape, facts, null, null);
}

/** `app.route('/login').post(limiter, handler).get(page)`. */
function builderRoutes(call: TSESTree.CallExpression, shape: HttpFrameworkShape, context: UseContext): ContainerEvent[] {
  const path = staticPath(call.arguments[0], context.facts);
  const found: ContainerEvent[] = [];
  let current: TSESTree.Node = call;
  for (let steps = 0; steps < 16; steps += 1) {
    const member: TSESTree.Node | undefined = current.parent;
    const next: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current || next?.type !== 'CallExpression' || next.callee !== member) break;
    const name = staticPropertyName(member);
    const method = name !== null && Object.hasOwn(shape.routeMethods, name) ? shape.routeMethods[name] : undefined;
    if (method === undefined) break;
    const at = { order: orderOf(next, context.outer), node: next, facts: context.facts, site: context.site ?? next };
    found.push({ kind: 'route', method, path, handlers: toItems(next.arguments, shape, context.facts, null, null), terminalHandler: true, options: null, ...at });
    current = next;
  }
  return found;
}

/** `fastify.route({ method: 'POST', url: '/login', preHandler, handler })`. */
function objectRoute(call: TSESTree.CallExpression, shape: HttpFrameworkShape, facts: HttpAppFacts, at: At): ContainerEvent[] {
  const routeOptions = shape.routeOptions;
  const first = call.arguments[0];
  const options = first === undefined ? null : unwrapExpression(first);
  if (routeOptions === null || options?.type !== 'ObjectExpression') return [];
  const methodValue = findProperty(options, routeOptions.methodProperty)?.value;
  const methods = methodValue === undefined ? null : facts.file.values.valueOf(methodValue);
  const list = methods === null ? [] : Array.isArray(methods.value) ? methods.value : [methods.value];
  const names = list.filter((value): value is string => typeof value === 'string').map((value) => value.toUpperCase());
  const method = names.find((name) => name !== 'GET' && name !== 'HEAD') ?? names[0] ?? 'ALL';
  const pathNode = routeOptions.pathProperties.map((name) => findProperty(options, name)?.value).find((value) => value !== undefined);
  return [{ kind: 'route', method, path: staticPath(pathNode, facts), handlers: optionItems(options, shape, facts, true), terminalHandler: true, options, ...at }];
}

function mountEvent(call: TSESTree.CallExpression, mount: MountShape, shape: HttpFrameworkShape, facts: HttpAppFacts, at: At): ContainerEvent {
  const args = call.arguments;
  let start = 0;
  let path: string | null = '';
  const first = args[0];
  if ((mount.path === 'optional-first' && first !== undefined && looksLikePath(first, facts)) || mount.path === 'first') {
    path = staticPath(first, facts);
    start = 1;
  }
  start += mount.firstMiddleware;
  const optionsNode = mount.optionsArgument === null ? null : (args[mount.optionsArgument] ?? null);
  const options = optionsNode === null || optionsNode.type === 'SpreadElement' ? null : unwrapExpression(optionsNode);
  if (mount.prefixOption !== null && options?.type === 'ObjectExpression') {
    const prefix = findProperty(options, mount.prefixOption)?.value;
    if (prefix !== undefined) path = staticPath(prefix, facts);
  }
  const end = mount.optionsArgument ?? args.length;
  const items = toItems(args.slice(start, end), shape, facts, options, mount.scopeParameter);
  return { kind: 'mount', mount, path, items, ...at };
}

function switchesPoweredByOff(call: TSESTree.CallExpression, name: string, shape: HttpFrameworkShape, facts: HttpAppFacts): boolean {
  const poweredBy = shape.poweredBy;
  if (poweredBy === null) return false;
  return poweredBy.disabledBy.some(
    (form) =>
      form.method === name &&
      form.arguments.length === call.arguments.length &&
      form.arguments.every((expected, index) => {
        const argument = call.arguments[index];
        const actual = argument === undefined ? null : facts.file.values.valueOf(argument);
        if (actual === null) return false;
        return typeof expected === 'string' && typeof actual.value === 'string' ? actual.value.toLowerCase() === expected : actual.value === expected;
      }),
  );
}
