/**
 * SQL sinks known from the SQL text, where no model knows the receiver: `connection.query('SELECT … ' + id)` on a
 * `connection` from nowhere rampart can read (an untyped parameter, an implicit global, an import it cannot
 * resolve). The call must be named like a query API and its first argument must open like an SQL statement
 * (values/sql-text.ts); a receiver that resolves to anything (a cache client, a `Map`, a project class, an
 * unmodeled library) never counts, and neither does a method name alone.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { callSitesOf } from '../modules/call-sites.js';
import { parameterIndex } from '../modules/binding-origins.js';
import { returnedValues } from '../modules/project-values.js';
import { enclosingClassOfThis, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { HOLE, sqlStatementKeyword } from '../values/sql-text.js';
import { moduleOfValue, resolveCallee } from './callee-resolver.js';
import { exportedValue } from './module-exports.js';
import type { CallNode } from './function-facts.js';

/** Method names of the SQL clients rampart has seen (pg, mysql, sqlite, knex, Sequelize, pg-promise, better-sqlite3, …). */
const QUERY_METHODS = new Set(['query', 'execute', 'exec', 'raw', 'run', 'all', 'get', 'each', 'prepare', 'any', 'one', 'many', 'none', 'oneOrNone', 'manyOrNone']);

/** Globals that are never a database handle (a `get` on them is not SQL however its text reads). */
const NON_DATABASE_GLOBALS = new Set(['Map', 'Set', 'WeakMap', 'Reflect', 'JSON', 'Object', 'Array', 'Promise', 'Math', 'Intl', 'console', 'process', 'globalThis', 'window', 'document', 'localStorage', 'sessionStorage', 'caches', 'navigator', 'URLSearchParams', 'Headers']);

/** Identifiers followed through their initialisers when reading a query's text; and the text read, at most. */
const MAX_TEXT_DEPTH = 4;
const MAX_TEXT_LENGTH = 4096;

export interface InferredSqlSink {
  readonly target: TSESTree.Node;
  readonly api: string;
}

export function inferredSqlSink(file: FileContext, call: CallNode): InferredSqlSink | null {
  if (call.type !== 'CallExpression') return null;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed) return null;
  const method = staticPropertyName(callee);
  const text = call.arguments[0];
  if (method === null || !QUERY_METHODS.has(method) || text === undefined || text.type === 'SpreadElement') return null;
  const shape = textWithHoles(file, text, 0);
  if (!shape.includes(HOLE) || sqlStatementKeyword(shape) === null) return null;
  if (!isUnresolvedReceiver(file, callee.object) || resolveCallee(file, call) !== null) return null;
  return { target: text, api: `${receiverLabel(file, callee.object)}.${method}` };
}

/** True when nothing is known of the receiver: no library value, no project class or function, no literal or built-in. */
function isUnresolvedReceiver(file: FileContext, receiver: TSESTree.Node): boolean {
  if (receiver.type === 'ThisExpression') return false;
  let root = unwrapExpression(receiver);
  while (root.type === 'MemberExpression' || root.type === 'CallExpression') root = unwrapExpression(root.type === 'MemberExpression' ? root.object : root.callee);
  return (root.type === 'Identifier' || root.type === 'ThisExpression') && !hasVisibleValue(file, receiver, 0);
}

/** Value sources followed when asking whether a receiver is visibly something: initialisers, callers, returns. */
const MAX_VISIBLE_DEPTH = 3;

/**
 * True when some value the expression can hold is visible: a library value, a literal, a `new`, a function or
 * class, a built-in global; looked for in a variable's initialiser and assignments, the arguments callers pass a
 * parameter, and the returns of the project function a call runs. Only a receiver with none of these is unknown.
 */
function hasVisibleValue(file: FileContext, node: TSESTree.Node, depth: number): boolean {
  if (file.origins.referenceOf(node) !== null) return true;
  if (depth > MAX_VISIBLE_DEPTH) return false;
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Identifier':
      return identifierHasVisibleValue(file, value, depth);
    case 'CallExpression': {
      const target = resolveCallee(file, value);
      const returned = target === null ? null : returnedValues(target.fn);
      return returned !== null && returned.some((expression) => target !== null && hasVisibleValue(target.file, expression, depth + 1));
    }
    case 'AwaitExpression':
      return hasVisibleValue(file, value.argument, depth + 1);
    case 'ConditionalExpression':
      return hasVisibleValue(file, value.consequent, depth + 1) || hasVisibleValue(file, value.alternate, depth + 1);
    case 'LogicalExpression':
      return hasVisibleValue(file, value.left, depth + 1) || hasVisibleValue(file, value.right, depth + 1);
    case 'MemberExpression':
      return value.object.type === 'ThisExpression' ? thisMemberHasVisibleValue(file, value, depth) : memberHasVisibleValue(file, value, depth);
    case 'ThisExpression':
      return false;
    default:
      // Literals, templates, objects, arrays, `new`, functions and classes are values this file builds.
      return true;
  }
}

