/**
 * Where a constant string comes from: the literal nodes an expression's value can be, followed through `const`
 * bindings, members of `const` object literals (`config.jwt.secret`), defaults after `||`/`??`
 * (`process.env.X || 'dev'`), both branches of `?:`, array elements, and byte encoders (`Buffer.from(s)`,
 * `new TextEncoder().encode(s)`). StaticValues answers "which values"; this answers "written where", so a
 * rule can point at the line that holds the value, which is where the fix goes. Bounded like StaticValues.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from './static-values.js';
import { isReassigned } from '../scope/scope-facts.js';

const MAX_DEPTH = 16;
const MAX_RESULTS = 16;

export interface ConstantString {
  readonly value: string;
  /** The literal that spells the value, or the constant expression (`'a' + B`) that folds to it. */
  readonly node: TSESTree.Node;
  /** True when the value applies only if a non-constant value is missing: `process.env.X || 'dev'`. */
  readonly isFallback: boolean;
}

interface Walk {
  readonly out: ConstantString[];
  readonly seen: Set<TSESTree.Node>;
  /** Whether the elements of an array count as its values (`secret: ['new', 'old']` is a list of secrets). */
  readonly throughArrays: boolean;
}

export class ConstantStrings {
  private readonly scope: ScopeFacts;
  private readonly values: StaticValues;

  constructor(scope: ScopeFacts, values: StaticValues) {
    this.scope = scope;
    this.values = values;
  }

  /**
   * The constant strings `node` can evaluate to, or that sit at `propertyPath` inside the object it evaluates to
   * (`['connection', 'password']`). Values that are not known constants (`process.env.X`, `config.get('k')`)
   * contribute nothing. `throughArrays: false` keeps an array's elements out (a list named `secrets` may be
   * a list of names).
   */
  of(node: TSESTree.Node, propertyPath: readonly string[] = [], options: { readonly throughArrays: boolean } = { throughArrays: true }): readonly ConstantString[] {
    const walk: Walk = { out: [], seen: new Set(), throughArrays: options.throughArrays };
    this.collect(node, propertyPath, false, 0, walk);
    return walk.out;
  }

  private collect(node: TSESTree.Node, path: readonly string[], isFallback: boolean, depth: number, walk: Walk): void {
    if (depth > MAX_DEPTH || walk.out.length >= MAX_RESULTS) return;
    const value = unwrapExpression(node);
    switch (value.type) {
      case 'Identifier': {
        const initializer = this.constInitializer(value);
        if (initializer !== null && !walk.seen.has(initializer)) {
          walk.seen.add(initializer);
          this.collect(initializer, path, isFallback, depth + 1, walk);
        }
        return;
      }
      case 'MemberExpression': {
        if (value.object.type === 'ThisExpression' || value.object.type === 'Super') return;
        const name = value.computed ? this.values.stringOf(value.property) : staticPropertyName(value);
        if (name !== null) this.collect(value.object, [name, ...path], isFallback, depth + 1, walk);
        return;
      }
      case 'LogicalExpression': {
        this.collect(value.left, path, isFallback, depth + 1, walk);
        // `a || 'dev'`: the right side is a default for whenever the non-constant left side is missing.
        const isDefault = value.operator !== '&&' && !this.values.isConstant(value.left);
        this.collect(value.right, path, isFallback || isDefault, depth + 1, walk);
        return;
      }
      case 'ConditionalExpression':
        this.collect(value.consequent, path, isFallback, depth + 1, walk);
        this.collect(value.alternate, path, isFallback, depth + 1, walk);
        return;
      case 'ObjectExpression': {
        const [head, ...rest] = path;
        const property = head === undefined ? null : lastProperty(value, head);
        if (property !== null) this.collect(property.value, rest, isFallback, depth + 1, walk);
        return;
      }
      case 'ArrayExpression':
        if (path.length === 0 && !walk.throughArrays) return;
        for (const [index, element] of value.elements.entries()) {
          if (element === null || element.type === 'SpreadElement') continue;
          if (path.length === 0) this.collect(element, path, isFallback, depth + 1, walk);
          else if (path[0] === String(index)) this.collect(element, path.slice(1), isFallback, depth + 1, walk);
        }
        return;
      case 'CallExpression': {
        const encoded = path.length === 0 ? this.encodedArgument(value) : null;
        if (encoded !== null) this.collect(encoded, path, isFallback, depth + 1, walk);
        return;
      }
      case 'Literal':
        if (path.length === 0 && typeof value.value === 'string') walk.out.push({ value: value.value, node: value, isFallback });
        return;
      case 'TemplateLiteral':
      case 'BinaryExpression':
        if (path.length === 0) this.fold(value, isFallback, walk);
        return;
      default:
        return;
    }
  }

  private fold(node: TSESTree.Node, isFallback: boolean, walk: Walk): void {
    for (const folded of this.values.possibleValues(node) ?? []) {
      if (typeof folded === 'string' && walk.out.length < MAX_RESULTS) walk.out.push({ value: folded, node, isFallback });
    }
  }

  /** `const x = init` never written again (what StaticValues follows), else null. */
  private constInitializer(identifier: TSESTree.Identifier): TSESTree.Expression | null {
    const variable = this.scope.variableOf(identifier);
    if (variable === null || variable.defs.length !== 1) return null;
    const definition = variable.defs[0];
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
    const declarator = definition.node;
    if (declarator.id !== definition.name || declarator.init === null) return null;
    const reassigned = isReassigned(variable);
    return reassigned ? null : declarator.init;
  }

  /**
   * The string a byte encoder is given: `Buffer.from(s)`, `Buffer.from(s, 'utf8')`, `new TextEncoder().encode(s)`
   * (the globals, not local look-alikes). The bytes are the string's, so a constant string is a constant key.
   */
  private encodedArgument(call: TSESTree.CallExpression): TSESTree.Node | null {
    const argument = call.arguments[0];
    const callee = unwrapExpression(call.callee);
    if (argument === undefined || argument.type === 'SpreadElement' || callee.type !== 'MemberExpression') return null;
    const method = staticPropertyName(callee);
    let receiver = unwrapExpression(callee.object);
    if (method === 'from') return this.isGlobal(receiver, 'Buffer') ? argument : null;
    if (method !== 'encode') return null;
    if (receiver.type === 'Identifier') receiver = this.constInitializer(receiver) ?? receiver;
    return receiver.type === 'NewExpression' && this.isGlobal(unwrapExpression(receiver.callee), 'TextEncoder') ? argument : null;
  }

  private isGlobal(node: TSESTree.Node, name: string): boolean {
    return node.type === 'Identifier' && node.name === name && this.scope.isGlobalReference(node);
  }
}

/** The property a reader of `object[name]` gets: the last one with that static key (later keys win). */
function lastProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type === 'Property' && property.kind === 'init' && staticPropertyName(property) === name) found = property;
  }
  return found;
}
