/**
 * What a call is given for one of its settings: a positional argument, or a property of an options object
 * passed inline, through a `const`, merged from spreads (`{ ...DEFAULTS, cost: 8 }`: the last one wins) or
 * imported from another module (`argon2.hash(pw, HASH_OPTIONS)`). The answer says whether the setting is
 * absent (the library default applies), a known constant, or unknown (computed, from config).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { StaticValues } from './static-values.js';

export type CallSetting =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  /** `node` spells the value in this file: where it is written here, else the argument that brings it in. */
  | { readonly kind: 'constant'; readonly value: unknown; readonly node: TSESTree.Node };

export function callSetting(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argumentIndex: number,
  property: string | undefined,
  values: StaticValues,
): CallSetting {
  const argument = call.arguments[argumentIndex];
  if (argument === undefined) return { kind: 'absent' };
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  if (property === undefined) {
    const known = values.valueOf(argument);
    return known === null ? { kind: 'unknown' } : { kind: 'constant', value: known.value, node: argument };
  }
  const found = values.propertyPlace(argument, property);
  if (found.kind !== 'found') return found;
  const known = found.place.values.valueOf(found.place.node);
  if (known === null) return { kind: 'unknown' };
  // A value spelled in another module has no node in this file: point at the argument that brings it.
  return { kind: 'constant', value: known.value, node: found.place.values === values ? found.place.node : argument };
}
