/**
 * Route registrations: calls that register request handlers, and which functions they register. A call is a
 * registration when its callee is a modeled `request-handler` API (`app.get`, `router.route(path).post`,
 * `fastify.route`), when it chains on one (`router.get(a, h).post(b, h2)`, `route('/x').get(h1).post(h2)`:
 * a registration returns its receiver), or when it is made on a parameter that callers hand an app or router
 * (`function routes(app) { app.get(...) }`, see app-handoffs.ts). Handlers are read forward from the
 * registered arguments (handler-targets.ts), once per file, so a handler passed by reference, bound, made by a
 * factory or wrapped is found like an inline one.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { RequestHandlerRow } from '../../models/concepts.js';
import { CALL, type ApiReference } from '../modules/api-reference.js';
import { findProperty, staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import type { CallNode } from './function-facts.js';
import { handlerTargets } from './handler-targets.js';
import { isReassigned, singleDefinition } from './module-exports.js';
import type { FunctionNode, FunctionTarget } from './taint-types.js';

export interface Registration {
  readonly row: RequestHandlerRow;
  readonly module: string;
  /** The registering call, and where the handler sits in it: an argument index, or a property of an options argument. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly argumentIndex: number;
  readonly property: string | null;
}

/** A registration call's row, and the reference its callee was read as (`Router().route().post`). */
export interface RegistrationMatch {
  readonly row: RequestHandlerRow;
  readonly module: string;
  readonly reference: ApiReference;
}

/** What callers hand to parameter `index` of `fn`: apps and routers, as references. */
export type ParameterReferences = (fn: FunctionNode, index: number) => readonly ApiReference[];

/** Registrations chained on one call (`.get(a).post(b).put(c)`) are followed this far. */
const MAX_CHAIN = 16;

/**
 * The registration rows `call` matches: directly, chained on a registration, or on a parameter holding an app.
 * `inner` answers the same question for the call a chain continues (memoized by the caller).
 */
