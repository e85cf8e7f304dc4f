/**
 * Where a function is registered as a request handler: passed to a modeled registration call directly,
 * inside an array, through one wrapper call (`asyncHandler(fn)`), or as an options property (`{ handler }`).
 * The registration also tells what runs before the handler (validation chains, route schemas).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { RequestHandlerRow } from '../../models/concepts.js';
import { staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import type { FunctionNode } from './taint-types.js';

/** Uses of a function as a value: the expression itself, and every read of the name it is bound to. */
function usesOf(file: FileContext, fn: FunctionNode): TSESTree.Node[] {
  const uses: TSESTree.Node[] = [fn];
  const name = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent.id : null;
  if (name !== null && name !== undefined && name.type === 'Identifier') {
    const variable = file.scope.variableOf(name);
    for (const reference of variable?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
  }
  return uses;
}

export interface Registration {
  readonly row: RequestHandlerRow;
  readonly module: string;
  /** The registering call, and where the handler sits in it: an argument index, or a property of an options argument. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly argumentIndex: number;
  readonly property: string | null;
}

export function registrationsOf(file: FileContext, fn: FunctionNode): Registration[] {
  const found: Registration[] = [];
  for (const use of usesOf(file, fn)) {
    let value: TSESTree.Node = use;
    if (value.parent?.type === 'ArrayExpression') value = value.parent;
    const parent = value.parent;
    if (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') {
      const argumentIndex = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
      if (argumentIndex < 0) continue;
      const direct = registrationRows(file, parent, argumentIndex, null);
      // One wrapper level: `app.get('/x', asyncHandler(async (req, res) => ...))` still hands the request to fn.
      const outer = parent.parent;
      const wrapped = direct.length === 0 && outer?.type === 'CallExpression' ? registrationRows(file, outer, outer.arguments.indexOf(parent as TSESTree.CallExpressionArgument), null) : [];
      found.push(...direct, ...wrapped);
    } else if (parent?.type === 'Property' && parent.value === value && parent.parent.type === 'ObjectExpression') {
      const object = parent.parent;
      const call = object.parent;
      const key = staticPropertyName(parent);
      if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && key !== null) {
        found.push(...registrationRows(file, call, call.arguments.indexOf(object), key));
      }
      found.push(...memberRegistrations(file, object));
    }
  }
  return found;
}

/**
 * `server.addService(Service, { sayHello(call, callback) {...} })`, or the object held in a variable passed
 * there: each member of an object a `members` row registers is a handler.
 */
function memberRegistrations(file: FileContext, object: TSESTree.ObjectExpression): Registration[] {
  let value: TSESTree.Node = object;
  if (value.parent?.type === 'TSAsExpression' || value.parent?.type === 'TSSatisfiesExpression') value = value.parent;
  const holder = value.parent;
  const uses: TSESTree.Node[] = [value];
  if (holder?.type === 'VariableDeclarator' && holder.init === value && holder.id.type === 'Identifier') {
    for (const reference of file.scope.variableOf(holder.id)?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
  }
  const found: Registration[] = [];
  for (const use of uses) {
    const call = use.parent;
    if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') continue;
    const argumentIndex = call.arguments.indexOf(use as TSESTree.CallExpressionArgument);
    found.push(...registrationRows(file, call, argumentIndex, null, true));
  }
  return found;
}

function registrationRows(file: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, argumentIndex: number, property: string | null, members = false): Registration[] {
  if (argumentIndex < 0) return [];
  const rows: Registration[] = [];
  for (const match of file.concepts.callsTo(call, 'request-handler')) {
    const { row } = match;
    if (row.argument !== undefined && row.argument !== argumentIndex) continue;
    if ((row.property ?? null) !== property) continue;
    if (row.event !== undefined && !namesEvent(call, row.event)) continue;
    if ((row.members === true) !== members) continue;
    rows.push({ row, module: match.reference.module, call, argumentIndex, property });
  }
  return rows;
}

/** `wss.on('connection', listener)`: argument 0 is the event the row registers for. */
export function namesEvent(call: TSESTree.CallExpression | TSESTree.NewExpression, event: string): boolean {
  const first = call.arguments[0];
  return first !== undefined && stringLiteralValue(unwrapExpression(first)) === event;
}
