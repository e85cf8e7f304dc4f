/**
 * The parts of an argument that supply a whole object, keys included: the argument itself, or, for an object
 * literal (written there or in a `const`), only what it spreads (`{ ...req.body }`). A literal's own properties
 * have keys the code chose, so request values under them cannot add options such as `layout` or `settings`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { unwrapExpression } from '../node-shapes.js';

export function wholeObjectParts(file: FileContext, node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const literal = objectLiteralOf(file, node);
  if (literal === null) return [node];
  // `{ ...errors }` where `errors` is itself a literal with keys the code chose: follow it (a few levels).
  if (depth >= MAX_SPREAD_DEPTH) return [];
  return literal.properties.flatMap((property) => (property.type === 'SpreadElement' ? wholeObjectParts(file, property.argument, depth + 1) : []));
}

/** Object literals spread into object literals, followed this deep; past it the spread counts as clean (quiet). */
const MAX_SPREAD_DEPTH = 4;

function objectLiteralOf(file: FileContext, node: TSESTree.Node): TSESTree.ObjectExpression | null {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  const init = unwrapExpression(definition.node.init);
  return init.type === 'ObjectExpression' ? init : null;
}