function identifierHasVisibleValue(file: FileContext, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = file.scope.variableOf(identifier);
  if (variable === null) return file.scope.isGlobalReference(identifier) && NON_DATABASE_GLOBALS.has(identifier.name);
  const values: { file: FileContext; node: TSESTree.Node }[] = [];
  for (const definition of variable.defs) {
    if (definition.type === 'ImportBinding') continue;
    if (hasDeclaredType(definition.name)) return true;
    if (definition.type === 'Parameter') {
      if (!isFunctionNode(definition.node)) return true;
      const index = parameterIndex(definition.node, definition.name);
      const parameter = definition.node.params[index];
      if (parameter?.type === 'AssignmentPattern') values.push({ file, node: parameter.right });
      for (const site of callSitesOf(file, definition.node) ?? []) {
        const argument = site.call.arguments[index];
        if (argument !== undefined && argument.type !== 'SpreadElement') values.push({ file: site.file, node: argument });
      }
    } else if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
      if (definition.node.init !== null) values.push({ file, node: definition.node.init });
    } else {
      return true;
    }
  }
  for (const reference of variable.references) {
    const assignment = reference.identifier.parent;
    if (reference.isWrite() && assignment?.type === 'AssignmentExpression' && assignment.left === reference.identifier) values.push({ file, node: assignment.right });
  }
  return values.some((entry) => hasVisibleValue(entry.file, entry.node, depth + 1));
}

/** `models.cache` (an export of a project module) or `db.cache` (a property of an object literal variable). */
function memberHasVisibleValue(file: FileContext, member: TSESTree.MemberExpression, depth: number): boolean {
  const name = staticPropertyName(member);
  const object = unwrapExpression(member.object);
  if (name === null) return false;
  const module = moduleOfValue(file, object);
  const exported = module === null ? null : exportedValue(module, name, 0);
  if (exported !== null) return hasVisibleValue(exported.file, exported.node, depth + 1);
  const held = object.type === 'Identifier' ? file.origins.objectPropertyValue(object, name) : null;
  return held !== null && hasVisibleValue(file, held, depth + 1);
}

/** A type annotation says what the value is (a project interface is not a database handle rampart knows); `any` says nothing. */
function hasDeclaredType(name: TSESTree.Node): boolean {
  const annotation = name.type === 'Identifier' ? name.typeAnnotation?.typeAnnotation : undefined;
  return annotation !== undefined && annotation.type !== 'TSAnyKeyword' && annotation.type !== 'TSUnknownKeyword';
}

/** `this.audit`: a class field's type or initialiser, a typed constructor parameter property, or what the constructor assigns. */
function thisMemberHasVisibleValue(file: FileContext, member: TSESTree.MemberExpression, depth: number): boolean {
  const owner = enclosingClassOfThis(member);
  const name = staticPropertyName(member);
  if (owner === null || name === null) return false;
  for (const element of owner.body.body) {
    if (element.type === 'PropertyDefinition' && staticPropertyName(element) === name) {
      const annotation = element.typeAnnotation?.typeAnnotation;
      if (element.value !== null || (annotation !== undefined && annotation.type !== 'TSAnyKeyword' && annotation.type !== 'TSUnknownKeyword')) return true;
    }
    if (element.type !== 'MethodDefinition' || element.kind !== 'constructor') continue;
    for (const parameter of element.value.params) {
      if (parameter.type === 'TSParameterProperty' && parameter.parameter.type === 'Identifier' && parameter.parameter.name === name) return hasDeclaredType(parameter.parameter);
    }
    for (const statement of element.value.body?.body ?? []) {
      const expression = statement.type === 'ExpressionStatement' ? statement.expression : null;
      if (expression?.type !== 'AssignmentExpression' || expression.left.type !== 'MemberExpression' || expression.left.object.type !== 'ThisExpression') continue;
      if (staticPropertyName(expression.left) === name && hasVisibleValue(file, expression.right, depth + 1)) return true;
    }
  }
  return false;
}

function receiverLabel(file: FileContext, receiver: TSESTree.Node): string {
  const text = file.source.text.slice(receiver.range[0], receiver.range[1]);
  return text.length <= 40 && !text.includes('\n') ? text : '(receiver)';
}

/**
 * The constant text of a query argument with HOLE for each value spliced in: literals, templates, `+` chains,
 * constants, and variables through their initialiser (`let sql = 'SELECT …'; sql += …` reads the head).
 */
function textWithHoles(file: FileContext, node: TSESTree.Node, depth: number): string {
  const value = unwrapExpression(node);
  const constant = file.values.stringOf(value);
  if (constant !== null) return constant.slice(0, MAX_TEXT_LENGTH);
  if (depth > MAX_TEXT_DEPTH) return HOLE;
  switch (value.type) {
    case 'TemplateLiteral': {
      let text = value.quasis[0]?.value.cooked ?? '';
      value.expressions.forEach((expression, index) => {
        text += textWithHoles(file, expression, depth + 1) + (value.quasis[index + 1]?.value.cooked ?? '');
      });
      return text.slice(0, MAX_TEXT_LENGTH);
    }
    case 'BinaryExpression':
      return value.operator === '+'
        ? (textWithHoles(file, value.left, depth + 1) + textWithHoles(file, value.right, depth + 1)).slice(0, MAX_TEXT_LENGTH)
        : HOLE;
    case 'Identifier': {
      const variable = file.scope.variableOf(value);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const declarator = definition?.node;
      if (variable === null || declarator?.type !== 'VariableDeclarator' || declarator.id !== definition?.name || declarator.init === null) return HOLE;
      const writes = variable.references.filter((reference) => reference.isWrite() && reference.init !== true);
      // `sql += ' WHERE id = ' + id` keeps the head and splices more; any other write makes the text unknown.
      if (writes.some((write) => write.identifier.parent?.type !== 'AssignmentExpression' || write.identifier.parent.operator !== '+=')) return HOLE;
      return textWithHoles(file, declarator.init, depth + 1) + (writes.length > 0 ? HOLE : '');
    }
    default:
      return HOLE;
  }
}
