/**
 * The library value of bindings that are not one plain initialiser: a variable assigned more than once (one
 * value when every assignment gives the same one), a parameter filled by the framework or a library (an
 * injection decorator, an error-first callback's result, a promise's `then`), and a parameter every caller fills
 * with the same value (asked of the project, which knows the callers). Each answer agrees or is null: a variable
 * that may hold a pool or a cache client holds neither as far as rules are concerned.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ReferenceLike } from '../scope/scope-types.js';
import { CALL, extendReference, sameReference, type ApiReference } from './api-reference.js';
import type { ApiOrigins } from './api-origins.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** What ApiOrigins asks beyond one file's bindings: the models' injection decorators and the project's functions. */
export interface OriginServices {
  /** The value a decorator (its callee's reference: `@nestjs/typeorm InjectRepository`) injects, from the models. */
  injectedBy(decorator: ApiReference): ApiReference | null;
  /** What a call of a project function returns, when every `return` of it gives one library value. */
  returnedBy(call: TSESTree.CallExpression, depth: number): ApiReference | null;
  /** What parameter `index` of a project function holds, when every caller the project shows passes one library value. */
  passedTo(fn: FunctionNode, index: number, depth: number): ApiReference | null;
}

/** A variable assigned this many times is not followed: module-level clients are set once or twice. */
const MAX_ASSIGNMENTS = 8;

/**
 * `let sequelize = create(); ... sequelize = seq` (with `seq: Sequelize`): the one library value every
 * assignment gives. `null` and `undefined` (a client not connected yet) hold no methods, so they do not
 * disagree. Any other kind of write (`+=`, destructuring, `for (x of ...)`) leaves the variable unknown.
 */
export function reassignedReference(
  origins: ApiOrigins,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Node,
  writes: readonly ReferenceLike[],
  depth: number,
): ApiReference | null {
  if (declarator.id !== name || writes.length > MAX_ASSIGNMENTS) return null;
  const values: TSESTree.Node[] = declarator.init === null ? [] : [declarator.init];
  for (const write of writes) {
    const assignment = write.identifier.parent;
    if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== write.identifier) return null;
    values.push(assignment.right);
  }
  let agreed: ApiReference | null = null;
  for (const value of values) {
    if (isNullish(value)) continue;
    const reference = origins.referenceOf(value, depth);
    if (reference === null || (agreed !== null && !sameReference(agreed, reference))) return null;
    agreed = reference;
  }
  return agreed;
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (value.type === 'Literal' && value.value === null) || (value.type === 'Identifier' && value.name === 'undefined');
}

/** `@InjectRepository(User) repo` (a parameter, a parameter property or a class property): what the decorator injects. */
export function injectedReference(origins: ApiOrigins, target: TSESTree.Node, depth: number): ApiReference | null {
  if (origins.services === null) return null;
  const holder = target.parent?.type === 'TSParameterProperty' ? target.parent : target;
  const decorators = 'decorators' in holder && Array.isArray(holder.decorators) ? (holder.decorators as readonly TSESTree.Decorator[]) : [];
  for (const decorator of decorators) {
    const expression = unwrapExpression(decorator.expression);
    const callee = expression.type === 'CallExpression' ? expression.callee : expression;
    const reference = origins.referenceOf(callee, depth);
    const injected = reference === null ? null : origins.services.injectedBy(reference);
    if (injected !== null) return injected;
  }
  return null;
}

/** An untyped parameter: the result a library hands its callback, or what the project's callers pass. */
export function parameterOrigin(origins: ApiOrigins, fn: TSESTree.Node, name: TSESTree.Node, depth: number): ApiReference | null {
  if (!isFunctionNode(fn)) return null;
  const index = parameterIndex(fn, name);
  if (index < 0) return null;
  return callbackResult(origins, fn, index, depth) ?? origins.services?.passedTo(fn, index, depth) ?? null;
}

/** The position of a plain parameter (`x`, `x = default`, `private x`); -1 for destructured ones. */
export function parameterIndex(fn: FunctionNode, name: TSESTree.Node): number {
  return fn.params.findIndex((parameter) => {
    const inner = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
    return inner === name || (inner.type === 'AssignmentPattern' && inner.left === name);
  });
}

/** Node's error-first convention names the first callback parameter so; a callback without it is not one of those. */
const ERROR_PARAMETER = /^_?(err|error|e|er|ex)$/i;

/**
 * A function literal handed to a library call receives that call's result:
 * `MongoClient.connect(url, (err, client) => ...)` and `pool.getConnection((err, conn) => ...)` (error-first:
 * the result is the second parameter, after one named like an error), `connect(url).then((client) => ...)`
 * (the promise's value is the first). Only when the call itself resolves to a library API.
 */
function callbackResult(origins: ApiOrigins, fn: FunctionNode, index: number, depth: number): ApiReference | null {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'then' && call.arguments[0] === fn) {
    return index === 0 ? origins.referenceOf(callee.object, depth) : null;
  }
  const errorParameter = fn.params[0];
  if (index !== 1 || errorParameter?.type !== 'Identifier' || !ERROR_PARAMETER.test(errorParameter.name)) return null;
  if (call.arguments[call.arguments.length - 1] !== fn) return null;
  // The callee itself, not `referenceOf(call)`: a project function's callback is not handed its return value.
  return extendReference(origins.referenceOf(call.callee, depth), CALL);
}
