/**
 * Apps and routers handed down to functions that register routes on them: `routes(app)`,
 * `require('./routes')(app)`, a list of route modules called in a loop, and on from there, two and more levels
 * deep (`routes(app)` calls `users(app)`). Inside such a function the parameter is an app only because its
 * callers say so. Within a file this is a map from (function, parameter) to the references callers hand it;
 * across files, the caller's call is where the routes join the app, so flows into them are reported there.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { ApiReference } from '../modules/api-reference.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { MountShape } from '../../models/frameworks/http-shape.js';
import { resolveCallees } from './dispatch-callees.js';
import type { FileTaint } from './file-taint.js';
import type { CallNode, FunctionFacts } from './function-facts.js';
import { handlerTargets } from './handler-targets.js';
import { matchRegistration, type RegistrationMatch } from './route-registrations.js';
import type { FunctionNode, FunctionTarget } from './taint-types.js';

/**
 * Hand-offs followed from the call that passes the app: the routes module, the modules it hands the app to,
 * and theirs. Real apps nest two or three levels; the bound keeps a cyclic or very deep module graph linear.
 */
export const MAX_HANDOFF_DEPTH = 4;
/** Distinct apps one parameter may be handed (a shared routes module mounted on several apps). */
const MAX_REFERENCES_PER_PARAMETER = 4;

/** The reference `node` holds when it may be an app or router: a value of a framework that registers handlers. */
export function handedReference(file: FileContext, node: TSESTree.Node): ApiReference | null {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier' && value.type !== 'MemberExpression' && value.type !== 'CallExpression' && value.type !== 'NewExpression') return null;
  const reference = file.origins.referenceOf(value);
  return reference !== null && file.project.conceptIndex.modulesFor('request-handler').has(reference.module) ? reference : null;
}

/**
 * One hand-off: the functions `call` runs and which of their parameters then holds the app (`reference`).
 * `routes(app)` hands its argument; `fastify.register(plugin)` hands the plugin a child scope of the instance
 * in the parameter the framework's mount shape names. `at` is the argument to report at, in the call's file.
 */
interface Handoff {
  readonly at: TSESTree.Node;
  readonly reference: ApiReference;
  readonly targets: readonly FunctionTarget[];
  readonly parameter: number;
}

/** The hand-offs of one call, where `referenceOf` says what an argument or the receiver holds. */
function handoffsAt(file: FileContext, call: CallNode, referenceOf: (node: TSESTree.Node) => ApiReference | null): Handoff[] {
  const found: Handoff[] = [];
  call.arguments.forEach((argument, index) => {
    const reference = argument.type === 'SpreadElement' ? null : referenceOf(argument);
    if (reference !== null) found.push({ at: argument, reference, targets: resolveCallees(file, call), parameter: index });
  });
  const callee = unwrapExpression(call.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  const receiver = callee.type === 'MemberExpression' && method !== null ? referenceOf(callee.object) : null;
  const mount = receiver === null ? undefined : pluginMount(file, receiver, method);
  if (receiver === null || mount === undefined || mount.scopeParameter === null) return found;
  const end = mount.optionsArgument ?? call.arguments.length;
  call.arguments.slice(mount.firstMiddleware, end).forEach((plugin) => {
    // `register(fastifyPlugin(async (app) => ...))`: the wrapped function is the plugin.
    const targets = plugin.type === 'SpreadElement' ? [] : handlerTargets(file, plugin, mount.scopeParameter ?? 0);
    if (targets.length > 0) found.push({ at: plugin, reference: receiver, targets, parameter: mount.scopeParameter ?? 0 });
  });
  return found;
}

/** The framework mount `method` is on an instance held as `reference` (`register` on a Fastify instance). */
function pluginMount(file: FileContext, reference: ApiReference, method: string | null): MountShape | undefined {
  if (method === null) return undefined;
  const app = file.project.conceptIndex.match(reference, 'http-app');
  return app?.row.shape.mounts.find((mount) => mount.method === method && mount.scopeParameter !== null);
}

/** Hand-offs inside `fn` of its parameter `index`: `users(app)` inside `routes(app)`, `app.register(sub)` inside a plugin. */
function onwardHandoffs(file: FileContext, facts: FunctionFacts, fn: FunctionNode, index: number, reference: ApiReference): Handoff[] {
  const parameter = fn.params[index];
  if (parameter?.type !== 'Identifier') return [];
  const variable = file.scope.variableOf(parameter);
  if (variable === null) return [];
  const holds = (node: TSESTree.Node): ApiReference | null => {
    const value = unwrapExpression(node);
    return value.type === 'Identifier' && file.scope.variableOf(value) === variable ? reference : null;
  };
  const found: Handoff[] = [];
  for (const read of variable.references) {
    const identifier = read.identifier as TSESTree.Node;
    const parent = identifier.parent;
    const call = parent?.type === 'MemberExpression' && parent.object === identifier ? parent.parent : parent;
    if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || !facts.calls.includes(call)) continue;
    for (const handoff of handoffsAt(file, call, holds)) if (!found.some((known) => known.at === handoff.at)) found.push(handoff);
  }
  return found;
}