export function matchRegistration(file: FileContext, call: CallNode, parameters: ParameterReferences, inner?: (call: CallNode) => readonly RegistrationMatch[], depth = 0): RegistrationMatch[] {
  const direct = file.concepts.callsTo(call, 'request-handler').map((match) => ({ row: match.row, module: match.reference.module, reference: match.reference }));
  if (direct.length > 0 || depth > MAX_CHAIN) return direct;
  const callee = unwrapExpression(call.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (callee.type !== 'MemberExpression' || method === null) return [];
  const object = unwrapExpression(callee.object);
  if (object.type === 'CallExpression' && chainLength(object) <= MAX_CHAIN) {
    const chained: RegistrationMatch[] = [];
    const before = inner === undefined ? matchRegistration(file, object, parameters, undefined, depth + 1) : inner(object);
    for (const match of before) {
      // The inner registration returns its receiver: this call is `method` on that receiver.
      chained.push(...matchReference(file, { module: match.reference.module, steps: [...match.reference.steps.slice(0, -1), method] }));
    }
    if (chained.length > 0) return chained;
  }
  const root = parameterRoot(file, callee);
  if (root === null) return [];
  return parameters(root.fn, root.index).flatMap((reference) => matchReference(file, { module: reference.module, steps: [...reference.steps, ...root.steps] }));
}

/** Calls in a chain below `call` (`a.b().c().d()` has three), counted up to just past the bound. */
function chainLength(call: TSESTree.CallExpression): number {
  let length = 0;
  let node: TSESTree.Node = call;
  while (length <= MAX_CHAIN) {
    if (node.type === 'CallExpression') length += 1;
    else if (node.type !== 'MemberExpression') break;
    node = unwrapExpression(node.type === 'CallExpression' ? node.callee : node.object);
  }
  return length;
}

function matchReference(file: FileContext, reference: ApiReference): RegistrationMatch[] {
  return file.project.conceptIndex.matchAll(reference, 'request-handler').map((match) => ({ row: match.row, module: reference.module, reference }));
}

/** `app.route('/x').post` where `app` is parameter `index` of `fn`: the member and call steps from it. */
function parameterRoot(file: FileContext, callee: TSESTree.Node): { fn: FunctionNode; index: number; steps: string[] } | null {
  const steps: string[] = [];
  let node = unwrapExpression(callee);
  for (let length = 0; length < MAX_CHAIN; length += 1) {
    if (node.type === 'MemberExpression') {
      const name = staticPropertyName(node);
      if (name === null) return null;
      steps.unshift(name);
      node = unwrapExpression(node.object);
    } else if (node.type === 'CallExpression') {
      steps.unshift(CALL);
      node = unwrapExpression(node.callee);
    } else break;
  }
  if (node.type !== 'Identifier') return null;
  const definition = file.scope.variableOf(node)?.defs[0];
  if (definition?.type !== 'Parameter' || !('params' in definition.node)) return null;
  const fn = definition.node as FunctionNode;
  const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
  return index < 0 ? null : { fn, index, steps };
}

/** A registered handler: the registration, and the function (in any project file) it hands the request to. */
export interface RegisteredHandler {
  readonly registration: Registration;
  readonly handler: FunctionTarget;
}

/** The handlers one registration call registers under one of its rows, in argument order. */
export function registeredHandlers(file: FileContext, call: CallNode, match: RegistrationMatch): RegisteredHandler[] {
  const { row } = match;
  const found: RegisteredHandler[] = [];
  if (row.event !== undefined && !namesEvent(call, row.event)) return found;
  const add = (node: TSESTree.Node, argumentIndex: number, property: string | null): void => {
    const registration = { row, module: match.module, call, argumentIndex, property };
    for (const handler of handlerTargets(file, node, row.parameter)) found.push({ registration, handler });
  };
  call.arguments.forEach((argument, argumentIndex) => {
    if (argument.type === 'SpreadElement' || (row.argument !== undefined && row.argument !== argumentIndex)) return;
    const value = unwrapExpression(argument);
    if (row.members === true) {
      // `server.addService(Service, { sayHello(call, callback) {...} })`, or the object held in a constant.
      for (const member of memberValues(file, value)) add(member, argumentIndex, null);
      return;
    }
    if (row.property !== undefined) {
      const held = value.type === 'ObjectExpression' ? findProperty(value, row.property) : null;
      if (held !== null) add(held.value, argumentIndex, row.property);
      return;
    }
    if (value.type === 'ArrayExpression') {
      for (const element of value.elements) if (element !== null && element.type !== 'SpreadElement') add(element, argumentIndex, null);
    } else add(value, argumentIndex, null);
  });
  return found;
}

/** `wss.on('connection', listener)`: argument 0 is the event the row registers for. */
export function namesEvent(call: CallNode, event: string): boolean {
  const first = call.arguments[0];
  return first !== undefined && stringLiteralValue(unwrapExpression(first)) === event;
}

/** The property values of an object literal, inline or held in a constant of this file. */
function memberValues(file: FileContext, node: TSESTree.Node): TSESTree.Node[] {
  let object = node;
  if (object.type === 'Identifier') {
    const variable = file.scope.variableOf(object);
    const definition = singleDefinition(variable);
    if (variable === null || isReassigned(variable) || definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return [];
    object = unwrapExpression(definition.node.init);
  }
  if (object.type !== 'ObjectExpression') return [];
  return object.properties.flatMap((property) => (property.type === 'Property' ? [property.value] : []));
}

/** Every registration in a file, by the handler function it registers in this file (built once per file). */
export function indexRegistrations(file: FileContext, calls: readonly CallNode[], matches: (call: CallNode) => readonly RegistrationMatch[]): Map<FunctionNode, Registration[]> {
  const index = new Map<FunctionNode, Registration[]>();
  for (const call of calls) {
    for (const match of matches(call)) {
      for (const { registration, handler } of registeredHandlers(file, call, match)) {
        if (handler.file !== file) continue;
        const list = index.get(handler.fn) ?? [];
        if (!list.some((known) => known.call === call && known.row === registration.row)) list.push(registration);
        index.set(handler.fn, list);
      }
    }
  }
  return index;
}
