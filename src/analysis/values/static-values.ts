/**
 * Constant folding (after ESLint's getStaticValue): the values an expression can take when they are known
 * from the file alone. `cond ? 'ASC' : 'DESC'` folds to two values; `req.query.sort` to none (null).
 * Identifiers are followed only when bound once; every chase is bounded.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { isReassigned } from '../scope/scope-facts.js';

const MAX_DEPTH = 16;
const MAX_VALUES = 16;

export type StaticPrimitive = string | number | boolean | null | undefined | bigint;

export class StaticValues {
  private readonly memo = new WeakMap<TSESTree.Node, readonly unknown[] | null>();

  private readonly scope: ScopeFacts;

  constructor(scope: ScopeFacts) {
    this.scope = scope;
  }

  /** The single value of a constant expression, or null (not `{ value: null }`) when unknown or several. */
  valueOf(node: TSESTree.Node): { readonly value: unknown } | null {
    const values = this.possibleValues(node);
    return values !== null && values.length === 1 ? { value: values[0] } : null;
  }

  stringOf(node: TSESTree.Node): string | null {
    const found = this.valueOf(node);
    return found !== null && typeof found.value === 'string' ? found.value : null;
  }

  /** True when every value the expression can take is known from the source: a closed set of constants. */
  isConstant(node: TSESTree.Node): boolean {
    return this.possibleValues(node) !== null;
  }

  /** Every value the expression can take, or null when any is unknown. */
  possibleValues(node: TSESTree.Node, depth = 0): readonly unknown[] | null {
    if (depth > MAX_DEPTH) return null;
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    this.memo.set(node, null); // a cycle reads as unknown
    const values = this.compute(unwrapExpression(node), depth + 1);
    const bounded = values !== null && values.length <= MAX_VALUES ? values : null;
    this.memo.set(node, bounded);
    return bounded;
  }

  private compute(node: TSESTree.Node, depth: number): readonly unknown[] | null {
    switch (node.type) {
      case 'Literal':
        return 'regex' in node && node.regex !== undefined ? null : [node.value];
      case 'TemplateLiteral':
        return this.template(node, depth);
      case 'BinaryExpression':
        return this.binary(node, depth);
      case 'UnaryExpression': {
        const operand = this.possibleValues(node.argument, depth);
        if (operand === null) return null;
        return operand.map((value) => unary(node.operator, value));
      }
      case 'ConditionalExpression': {
        const whenTrue = this.possibleValues(node.consequent, depth);
        const whenFalse = this.possibleValues(node.alternate, depth);
        return whenTrue !== null && whenFalse !== null ? [...new Set([...whenTrue, ...whenFalse])] : null;
      }
      case 'LogicalExpression': {
        const left = this.possibleValues(node.left, depth);
        const right = this.possibleValues(node.right, depth);
        return left !== null && right !== null ? [...new Set([...left, ...right])] : null;
      }
      case 'Identifier':
        return this.identifier(node, depth);
      case 'MemberExpression':
        return this.member(node, depth);
      case 'ArrayExpression': {
        const items: unknown[] = [];
        for (const element of node.elements) {
          if (element === null || element.type === 'SpreadElement') return null;
          const value = this.valueOf(element);
          if (value === null) return null;
          items.push(value.value);
        }
        return [items];
      }
      case 'ObjectExpression': {
        const object: Record<string, unknown> = {};
        for (const property of node.properties) {
          if (property.type !== 'Property' || property.kind !== 'init') return null;
          const key = staticPropertyName(property);
          const value = key === null ? null : this.valueOf(property.value);
          if (key === null || value === null) return null;
          object[key] = value.value;
        }
        return [object];
      }
      case 'CallExpression':
        return this.call(node, depth);
      default:
        return null;
    }
  }

  private template(node: TSESTree.TemplateLiteral, depth: number): readonly unknown[] | null {
    let results: string[] = [node.quasis[0]?.value.cooked ?? ''];
    for (let index = 0; index < node.expressions.length; index += 1) {
      const expression = node.expressions[index];
      const values = expression === undefined ? null : this.possibleValues(expression, depth);
      if (values === null) return null;
      const tail = node.quasis[index + 1]?.value.cooked ?? '';
      const next: string[] = [];
      for (const prefix of results) for (const value of values) next.push(prefix + String(value) + tail);
      if (next.length > MAX_VALUES) return null;
      results = next;
    }
    return results;
  }

  private binary(node: TSESTree.BinaryExpression, depth: number): readonly unknown[] | null {
    if (node.left.type === 'PrivateIdentifier') return null;
    const left = this.possibleValues(node.left, depth);
    const right = left === null ? null : this.possibleValues(node.right, depth);
    if (left === null || right === null || left.length * right.length > MAX_VALUES) return null;
    const results: unknown[] = [];
    for (const a of left) {
      for (const b of right) {
        const value = binary(node.operator, a, b);
        if (value === UNKNOWN) return null;
        results.push(value);
      }
    }
    return results;
  }

  private identifier(node: TSESTree.Identifier, depth: number): readonly unknown[] | null {
    if (node.name === 'undefined' && this.scope.isGlobalReference(node)) return [undefined];
    const variable = this.scope.variableOf(node);
    if (variable === null || variable.defs.length !== 1) return null;
    const definition = variable.defs[0];
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
    const declarator = definition.node;
    if (declarator.id !== definition.name || declarator.init === null) return null;
    const reassigned = isReassigned(variable);
    if (reassigned) return null;
    return this.possibleValues(declarator.init, depth);
  }

  private member(node: TSESTree.MemberExpression, depth: number): readonly unknown[] | null {
    const objects = this.possibleValues(node.object, depth);
    if (objects === null || objects.length !== 1) return null;
    const object = objects[0];
    const key = node.computed ? this.valueOf(node.property) : { value: staticPropertyName(node) };
    if (key === null || key.value === null) return null;
    if (typeof object === 'string' && key.value === 'length') return [object.length];
    if (typeof object !== 'object' || object === null) return null;
    const name = String(key.value);
    if (!Object.prototype.hasOwnProperty.call(object, name)) return null;
    return [(object as Record<string, unknown>)[name]];
  }

  private call(node: TSESTree.CallExpression, depth: number): readonly unknown[] | null {
    const callee = node.callee;
    if (callee.type === 'Identifier' && callee.name === 'String' && this.scope.isGlobalReference(callee)) {
      const argument = node.arguments[0];
      const values = argument === undefined ? [''] : this.possibleValues(argument, depth);
      return values === null ? null : values.map((value) => String(value));
    }
    if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'join') {
      const arrays = this.possibleValues(callee.object, depth);
      const separator = node.arguments[0] === undefined ? ',' : this.stringOf(node.arguments[0]);
      if (arrays === null || arrays.length !== 1 || separator === null || !Array.isArray(arrays[0])) return null;
      return [(arrays[0] as unknown[]).join(separator)];
    }
    return null;
  }
}

const UNKNOWN = Symbol('unknown');

function unary(operator: string, value: unknown): unknown {
  switch (operator) {
    case '-':
      return -(value as number);
    case '+':
      return Number(value);
    case '!':
      return !value;
    case 'typeof':
      return typeof value;
    case 'void':
      return undefined;
    default:
      return UNKNOWN;
  }
}

function binary(operator: string, a: unknown, b: unknown): unknown {
  switch (operator) {
    case '+':
      return typeof a === 'string' || typeof b === 'string' ? String(a) + String(b) : (a as number) + (b as number);
    case '-':
      return (a as number) - (b as number);
    case '*':
      return (a as number) * (b as number);
    case '/':
      return (a as number) / (b as number);
    case '%':
      return (a as number) % (b as number);
    case '**':
      return (a as number) ** (b as number);
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    default:
      return UNKNOWN;
  }
}
