/**
 * A NestJS app's routes and app-wide guards, read from its module graph: from the root module given to
 * `NestFactory.create`, every `@Module({ imports, controllers, providers })` reachable in the project, each
 * controller's `@Post(path)` methods with their class and method guards and decorators, APP_GUARD providers
 * and `configure(consumer) { consumer.apply(...) }` middleware. They become events of the app (at the
 * `NestFactory.create` call), so the rules read Nest routes like any other. A module that cannot be followed
 * becomes an opaque event.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { NEST_STRUCTURE } from '../../models/frameworks/nestjs.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { HttpContainer } from './http-container.js';
import type { ClassNode, ContainerEvent, EventOrder, MountedItem } from './http-types.js';
import { joinPaths } from './route-paths.js';
import { descendants, enclosingFrame } from './syntax.js';

/** Modules visited per app. */
const MAX_MODULES = 64;

interface NestWalk {
  readonly app: HttpContainer;
  readonly order: EventOrder;
  readonly events: ContainerEvent[];
}

type Argument = TSESTree.CallExpressionArgument | TSESTree.Expression;

export function nestModuleEvents(app: HttpContainer, root: TSESTree.CallExpressionArgument | undefined): ContainerEvent[] {
  const walk: NestWalk = { app, order: { frame: enclosingFrame(app.origin), at: [0] }, events: [] };
  if (root === undefined || root.type === 'SpreadElement') return [opaque(walk, app.origin, app.facts)];
  const queue: Array<{ readonly node: TSESTree.Node; readonly facts: HttpAppFacts }> = [{ node: root, facts: app.facts }];
  const visited = new Set<ClassNode>();
  for (let visits = 0; visits < MAX_MODULES && queue.length > 0; visits += 1) {
    const next = queue.shift();
    if (next === undefined) break;
    const declaration = next.facts.declarationOf(next.node);
    if (declaration?.kind !== 'class') {
      if (next.facts.file.origins.referenceOf(next.node) === null) walk.events.push(opaque(walk, next.node, next.facts));
      continue;
    }
    if (visited.has(declaration.node)) continue;
    visited.add(declaration.node);
    const metadata = decoratorArgument(declaration.facts, declaration.node.decorators, NEST_STRUCTURE.moduleDecorator);
    if (metadata?.type !== 'ObjectExpression') {
      walk.events.push(opaque(walk, declaration.node, declaration.facts));
      continue;
    }
    for (const imported of listed(metadata, NEST_STRUCTURE.moduleLists.imports, walk, declaration.facts)) queue.push({ node: importedModule(imported, declaration.facts), facts: declaration.facts });
    for (const controller of listed(metadata, NEST_STRUCTURE.moduleLists.controllers, walk, declaration.facts)) controllerEvents(controller, declaration.facts, walk);
    for (const provider of listed(metadata, NEST_STRUCTURE.moduleLists.providers, walk, declaration.facts)) providerEvents(provider, declaration.facts, walk);
    configureEvents(declaration.node, declaration.facts, walk);
  }
  return walk.events;
}

function opaque(walk: NestWalk, node: TSESTree.Node, facts: HttpAppFacts): ContainerEvent {
  return { kind: 'opaque', reason: 'unknown-function', node, facts, site: walk.app.origin, order: walk.order };
}

function item(walk: NestWalk, node: TSESTree.Node, facts: HttpAppFacts): MountedItem {
  return { node, facts, shape: walk.app.shape, mountOptions: null, scopeParameter: null };
}

/** The elements of `@Module({ [name]: [...] })`; a spread or a non-array makes the module partly opaque. */
function listed(metadata: TSESTree.ObjectExpression, name: string, walk: NestWalk, facts: HttpAppFacts): TSESTree.Node[] {
  const value = findProperty(metadata, name)?.value;
  if (value === undefined) return [];
  const list = unwrapExpression(value);
  if (list.type !== 'ArrayExpression') {
    walk.events.push(opaque(walk, list, facts));
    return [];
  }
  const elements: TSESTree.Node[] = [];
  for (const element of list.elements) {
    if (element === null) continue;
    if (element.type === 'SpreadElement') walk.events.push(opaque(walk, element, facts));
    else elements.push(unwrapExpression(element));
  }
  return elements;
}

