/**
 * Passwords inside the records an ORM writes and the filters a database matches: the values of password-named
 * keys in an object literal given to a modeled `mass-assignment` (create, insert, save) or `nosql-query`
 * (find, findOne) call, through nested objects and arrays (`{ $and: [{ password }] }`, Prisma's `data`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { namesPlainPassword } from '../names/plaintext-passwords.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ConceptQueries } from './concept-queries.js';

/** Bounds the descent into nested filters and records. */
const MAX_DEPTH = 4;

export interface StoredWrite {
  /** `mongoose model().create`, for messages. */
  readonly api: string;
  /** The value given to a password-named key of the written record. */
  readonly value: TSESTree.Node;
}

/** The password values a modeled record write stores. */
export function storedWrites(context: { readonly concepts: ConceptQueries }, call: TSESTree.CallExpression | TSESTree.NewExpression): StoredWrite[] {
  return context.concepts.callsTo(call, 'mass-assignment').flatMap((write) => (write.target === null ? [] : passwordValuesIn(write.target).map((value) => ({ api: write.api, value }))));
}

/** Values of password-named keys in an object literal, its nested objects and arrays. */
export function passwordValuesIn(node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const value = unwrapExpression(node);
  if (depth > MAX_DEPTH) return [];
  if (value.type === 'ArrayExpression') return value.elements.flatMap((element) => (element === null || element.type === 'SpreadElement' ? [] : passwordValuesIn(element, depth + 1)));
  if (value.type !== 'ObjectExpression') return [];
  return value.properties.flatMap((property) => {
    if (property.type !== 'Property') return [];
    const key = staticPropertyName(property);
    if (key !== null && namesPlainPassword(key)) return [property.value];
    return passwordValuesIn(property.value, depth + 1);
  });
}
