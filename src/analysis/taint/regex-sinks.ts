/**
 * Built-in pattern sinks: the global `RegExp` (called or with `new`) compiles argument 0 as a pattern, and
 * `match`/`matchAll`/`search` on a string turn a string argument into one (`new RegExp(arg)`). Names are
 * resolved first: a local or imported `RegExp` is not the global. A method counts only on a receiver known to
 * be a string, since `router.match(path)` or `index.search(q)` on other objects compile nothing.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { GLOBAL_REGEX_SINKS, STRING_PATTERN_METHODS } from '../../models/sanitizers/globals.js';
import type { FileTaint } from './file-taint.js';
import type { CallNode } from './function-facts.js';
import type { SinkSite } from './sinks.js';

export function globalRegexSinks(taint: FileTaint, call: CallNode): SinkSite[] {
  const callee = unwrapExpression(call.callee);
  const pattern = call.arguments[0];
  if (pattern === undefined || pattern.type === 'SpreadElement') return [];
  if (callee.type === 'Identifier') {
    if (!GLOBAL_REGEX_SINKS.has(callee.name) || !taint.file.scope.isGlobalReference(callee)) return [];
    return [{ target: pattern, api: call.type === 'NewExpression' ? `new ${callee.name}` : callee.name }];
  }
  if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression') return [];
  const method = staticPropertyName(callee);
  if (method === null || !STRING_PATTERN_METHODS.has(method) || !isKnownString(taint, callee.object)) return [];
  return [{ target: pattern, api: `String.prototype.${method}` }];
}

/** A string literal or template, a constant string, a variable or parameter typed `string`, or request data itself. */
export function isKnownString(taint: FileTaint, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'TemplateLiteral' || (value.type === 'Literal' && typeof value.value === 'string')) return true;
  if (taint.file.values.stringOf(value) !== null) return true;
  if (value.type === 'Identifier' && isDeclaredString(taint, value)) return true;
  // Request data read as a field (`req.query.text`) is a string, or an array whose `match` does not exist.
  return taint.evaluator.valueOf(value, 0).some((origin) => origin.type === 'source');
}

function isDeclaredString(taint: FileTaint, identifier: TSESTree.Identifier): boolean {
  const variable = taint.file.scope.variableOf(identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const name = definition?.name;
  if (name === undefined || name.type !== 'Identifier' || name.typeAnnotation === undefined) return false;
  return name.typeAnnotation.typeAnnotation.type === 'TSStringKeyword';
}