/** `forwardRef(() => UsersModule)` → UsersModule; `ConfigModule.forRoot()` → ConfigModule. */
function importedModule(node: TSESTree.Node, facts: HttpAppFacts): TSESTree.Node {
  if (node.type !== 'CallExpression') return node;
  if (isNestApi(facts, node.callee, NEST_STRUCTURE.forwardRef)) {
    const factory = node.arguments[0];
    if (factory?.type === 'ArrowFunctionExpression' && factory.body.type !== 'BlockStatement') return unwrapExpression(factory.body);
    return node;
  }
  return node.callee.type === 'MemberExpression' ? node.callee.object : node;
}

function isNestApi(facts: HttpAppFacts, node: TSESTree.Node, name: string): boolean {
  const reference = facts.file.origins.referenceOf(node);
  return reference !== null && reference.module === NEST_STRUCTURE.decoratorModule && reference.steps.length === 1 && reference.steps[0] === name;
}

/** The first argument of the `@name(...)` decorator from '@nestjs/common' in `decorators`; null when absent. */
function decoratorArgument(facts: HttpAppFacts, decorators: readonly TSESTree.Decorator[] | undefined, name: string): TSESTree.Node | null {
  const decorator = (decorators ?? []).find((candidate) => candidate.expression.type === 'CallExpression' && isNestApi(facts, candidate.expression.callee, name));
  if (decorator?.expression.type !== 'CallExpression') return null;
  const argument = decorator.expression.arguments[0];
  return argument === undefined || argument.type === 'SpreadElement' ? null : unwrapExpression(argument);
}

function controllerEvents(node: TSESTree.Node, facts: HttpAppFacts, walk: NestWalk): void {
  const declaration = facts.declarationOf(node);
  if (declaration?.kind !== 'class') {
    walk.events.push(opaque(walk, node, facts));
    return;
  }
  const owner = declaration.facts;
  const controller = declaration.node;
  const prefixNode = decoratorArgument(owner, controller.decorators, NEST_STRUCTURE.controllerDecorator);
  const prefix = pathArgument(owner, prefixNode);
  // espree leaves `decorators` undefined on plain JavaScript classes.
  const classItems = decoratorItems(owner, controller.decorators ?? [], walk);
  for (const member of controller.body.body) {
    if (member.type !== 'MethodDefinition' || member.static) continue;
    const decorators: readonly TSESTree.Decorator[] = member.decorators ?? [];
    for (const decorator of decorators) {
      const route = routeDecorator(owner, decorator);
      if (route === null) continue;
      walk.events.push({
        kind: 'route',
        method: route.method,
        path: joinPaths(prefix, pathArgument(owner, route.path)),
        handlers: [...classItems, ...decoratorItems(owner, decorators, walk)],
        terminalHandler: false,
        options: null,
        node: decorator,
        facts: owner,
        site: walk.app.origin,
        order: walk.order,
      });
    }
  }
}

function routeDecorator(facts: HttpAppFacts, decorator: TSESTree.Decorator): { readonly method: string; readonly path: TSESTree.Node | null } | null {
  const expression = decorator.expression;
  if (expression.type !== 'CallExpression') return null;
  const reference = facts.file.origins.referenceOf(expression.callee);
  const name = reference?.module === NEST_STRUCTURE.decoratorModule && reference.steps.length === 1 ? reference.steps[0] : undefined;
  if (name === undefined || !Object.hasOwn(NEST_STRUCTURE.routeDecorators, name)) return null;
  const argument = expression.arguments[0];
  return { method: NEST_STRUCTURE.routeDecorators[name] ?? 'ALL', path: argument === undefined || argument.type === 'SpreadElement' ? null : argument };
}

/** `'auth'`, `{ path: 'auth' }`, or nothing (''); null when not a constant. */
function pathArgument(facts: HttpAppFacts, node: TSESTree.Node | null): string | null {
  if (node === null) return '';
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') {
    const path = findProperty(value, 'path')?.value;
    return path === undefined ? '' : facts.file.values.stringOf(path);
  }
  return facts.file.values.stringOf(value);
}

