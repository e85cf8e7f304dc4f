/** Schema validation (zod, joi, yup): filled in by schema-models; until a schema is recognized, a parse passes taint. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiReference } from '../modules/api-reference.js';
import type { TaintEvaluator } from './evaluator.js';
import type { Origin } from './taint-types.js';

export function schemaParseValue(_ev: TaintEvaluator, _call: TSESTree.CallExpression, _reference: ApiReference, _path: readonly string[], _anchor: TSESTree.Node, _depth: number): readonly Origin[] | null {
  return null;
}