type HandoffMap = Map<FunctionNode, Map<number, ApiReference[]>>;

/** Within one file: what callers (and their callers' callers, up to the bound) hand each function parameter. */
export function inFileHandoffs(taint: FileTaint, calls: readonly CallNode[]): HandoffMap {
  const file = taint.file;
  const map: HandoffMap = new Map();
  const queue: Array<{ fn: FunctionNode; index: number; reference: ApiReference; depth: number }> = [];
  const add = (fn: FunctionNode, index: number, reference: ApiReference, depth: number): void => {
    const byIndex = map.get(fn) ?? new Map<number, ApiReference[]>();
    map.set(fn, byIndex);
    const list = byIndex.get(index) ?? [];
    byIndex.set(index, list);
    const key = `${reference.module}:${reference.steps.join('.')}`;
    if (list.length >= MAX_REFERENCES_PER_PARAMETER || list.some((known) => `${known.module}:${known.steps.join('.')}` === key)) return;
    list.push(reference);
    queue.push({ fn, index, reference, depth });
  };
  for (const call of calls) {
    for (const handoff of handoffsAt(file, call, (node) => handedReference(file, node))) {
      for (const target of handoff.targets) if (target.file === file) add(target.fn, handoff.parameter, handoff.reference, 0);
    }
  }
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (item.depth >= MAX_HANDOFF_DEPTH) continue;
    for (const onward of onwardHandoffs(file, taint.functionFacts(item.fn), item.fn, item.index, item.reference)) {
      for (const target of onward.targets) if (target.file === file) add(target.fn, onward.parameter, item.reference, item.depth + 1);
    }
  }
  return map;
}

/** A registration in another module reached through a hand-off from this file. */
export interface HandedRegistration {
  /** The argument of this file's call that carries the app. */
  readonly argument: TSESTree.Node;
  /** The file the registration call is in, the call, and its row. */
  readonly file: FileContext;
  readonly call: CallNode;
  readonly match: RegistrationMatch;
}

/** Registrations in other modules on an app this call hands over, however many modules down (up to the bound). */
export function handedRegistrations(taint: FileTaint, call: CallNode): HandedRegistration[] {
  const found: HandedRegistration[] = [];
  for (const handoff of handoffsAt(taint.file, call, (node) => handedReference(taint.file, node))) {
    const seen = new Set<string>();
    const visit = (target: FunctionTarget, parameter: number, depth: number): void => {
      const key = `${target.file.absolutePath}:${target.fn.range[0]}:${parameter}`;
      if (depth > MAX_HANDOFF_DEPTH || seen.has(key)) return;
      seen.add(key);
      const parameters = (fn: FunctionNode, at: number): readonly ApiReference[] => (fn === target.fn && at === parameter ? [handoff.reference] : []);
      if (target.file !== taint.file) {
        for (const { call: registration } of target.file.taint.parameterCalls(target.fn, parameter)) {
          for (const match of matchRegistration(target.file, registration, parameters)) found.push({ argument: handoff.at, file: target.file, call: registration, match });
        }
      }
      for (const onward of onwardHandoffs(target.file, target.file.taint.functionFacts(target.fn), target.fn, parameter, handoff.reference)) {
        for (const next of onward.targets) visit(next, onward.parameter, depth + 1);
      }
    };
    for (const target of handoff.targets) visit(target, handoff.parameter, 0);
  }
  return found;
}
