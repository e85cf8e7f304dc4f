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

/** The field a resolver resolves: its key in the resolver map or root value (`userByName: (parent, args) => ...`). */
export function resolverField(fn: FunctionNode): string | null {
  return fn.parent?.type === 'Property' && fn.parent.value === fn ? staticPropertyName(fn.parent) : null;
}

/** What GraphQL coerces a declared argument to: text (String, ID) or a number or boolean (Int, Float, Boolean). */
type ArgumentScalar = 'text' | 'number';

const SCALARS: Readonly<Record<string, ArgumentScalar>> = { String: 'text', ID: 'text', Int: 'number', Float: 'number', Boolean: 'number' };
const SDL_TEXT = /`([^`]*\btype\s+(?:Query|Mutation|Subscription)\b[^`]*)`|'([^'\n]*\btype\s+(?:Query|Mutation|Subscription)\b[^'\n]*)'|"([^"\n]*\btype\s+(?:Query|Mutation|Subscription)\b[^"\n]*)"/g;
const ROOT_TYPE = /\b(?:extend\s+)?type\s+(?:Query|Mutation|Subscription)\b[^{]*\{([^}]*)\}/g;
const FIELD = /(\w+)\s*\(([^()]*)\)/g;
const ARGUMENT = /(\w+)\s*:\s*(\[?)\s*(\w+)/g;

const declaredArguments = new WeakMap<FileContext, ReadonlyMap<string, ReadonlyMap<string, ArgumentScalar | null>>>();

/**
 * The scalar a root field's argument is declared as in the schema text of this file (`gql` templates,
 * `buildSchema('type Query { user(name: String): User }')`): GraphQL rejects an object for a String argument,
 * so `args.name` is text there. Null when the file declares no such argument, or as a list or input type.
 */
export function declaredArgumentScalar(file: FileContext, field: string, argument: string): ArgumentScalar | null {
  let fields = declaredArguments.get(file);
  if (fields === undefined) {
    fields = rootFieldArguments(file.source.text);
    declaredArguments.set(file, fields);
  }
  return fields.get(field)?.get(argument) ?? null;
}

function rootFieldArguments(text: string): ReadonlyMap<string, ReadonlyMap<string, ArgumentScalar | null>> {
  const fields = new Map<string, Map<string, ArgumentScalar | null>>();
  if (!/\btype\s+(?:Query|Mutation|Subscription)\b/.test(text)) return fields;
  for (const sdl of text.matchAll(SDL_TEXT)) {
    for (const root of (sdl[1] ?? sdl[2] ?? sdl[3] ?? '').matchAll(ROOT_TYPE)) {
      for (const field of (root[1] ?? '').matchAll(FIELD)) {
        const name = field[1] ?? '';
        const declared = fields.get(name) ?? new Map<string, ArgumentScalar | null>();
        for (const argument of (field[2] ?? '').matchAll(ARGUMENT)) {
          const scalar = argument[2] === '' ? (SCALARS[argument[3] ?? ''] ?? null) : null;
          const key = argument[1] ?? '';
          // Two declarations that disagree (a field on Query and on Mutation): the weaker one holds.
          declared.set(key, declared.has(key) && declared.get(key) !== scalar ? null : scalar);
        }
        fields.set(name, declared);
      }
    }
  }
  return fields;
}
