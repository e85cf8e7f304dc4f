/**
 * Reading a modeled JWT call: the options it is given (through `const`s, spreads, nested option objects and
 * imports, as call-options.ts reads them), what kind of key a verifier is handed (a public key, a key set
 * looked up by `kid`, a key function), and the text edit that adds an option to an options literal.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CallSetting } from '../values/call-options.js';
import type { PropertyPlace, StaticValues, ValuePlace } from '../values/static-values.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { isPublicKeyMaterial } from '../secrets/secret-values.js';
import type { OptionSlot } from '../../models/auth-concepts.js';
import type { ConceptQueries } from './concept-queries.js';

type JwtCall = TSESTree.CallExpression | TSESTree.NewExpression;

/** Replaces `range` of the file's text with `text` (the shape of a rule's suggestion edit). */
export interface OptionEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Names and file names that say a key is public: `JWT_PUBLIC_KEY`, `cert`, `'keys/public.pem'`, `jwks`. */
const PUBLIC_KEY_NAME = /public|pubkey|(?:^|[^a-z])pub(?:[^a-z]|$)|cert|jwks|\.pem$|\.crt$/i;

/** True for a function the call is given where options go (`verify(token, key, callback)`): no options then. */
function isFunctionValue(node: TSESTree.Node, scope: ScopeFacts): boolean {
  const value = unwrapExpression(node);
  if (isFunctionNode(value)) return true;
  if (value.type !== 'Identifier') return false;
  const definition = scope.variableOf(value)?.defs[0];
  return definition?.type === 'FunctionName';
}

/** Where the value at `slot` is spelled: the argument, or the (dotted) property of the options object it is. */
export function slotPlace(call: JwtCall, slot: OptionSlot, values: StaticValues): PropertyPlace {
  const argument = call.arguments[slot.argument];
  if (argument === undefined) return { kind: 'absent' };
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  let place: ValuePlace = { node: argument, values };
  for (const name of slot.property?.split('.') ?? []) {
    const found = place.values.propertyPlace(place.node, name);
    if (found.kind !== 'found') return found;
    place = found.place;
  }
  return { kind: 'found', place };
}

/** The options object at `slot`; a callback where the options may go (`verify(token, key, callback)`) means none. */
function optionsPlace(call: JwtCall, slot: OptionSlot, values: StaticValues, scope: ScopeFacts): PropertyPlace {
  const argument = call.arguments[slot.argument];
  if (slot.property === undefined && argument !== undefined && argument.type !== 'SpreadElement' && isFunctionValue(argument, scope)) return { kind: 'absent' };
  return slotPlace(call, slot, values);
}

/** The value of option `option` of the options object at `slot`: absent, unknown, or a constant with its node. */
export function optionSetting(call: JwtCall, slot: OptionSlot, option: string, values: StaticValues, scope: ScopeFacts): CallSetting {
  const object = optionsPlace(call, slot, values, scope);
  if (object.kind !== 'found') return object;
  const found = object.place.values.propertyPlace(object.place.node, option);
  if (found.kind !== 'found') return found;
  const known = found.place.values.valueOf(found.place.node);
  if (known === null) return { kind: 'unknown' };
  const argument = call.arguments[slot.argument];
  const node = found.place.values === values || argument === undefined ? found.place.node : argument;
  return { kind: 'constant', value: known.value, node };
}

/** The node written in this file for a setting, for reports and edits; null when it is spelled in another module. */
export function localNode(call: JwtCall, slot: OptionSlot, option: string, values: StaticValues, scope: ScopeFacts): TSESTree.Node | null {
  const object = optionsPlace(call, slot, values, scope);
  if (object.kind !== 'found' || object.place.values !== values) return null;
  const found = values.propertyPlace(object.place.node, option);
  return found.kind === 'found' && found.place.values === values ? found.place.node : null;
}

export type KeyKind = 'public-key' | 'key-set' | 'key-function';

