/**
 * Calls made on a parameter of a function: `app.get(...)` or `app.route('/x').post(...)` where `app` is the
 * function's parameter. What the parameter holds is known only to callers, which append these steps to the
 * reference of what they pass (an express app) to see whether the calls register routes.
 */
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { CALL } from '../modules/api-reference.js';
import type { CallNode, FunctionFacts } from './function-facts.js';
import type { FunctionNode } from './taint-types.js';

export interface ParameterCall {
  readonly call: CallNode;
  /** Member and call steps from the parameter to the callee: `['get']`, `['route', '()', 'post']`. */
  readonly steps: readonly string[];
}

/** Chains followed from a callee down to the parameter. */
const MAX_CHAIN = 8;

export function callsOnParameter(file: FileContext, facts: FunctionFacts, fn: FunctionNode, index: number): ParameterCall[] {
  const parameter = fn.params[index];
  if (parameter?.type !== 'Identifier') return [];
  const found: ParameterCall[] = [];
  for (const call of facts.calls) {
    const steps: string[] = [];
    let node = unwrapExpression(call.callee);
    for (let length = 0; length < MAX_CHAIN; length += 1) {
      if (node.type === 'MemberExpression') {
        const name = staticPropertyName(node);
        if (name === null) break;
        steps.unshift(name);
        node = unwrapExpression(node.object);
      } else if (node.type === 'CallExpression') {
        steps.unshift(CALL);
        node = unwrapExpression(node.callee);
      } else {
        break;
      }
    }
    if (node.type !== 'Identifier' || steps.length === 0) continue;
    const variable = file.scope.variableOf(node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Parameter' && definition.node === fn && definition.name === parameter) found.push({ call, steps });
  }
  return found;
}
