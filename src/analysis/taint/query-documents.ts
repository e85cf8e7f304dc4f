/**
 * The values of a query document (a MongoDB filter or pipeline) that the database reads as query syntax. A
 * document written as an object or array literal (directly, or in a `const` never written to later) is read
 * key by key, so `{ email: { $eq: input } }` is not confused with `{ email: input }`: values under a literal
 * key (`$eq`, `$in`) are compared as values, and an object there is just a value. Any other document is one
 * value, evaluated whole.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';

/** Literal nesting followed inside one document; deeper values are taken whole. */
const MAX_DOCUMENT_DEPTH = 8;
/** Values returned per document; past it the rest of the document is taken whole. */
const MAX_DOCUMENT_VALUES = 64;

/** The nodes of `document` that must not carry a request object: its query values, or the document itself. */
export function queryDocumentValues(file: FileContext, document: TSESTree.Node, literalKeys: readonly string[]): readonly TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  collect(file, document, new Set(literalKeys), values, 0);
  return values;
}

function collect(file: FileContext, node: TSESTree.Node, literalKeys: ReadonlySet<string>, values: TSESTree.Node[], depth: number): void {
  const literal = depth < MAX_DOCUMENT_DEPTH && values.length < MAX_DOCUMENT_VALUES ? literalOf(file, node) : null;
  if (literal === null) {
    values.push(node);
    return;
  }
  if (literal.type === 'ArrayExpression') {
    for (const element of literal.elements) {
      if (element === null) continue;
      if (element.type === 'SpreadElement') values.push(element.argument);
      else collect(file, element, literalKeys, values, depth + 1);
    }
    return;
  }
  for (const property of literal.properties) {
    if (property.type === 'SpreadElement') {
      values.push(property.argument);
      continue;
    }
    const key = staticPropertyName(property);
    if (key !== null && literalKeys.has(key)) continue;
    collect(file, property.value, literalKeys, values, depth + 1);
  }
}

/** The object or array literal `node` is: written in place, or the initializer of a `const` no code writes into. */
function literalOf(file: FileContext, node: TSESTree.Node): TSESTree.ObjectExpression | TSESTree.ArrayExpression | null {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression' || value.type === 'ArrayExpression') return value;
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name) return null;
  const init = definition.node.init === null ? null : unwrapExpression(definition.node.init);
  if (init?.type !== 'ObjectExpression' && init?.type !== 'ArrayExpression') return null;
  // `filter.email = req.body.email` or `filter[k] = v` after the declaration: the literal is not the whole story.
  const mutated = variable.references.some((reference) => {
    if (reference.isWrite() && reference.init !== true) return true;
    const parent = reference.identifier.parent;
    return parent?.type === 'MemberExpression' && parent.object === reference.identifier && isWrittenMember(parent);
  });
  return mutated ? null : init;
}

function isWrittenMember(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  if (parent?.type === 'AssignmentExpression' && parent.left === member) return true;
  // `filter.$or.push(x)`, `filter.list[0] = x`: a write below the member.
  return parent?.type === 'MemberExpression' && parent.object === member;
}
