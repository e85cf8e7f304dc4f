/**
 * Is a value the same bytes on every run? An IV or key spelled as a literal, `Buffer.alloc(16)` (zeros),
 * `Buffer.alloc(16, 1)`, `new Uint8Array(16)`, `Buffer.from('...')` or `Buffer.from([0, 1, ...])` of constants,
 * a modeled byte encoding of a constant (`CryptoJS.enc.Hex.parse('00...')`), followed through `const` bindings
 * and imports. Anything computed at run time is not.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ConceptQueries } from '../concepts/concept-queries.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from './static-values.js';

export type ConstantBytes = 'zeros' | 'constant';

const TYPED_ARRAYS: ReadonlySet<string> = new Set(['Uint8Array', 'Int8Array', 'Uint16Array', 'Uint32Array']);

export function constantBytes(node: TSESTree.Node, values: StaticValues, scope: ScopeFacts, concepts: ConceptQueries): ConstantBytes | null {
  const place = values.placeOf(node);
  if (place === null) return null;
  // A value spelled in another module is judged by folding alone: its calls resolve in that module's scope.
  if (place.values !== values) return place.values.isConstant(place.node) ? 'constant' : null;
  const value = unwrapExpression(place.node);
  if (value.type === 'Literal' || value.type === 'TemplateLiteral') return values.isConstant(value) ? 'constant' : null;
  if (value.type === 'NewExpression') {
    const callee = unwrapExpression(value.callee);
    const size = value.arguments[0];
    const isTypedArray = callee.type === 'Identifier' && TYPED_ARRAYS.has(callee.name) && scope.isGlobalReference(callee);
    return isTypedArray && size !== undefined && typeof values.valueOf(size)?.value === 'number' ? 'zeros' : null;
  }
  if (value.type !== 'CallExpression') return null;
  const callee = unwrapExpression(value.callee);
  const first = value.arguments[0];
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && scope.isGlobalReference(callee.object)) {
    const method = staticPropertyName(callee);
    const argumentsConstant = value.arguments.every((argument) => values.isConstant(argument));
    if (method === 'alloc' && first !== undefined && argumentsConstant) return value.arguments.length === 1 || values.valueOf(value.arguments[1] as TSESTree.Node)?.value === 0 ? 'zeros' : 'constant';
    if (method === 'from' && first !== undefined && argumentsConstant) return 'constant';
    return null;
  }
  const encoding = concepts.callTo(value, 'byte-encoding');
  return encoding?.target !== null && encoding?.target !== undefined && values.isConstant(encoding.target) ? 'constant' : null;
}
