/**
 * DTO fields validated by class-validator decorators (NestJS `@Body() dto: CreateUserDto`): reading
 * `dto.age` where the class declares `@IsInt() age` is clean for the decorator's kinds; an undecorated or
 * `@IsString()` field, and the DTO as a whole, stay request data. The DTO class may live in another module.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { classOfName } from './class-resolver.js';
import type { TaintEvaluator } from './evaluator.js';
import { kindBits } from './origins.js';

/** The kinds field `path[0]` of a parameter typed with a DTO class is proven safe for; 0 when none. */
export function dtoFieldBits(ev: TaintEvaluator, parameter: TSESTree.Node, path: readonly string[]): number {
  const field = path[0];
  const inner = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  if (field === undefined || inner.type !== 'Identifier' || inner.typeAnnotation === undefined) return 0;
  const type = inner.typeAnnotation.typeAnnotation;
  if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return 0;
  const owner = classOfName(ev.file, type.typeName, 0);
  if (owner === null || isFunctionNode(owner.cls)) return 0;
  let bits = 0;
  for (const element of owner.cls.body.body) {
    if (element.type !== 'PropertyDefinition' || staticPropertyName(element) !== field) continue;
    for (const decorator of element.decorators) {
      const expression = unwrapExpression(decorator.expression);
      const callee = expression.type === 'CallExpression' ? expression.callee : expression;
      const match = owner.file.concepts.valueIs(callee, 'field-validator');
      if (match !== null) bits |= kindBits(match.row.kinds);
    }
  }
  return bits;
}