/** Guards (`@UseGuards(A, B)` → A, B) and other decorators (`@Throttle()`, `@SkipThrottle()`) as items. */
function decoratorItems(facts: HttpAppFacts, decorators: readonly TSESTree.Decorator[], walk: NestWalk): MountedItem[] {
  const items: MountedItem[] = [];
  for (const decorator of decorators) {
    const expression = decorator.expression;
    if (expression.type === 'CallExpression' && isNestApi(facts, expression.callee, NEST_STRUCTURE.guardsDecorator)) {
      for (const guard of expression.arguments) items.push(item(walk, guard.type === 'SpreadElement' ? guard.argument : guard, facts));
    } else if (routeDecorator(facts, decorator) === null && isLimitingDecorator(facts, expression)) {
      items.push(item(walk, expression, facts));
    }
  }
  return items;
}

/**
 * Only decorators that are modeled limiters or exemptions, or project decorators composing one
 * (`applyDecorators(UseGuards(ThrottlerGuard))`), matter; the rest (`@Public()`, `@ApiTags()`) are metadata.
 */
function isLimitingDecorator(facts: HttpAppFacts, expression: TSESTree.Expression): boolean {
  const concepts = facts.file.concepts;
  if (concepts.valueIs(expression, 'rate-limiter') !== null || concepts.valueIs(expression, 'rate-limit-exemption') !== null) return true;
  const callee = expression.type === 'CallExpression' ? expression.callee : expression;
  const declaration = facts.declarationOf(callee);
  if (declaration?.kind !== 'function') return false;
  return descendants(declaration.node.body).some((node) => declaration.facts.file.concepts.valueIs(node, 'rate-limiter') !== null);
}

function providerEvents(provider: TSESTree.Node, facts: HttpAppFacts, walk: NestWalk): void {
  if (provider.type !== 'ObjectExpression') return;
  const token = findProperty(provider, NEST_STRUCTURE.providerToken)?.value;
  const reference = token === undefined ? null : facts.file.origins.referenceOf(token);
  const { module, name } = NEST_STRUCTURE.appGuard;
  if (reference?.module !== module || reference.steps.length !== 1 || reference.steps[0] !== name) return;
  for (const key of NEST_STRUCTURE.providerValues) {
    const value = findProperty(provider, key)?.value;
    if (value === undefined) continue;
    // A factory's guard is whatever it returns: not followed.
    if (key === 'useFactory') walk.events.push(opaque(walk, value, facts));
    else walk.events.push(mount(walk, provider, facts, [item(walk, value, facts)]));
  }
}

function mount(walk: NestWalk, node: TSESTree.Node, facts: HttpAppFacts, items: readonly MountedItem[]): ContainerEvent {
  return { kind: 'mount', mount: null, path: '', items, node, facts, site: walk.app.origin, order: walk.order };
}

/** `configure(consumer) { consumer.apply(limiter).forRoutes(...) }`: route filters are not read (any limiter counts). */
function configureEvents(module: ClassNode, facts: HttpAppFacts, walk: NestWalk): void {
  for (const member of module.body.body) {
    if (member.type !== 'MethodDefinition' || staticPropertyName(member) !== NEST_STRUCTURE.configureMethod) continue;
    const consumer = member.value.params[0];
    const variable = consumer?.type === 'Identifier' ? facts.file.scope.variableOf(consumer) : null;
    for (const reference of variable?.references ?? []) {
      const use = reference.identifier.parent;
      const call = use?.parent;
      if (use?.type !== 'MemberExpression' || staticPropertyName(use) !== NEST_STRUCTURE.consumerApply || call?.type !== 'CallExpression' || call.callee !== use) continue;
      const args: Argument[] = [...call.arguments];
      walk.events.push(mount(walk, call, facts, args.map((argument) => item(walk, argument.type === 'SpreadElement' ? argument.argument : argument, facts))));
    }
  }
}
