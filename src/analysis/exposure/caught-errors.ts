/**
 * Which variables hold an error the program caught rather than built: a `catch (err)` parameter, the reason a
 * `.catch(fn)` or `.then(ok, fn)` callback receives, the first parameter of an error-first callback, of an
 * Express error handler (four parameters) or of an exception filter's `catch(exception, host)`. Such an error
 * may come from a driver, a library or the runtime, so its stack, fields and message describe the server.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';

/** Names that say a callback's first parameter is the error (Node's error-first convention). */
const ERROR_NAME = /^(?:e|err|error|ex|exc|exception|reason|[a-z]\w*(?:Error|Err|Exception))$/;

export interface CaughtError {
  readonly variable: VariableLike;
  /** The try statement whose handler binds it, for `catch (err)`. */
  readonly tryStatement: TSESTree.TryStatement | null;
}

/** The caught error `node` (an identifier) reads, or null. */
export function caughtErrorOf(file: FileContext, node: TSESTree.Node): CaughtError | null {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || definition === undefined) return null;
  if (definition.type === 'CatchClause') {
    const clause = definition.node as TSESTree.CatchClause;
    if (clause.param !== definition.name) return null;
    return { variable, tryStatement: clause.parent.type === 'TryStatement' ? clause.parent : null };
  }
  if (definition.type !== 'Parameter') return null;
  const fn = definition.node as TSESTree.FunctionLike;
  if (!('params' in fn) || fn.params[0] !== definition.name) return null;
  return isErrorReceiver(fn, variable.name) ? { variable, tryStatement: null } : null;
}

function isErrorReceiver(fn: TSESTree.FunctionLike, name: string): boolean {
  const parent = fn.parent;
  if (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const callee = unwrapExpression(parent.callee);
    const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
    if (method === 'catch' && parent.arguments[0] === fn) return true;
    if (method === 'then' && parent.arguments[1] === fn) return true;
    return ERROR_NAME.test(name);
  }
  if (!ERROR_NAME.test(name)) return false;
  // An Express error handler declared on its own: `function onError(err, req, res, next)`.
  if (fn.params.length === 4) return true;
  // A NestJS exception filter: `catch(exception: unknown, host: ArgumentsHost)`.
  return parent?.type === 'MethodDefinition' && staticPropertyName(parent) === 'catch';
}

/** True when `node` reads `variable` (an identifier resolving to it). */
export function readsVariable(file: FileContext, node: TSESTree.Node, variable: VariableLike): boolean {
  return node.type === 'Identifier' && file.scope.variableOf(node) === variable;
}
