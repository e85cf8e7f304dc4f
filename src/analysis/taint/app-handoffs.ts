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
import { unwrapExpression } from '../node-shapes.js';
import { resolveCallees } from './dispatch-callees.js';
import type { FileTaint } from './file-taint.js';
import type { CallNode, FunctionFacts } from './function-facts.js';
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

/** Calls in `fn` that pass its parameter `index` on as an argument: `users(app)` inside `routes(app)`. */
function onwardHandoffs(file: FileContext, facts: FunctionFacts, fn: FunctionNode, index: number): Array<{ call: CallNode; index: number }> {
  const parameter = fn.params[index];
  if (parameter?.type !== 'Identifier') return [];
  const variable = file.scope.variableOf(parameter);
  if (variable === null) return [];
  const found: Array<{ call: CallNode; index: number }> = [];
  for (const reference of variable.references) {
    const read = reference.identifier;
    const call = read.parent;
    if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.callee === read) continue;
    const position = call.arguments.indexOf(read as TSESTree.CallExpressionArgument);
    if (position >= 0 && facts.calls.includes(call)) found.push({ call, index: position });
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
    call.arguments.forEach((argument, index) => {
      const reference = argument.type === 'SpreadElement' ? null : handedReference(file, argument);
      if (reference === null) return;
      for (const target of resolveCallees(file, call)) if (target.file === file) add(target.fn, index, reference, 0);
    });
  }
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (item.depth >= MAX_HANDOFF_DEPTH) continue;
    for (const onward of onwardHandoffs(file, taint.functionFacts(item.fn), item.fn, item.index)) {
      for (const target of resolveCallees(file, onward.call)) if (target.file === file) add(target.fn, onward.index, item.reference, item.depth + 1);
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
  call.arguments.forEach((argument, index) => {
    const reference = argument.type === 'SpreadElement' ? null : handedReference(taint.file, argument);
    if (reference === null) return;
    const seen = new Set<string>();
    const visit = (target: FunctionTarget, parameter: number, depth: number): void => {
      const key = `${target.file.absolutePath}:${target.fn.range[0]}:${parameter}`;
      if (depth > MAX_HANDOFF_DEPTH || seen.has(key)) return;
      seen.add(key);
      const parameters = (fn: FunctionNode, at: number): readonly ApiReference[] => (fn === target.fn && at === parameter ? [reference] : []);
      if (target.file !== taint.file) {
        for (const { call: registration } of target.file.taint.parameterCalls(target.fn, parameter)) {
          for (const match of matchRegistration(target.file, registration, parameters)) found.push({ argument, file: target.file, call: registration, match });
        }
      }
      for (const onward of onwardHandoffs(target.file, target.file.taint.functionFacts(target.fn), target.fn, parameter)) {
        for (const next of resolveCallees(target.file, onward.call)) visit(next, onward.index, depth + 1);
      }
    };
    for (const target of resolveCallees(taint.file, call)) visit(target, index, 0);
  });
  return found;
}