/** What a verifier's key is, when it can be told: the cases where a token's own header must not pick the algorithm. */
export function keyKind(node: TSESTree.Node, values: StaticValues, scope: ScopeFacts, concepts: ConceptQueries): KeyKind | null {
  const value = unwrapExpression(node);
  if (concepts.valueIs(value, 'jwt-key-set') !== null) return 'key-set';
  if (isFunctionValue(value, scope)) return 'key-function';
  const text = values.stringOf(value);
  if (text !== null) return isPublicKeyMaterial(text) ? 'public-key' : null;
  return namesPublicKey(value, scope, 0) ? 'public-key' : null;
}

function namesPublicKey(value: TSESTree.Node, scope: ScopeFacts, depth: number): boolean {
  if (depth > 2) return false;
  switch (value.type) {
    case 'Identifier': {
      if (PUBLIC_KEY_NAME.test(value.name)) return true;
      const definition = scope.variableOf(value)?.defs[0];
      const init = definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator' ? definition.node.init : null;
      return init !== null && namesPublicKey(unwrapExpression(init), scope, depth + 1);
    }
    case 'MemberExpression': {
      const name = staticPropertyName(value);
      return name !== null && PUBLIC_KEY_NAME.test(name);
    }
    case 'CallExpression': {
      // `readFileSync('keys/public.pem')`, `getPublicKey()`
      const callee = value.callee.type === 'MemberExpression' ? staticPropertyName(value.callee) : value.callee.type === 'Identifier' ? value.callee.name : null;
      if (callee !== null && PUBLIC_KEY_NAME.test(callee) && !/^read/i.test(callee)) return true;
      return value.arguments.some((argument) => argument.type === 'Literal' && typeof argument.value === 'string' && PUBLIC_KEY_NAME.test(argument.value));
    }
    case 'AwaitExpression':
      return namesPublicKey(unwrapExpression(value.argument), scope, depth + 1);
    default:
      return false;
  }
}

/**
 * An edit that adds `option: valueText` to the options at `slot`, when they are written inline (or absent and the
 * call's earlier arguments are all there): nested option objects along a dotted property are created as needed.
 */
export function addOptionEdit(call: JwtCall, slot: OptionSlot, option: string, valueText: string): OptionEdit | null {
  const path = [...(slot.property?.split('.') ?? []), option];
  const argument = call.arguments[slot.argument];
  if (argument === undefined) {
    const previous = call.arguments[slot.argument - 1];
    if (previous === undefined || call.arguments.length !== slot.argument) return null;
    return { range: [previous.range[1], previous.range[1]], text: `, ${nested(path, valueText)}` };
  }
  const value = unwrapExpression(argument);
  if (isFunctionNode(value) && path.length === 1) return { range: [argument.range[0], argument.range[0]], text: `${nested(path, valueText)}, ` };
  let object: TSESTree.Node = value;
  for (let index = 0; index < path.length; index += 1) {
    if (object.type !== 'ObjectExpression') return null;
    const name = path[index] ?? '';
    const existing = object.properties.find((property) => property.type === 'Property' && staticPropertyName(property) === name);
    if (existing?.type === 'Property') {
      object = unwrapExpression(existing.value);
      continue;
    }
    if (object.properties.some((property) => property.type === 'SpreadElement')) return null;
    const text = `${name}: ${nested(path.slice(index + 1), valueText)}`;
    const first = object.properties[0];
    if (first === undefined) return { range: [object.range[0], object.range[1]], text: `{ ${text} }` };
    return { range: [first.range[0], first.range[0]], text: `${text}, ` };
  }
  return null;
}

/** `['a', 'b'], 'x'` → `{ a: { b: x } }`; an empty path is the value itself. */
function nested(path: readonly string[], valueText: string): string {
  const [head, ...rest] = path;
  return head === undefined ? valueText : `{ ${head}: ${nested(rest, valueText)} }`;
}
