/**
 * Where a class gives `this.<name>` a value, indexed by name in one pass over the class body: instance fields,
 * constructor parameter properties and `this.name = value` statements of the constructor, in source order.
 * ApiOrigins asks this for every `this.x` it resolves; scanning the whole body per member was quadratic in
 * large classes.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName } from '../node-shapes.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export type ThisMemberSource =
  | { readonly kind: 'field'; readonly field: TSESTree.PropertyDefinition }
  | { readonly kind: 'parameter-property'; readonly parameter: TSESTree.Identifier }
  | { readonly kind: 'constructor-assignment'; readonly value: TSESTree.Expression };

export function indexThisMembers(owner: ClassNode): ReadonlyMap<string, readonly ThisMemberSource[]> {
  const index = new Map<string, ThisMemberSource[]>();
  const add = (name: string, source: ThisMemberSource): void => {
    const sources = index.get(name);
    if (sources === undefined) index.set(name, [source]);
    else sources.push(source);
  };
  for (const element of owner.body.body) {
    if (element.type === 'PropertyDefinition' && !element.static) {
      const name = staticPropertyName(element);
      if (name !== null) add(name, { kind: 'field', field: element });
    }
    if (element.type !== 'MethodDefinition' || element.kind !== 'constructor') continue;
    for (const parameter of element.value.params) {
      if (parameter.type === 'TSParameterProperty' && parameter.parameter.type === 'Identifier') {
        add(parameter.parameter.name, { kind: 'parameter-property', parameter: parameter.parameter });
      }
    }
    for (const statement of element.value.body?.body ?? []) {
      const assigned = thisAssignment(statement);
      if (assigned !== null) add(assigned.name, { kind: 'constructor-assignment', value: assigned.value });
    }
  }
  return index;
}

function thisAssignment(statement: TSESTree.Statement): { readonly name: string; readonly value: TSESTree.Expression } | null {
  if (statement.type !== 'ExpressionStatement') return null;
  const expression = statement.expression;
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return null;
  const target = expression.left;
  if (target.type !== 'MemberExpression' || target.object.type !== 'ThisExpression') return null;
  const name = staticPropertyName(target);
  return name === null ? null : { name, value: expression.right };
}
