/**
 * What a call is given for one of its settings: a positional argument, or a property of an options object
 * passed inline or through a `const` (`argon2.hash(pw, HASH_OPTIONS)`). The answer says whether the setting
 * is absent (the library default applies), a known constant, or unknown (computed, spread, from config).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from './static-values.js';
import { isReassigned } from '../scope/scope-facts.js';

export type CallSetting =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'constant'; readonly value: unknown; readonly node: TSESTree.Node };

/** How many `const a = b` links an options object is followed through. */
const MAX_ALIAS_DEPTH = 4;

export function callSetting(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argumentIndex: number,
  property: string | undefined,
  values: StaticValues,
  scope: ScopeFacts,
): CallSetting {
  const argument = call.arguments[argumentIndex];
  if (argument === undefined) return { kind: 'absent' };
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  const node = property === undefined ? argument : optionNode(argument, property, scope, 0);
  if (node === 'absent' || node === 'unknown') return { kind: node };
  const known = values.valueOf(node);
  return known === null ? { kind: 'unknown' } : { kind: 'constant', value: known.value, node };
}

function optionNode(expression: TSESTree.Node, property: string, scope: ScopeFacts, depth: number): TSESTree.Node | 'absent' | 'unknown' {
  const value = unwrapExpression(expression);
  if (value.type === 'Identifier' && depth < MAX_ALIAS_DEPTH) {
    const initializer = constInitializer(value, scope);
    return initializer === null ? 'unknown' : optionNode(initializer, property, scope, depth + 1);
  }
  if (value.type !== 'ObjectExpression') return 'unknown';
  const found = findProperty(value, property);
  if (found !== null) return found.value;
  // A spread may supply the property; without it, the library default applies.
  return value.properties.some((member) => member.type === 'SpreadElement') ? 'unknown' : 'absent';
}

/** The initializer of a variable bound once and never reassigned, or null. */
function constInitializer(identifier: TSESTree.Identifier, scope: ScopeFacts): TSESTree.Expression | null {
  const variable = scope.variableOf(identifier);
  if (variable === null || variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
  const declarator = definition.node;
  if (declarator.id !== definition.name || declarator.init === null) return null;
  const reassigned = isReassigned(variable);
  return reassigned ? null : declarator.init;
}
