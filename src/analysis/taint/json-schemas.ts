/**
 * Reading JSON schemas written as object literals (Fastify route schemas, ajv): is the value at a path one the
 * schema admits only as a number, boolean, enum member, constant or safe string format? Schemas are followed
 * through `const` bindings, `properties` and `items`; anything unreadable counts as unsafe.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, unwrapExpression } from '../node-shapes.js';
import { SAFE_JSON_FORMATS, SAFE_JSON_TYPES } from '../../models/sanitizers/json-schema.js';
import type { TaintEvaluator } from './evaluator.js';
import { isAnchoredAllowListSource } from './regex-allow-lists.js';

const MAX_SCHEMA_NESTING = 8;

/** The object literal a schema expression holds (through `const` bindings and `as const`), or null. */
export function schemaObject(ev: TaintEvaluator, node: TSESTree.Node | undefined | null, depth = 0): TSESTree.ObjectExpression | null {
  if (node === undefined || node === null || depth > MAX_SCHEMA_NESTING) return null;
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return null;
  const variable = ev.file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name) return null;
  return schemaObject(ev, definition.node.init, depth + 1);
}

/** True when every value the schema admits at `path` is safe in any sink. */
export function isJsonSchemaSafeAt(ev: TaintEvaluator, schema: TSESTree.Node | undefined | null, path: readonly string[], depth = 0): boolean {
  const object = schemaObject(ev, schema);
  if (object === null || depth > MAX_SCHEMA_NESTING) return false;
  const [head, ...rest] = path;
  if (head === undefined) return isSafeLeaf(ev, object);
  if (/^\d+$|^\*$/.test(head)) {
    const items = findProperty(object, 'items');
    if (items !== null) return isJsonSchemaSafeAt(ev, items.value, rest, depth + 1);
  }
  const properties = schemaObject(ev, findProperty(object, 'properties')?.value);
  const field = properties === null ? null : findProperty(properties, head);
  return field !== null && isJsonSchemaSafeAt(ev, field.value, rest, depth + 1);
}

function isSafeLeaf(ev: TaintEvaluator, object: TSESTree.ObjectExpression): boolean {
  if (findProperty(object, 'enum') !== null || findProperty(object, 'const') !== null) return true;
  const type = findProperty(object, 'type');
  const types = type === null ? null : ev.file.values.possibleValues(type.value);
  const declared = types?.length === 1 ? types[0] : undefined;
  const typeNames = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  if (typeNames.length > 0 && typeNames.every((name) => typeof name === 'string' && SAFE_JSON_TYPES.includes(name))) return true;
  const format = findProperty(object, 'format');
  const formatName = format === null ? null : ev.file.values.stringOf(format.value);
  if (formatName !== null && SAFE_JSON_FORMATS.includes(formatName)) return true;
  const pattern = findProperty(object, 'pattern');
  const source = pattern === null ? null : ev.file.values.stringOf(pattern.value);
  return source !== null && isAnchoredAllowListSource(source);
}
