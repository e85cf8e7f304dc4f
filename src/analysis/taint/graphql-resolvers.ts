/**
 * GraphQL resolver maps: `{ Query: { user: (parent, args) => ... } }` handed to a server (`new
 * ApolloServer({ resolvers })`, `makeExecutableSchema`) or typed as a resolver map (`IResolvers`). A
 * resolver's `args` parameter holds the client's arguments.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { FunctionNode } from './taint-types.js';

/** True when `fn` is a resolver in a resolver map and parameter `index` is its arguments. */
export function isResolverArgument(file: FileContext, fn: FunctionNode, index: number): boolean {
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn) return false;
  const typeMap = property.parent;
  if (typeMap.type !== 'ObjectExpression') return false;
  // A root value (`graphqlHTTP({ rootValue: { user: (args) => ... } })`) holds resolvers directly.
  if (resolverParameter(file, typeMap, true) === index) return true;
  if (typeMap.parent?.type !== 'Property') return false;
  const resolverMap = typeMap.parent.parent;
  if (resolverMap.type !== 'ObjectExpression') return false;
  const parameter = resolverParameter(file, resolverMap, false);
  return parameter === index;
}

/** The arguments parameter of the resolvers in `map` when it is a resolver map (a `flat` one, or one by type name), else null. */
function resolverParameter(file: FileContext, map: TSESTree.ObjectExpression, flat: boolean): number | null {
  let value: TSESTree.Node = map;
  if (value.parent?.type === 'TSAsExpression' || value.parent?.type === 'TSSatisfiesExpression') value = value.parent;
  if (value.parent?.type === 'ArrayExpression') value = value.parent;
  const parent = value.parent;
  if (parent?.type === 'Property') return optionParameter(file, parent, flat);
  if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(parent.id);
  if (variable === null) return null;
  const typed = file.origins.variableReference(variable, 0);
  const typedMatch = typed === null ? null : file.project.conceptIndex.match(typed, 'graphql-resolvers');
  if (typedMatch !== null && (typedMatch.row.flat === true) === flat) return typedMatch.row.parameter;
  for (const reference of variable.references) {
    let use: TSESTree.Node = reference.identifier;
    if (use.parent?.type === 'ArrayExpression') use = use.parent;
    if (use.parent?.type === 'Property') {
      const found = optionParameter(file, use.parent, flat);
      if (found !== null) return found;
    }
  }
  return null;
}

/** `{ resolvers: map }` (or shorthand) as an argument of a modeled server or schema call. */
function optionParameter(file: FileContext, property: TSESTree.Property, flat: boolean): number | null {
  const options = property.parent;
  const call = options.type === 'ObjectExpression' ? options.parent : undefined;
  if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return null;
  const key = staticPropertyName(property);
  for (const match of file.concepts.callsTo(call, 'graphql-resolvers')) {
    const argument = call.arguments[match.row.argument ?? 0];
    if (argument !== undefined && unwrapExpression(argument) === options && match.row.property === key && (match.row.flat === true) === flat) return match.row.parameter;
  }
  return null;
}
