/**
 * Reading a modeled crypto call: the algorithm it names (an argument folded to a constant, a fixed name, or
 * the member the path went through), and the value and node of an argument slot (an argument or an option).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { callSetting, type CallSetting } from '../values/call-options.js';
import type { StaticValues } from '../values/static-values.js';
import type { AlgorithmSource, ArgumentSlot } from '../../models/crypto-concepts.js';
import type { ApiCall } from './concept-queries.js';

export interface NamedAlgorithm {
  readonly name: string;
  /** Where the name is written in this file: the argument, else the call. */
  readonly node: TSESTree.Node;
}

/** The algorithm a call names, or null when it is not a known constant. */
export function algorithmOf(apiCall: ApiCall, source: AlgorithmSource, values: StaticValues): NamedAlgorithm | null {
  if ('named' in source) return { name: source.named, node: apiCall.call };
  if ('step' in source) {
    const step = apiCall.reference.steps[source.step];
    const name = step === undefined ? undefined : source.names[step];
    return name === undefined ? null : { name, node: apiCall.call };
  }
  const setting = callSetting(apiCall.call, source.argument, undefined, values);
  return setting.kind === 'constant' && typeof setting.value === 'string' ? { name: setting.value, node: setting.node } : null;
}

export function slotSetting(call: TSESTree.CallExpression | TSESTree.NewExpression, slot: ArgumentSlot, values: StaticValues): CallSetting {
  return callSetting(call, slot.argument, slot.property, values);
}

/** The expression given for a slot in this file (the argument, or the option's value in an inline or `const` object), or null. */
export function slotNode(call: TSESTree.CallExpression | TSESTree.NewExpression, slot: ArgumentSlot, values: StaticValues): TSESTree.Node | null {
  const argument = call.arguments[slot.argument];
  if (argument === undefined || argument.type === 'SpreadElement') return null;
  if (slot.property === undefined) return argument;
  const found = values.propertyPlace(argument, slot.property);
  return found.kind === 'found' && found.place.values === values ? found.place.node : null;
}
