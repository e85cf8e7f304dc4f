/**
 * How a string was assembled: from which non-constant parts, and whether it was built at all (concatenation,
 * template literal, `util.format`, `concat`, `join`, `replace`, `+=`). Injection rules ask this of a sink's
 * argument: a query that is one constant, or a tagged template, is not "built from" anything.
 * Identifiers are followed to every value their variable is given in the file (bounded).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from './static-values.js';

const MAX_DEPTH = 12;
const MAX_PARTS = 64;

export interface StringAssembly {
  /** True when the value is concatenated, interpolated or formatted from parts (not a single opaque value). */
  readonly isBuilt: boolean;
  /** The parts whose value is not a compile-time constant, in source order. */
  readonly dynamicParts: readonly TSESTree.Node[];
}

const NUMERIC_GLOBALS = new Set(['Number', 'parseInt', 'parseFloat', 'Math', 'BigInt']);
const STRING_PRESERVING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'valueOf', 'normalize']);

export class StringAssemblies {
  private readonly scope: ScopeFacts;
  private readonly values: StaticValues;

  constructor(scope: ScopeFacts, values: StaticValues) {
    this.scope = scope;
    this.values = values;
  }

  of(node: TSESTree.Node): StringAssembly {
    const state = { isBuilt: false, parts: [] as TSESTree.Node[], visited: new Set<TSESTree.Node>() };
    this.collect(node, 0, state);
    return { isBuilt: state.isBuilt, dynamicParts: state.parts };
  }

  /**
   * True for a value that is a number whatever the input (`Number(x)`, `parseInt`, `+x`, `x.length`,
   * arithmetic, a parameter typed `number`): it cannot carry quotes or keywords into a string.
   */
  isNumeric(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    switch (value.type) {
      case 'Literal':
        return typeof value.value === 'number' || typeof value.value === 'bigint';
      case 'UnaryExpression':
        return value.operator === '+' || value.operator === '-' || value.operator === '~';
      case 'BinaryExpression':
        return ['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>'].includes(value.operator) ||
          (value.operator === '+' && this.isNumeric(value.left) && this.isNumeric(value.right));
      case 'CallExpression': {
        const callee = unwrapExpression(value.callee);
        if (callee.type === 'Identifier') return NUMERIC_GLOBALS.has(callee.name) && this.scope.isGlobalReference(callee);
        if (callee.type === 'MemberExpression') {
          const root = unwrapExpression(callee.object);
          if (root.type === 'Identifier' && (root.name === 'Math' || root.name === 'Number') && this.scope.isGlobalReference(root)) return true;
          const method = staticPropertyName(callee);
          return method === 'toFixed' || method === 'toPrecision' || method === 'getTime' || method === 'indexOf';
        }
        return false;
      }
      case 'MemberExpression':
        return staticPropertyName(value) === 'length';
      case 'Identifier':
        return this.isDeclaredNumeric(value);
      default:
        return false;
    }
  }

  private isDeclaredNumeric(identifier: TSESTree.Identifier): boolean {
    const variable = this.scope.variableOf(identifier);
    const name = variable?.defs.length === 1 ? variable.defs[0]?.name : undefined;
    if (name?.type !== 'Identifier' || name.typeAnnotation === undefined) return false;
    const type = name.typeAnnotation.typeAnnotation.type;
    return type === 'TSNumberKeyword' || type === 'TSBigIntKeyword' || type === 'TSBooleanKeyword';
  }

  private collect(node: TSESTree.Node, depth: number, state: { isBuilt: boolean; parts: TSESTree.Node[]; visited: Set<TSESTree.Node> }): void {
    if (state.parts.length >= MAX_PARTS) return;
    const value = unwrapExpression(node);
    if (state.visited.has(value)) return;
    state.visited.add(value);
    if (this.values.isConstant(value)) return;
    if (depth > MAX_DEPTH) {
      state.parts.push(value);
      return;
    }
    switch (value.type) {
      case 'BinaryExpression':
        if (value.operator === '+') {
          state.isBuilt = true;
          this.collect(value.left, depth + 1, state);
          this.collect(value.right, depth + 1, state);
          return;
        }
        break;
      case 'TemplateLiteral':
        state.isBuilt = true;
        for (const expression of value.expressions) this.collect(expression, depth + 1, state);
        return;
      case 'ConditionalExpression':
        this.collect(value.consequent, depth + 1, state);
        this.collect(value.alternate, depth + 1, state);
        return;
      case 'LogicalExpression':
        this.collect(value.left, depth + 1, state);
        this.collect(value.right, depth + 1, state);
        return;
      case 'CallExpression':
        if (this.collectCall(value, depth, state)) return;
        break;
      case 'Identifier':
        if (this.collectVariable(value, depth, state)) return;
        break;
      default:
        break;
    }
    state.parts.push(value);
  }

  /** String-building calls: `format(...)`, `a.concat(b)`, `[..].join()`, `s.replace(x, y)`, `s.trim()`. */
  private collectCall(call: TSESTree.CallExpression, depth: number, state: { isBuilt: boolean; parts: TSESTree.Node[]; visited: Set<TSESTree.Node> }): boolean {
    const callee = unwrapExpression(call.callee);
    const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : callee.type === 'Identifier' ? callee.name : null;
    if (method === null) return false;
    const receiver = callee.type === 'MemberExpression' ? callee.object : null;
    const argumentsOf = (from: number): void => {
      for (const argument of call.arguments.slice(from)) this.collect(argument, depth + 1, state);
    };
    switch (method) {
      case 'format':
        state.isBuilt = true;
        argumentsOf(0);
        return true;
      case 'concat':
        if (receiver === null) return false;
        state.isBuilt = true;
        this.collect(receiver, depth + 1, state);
        argumentsOf(0);
        return true;
      case 'join': {
        if (receiver === null) return false;
        state.isBuilt = true;
        const items = unwrapExpression(receiver);
        if (items.type === 'ArrayExpression') {
          for (const element of items.elements) if (element !== null) this.collect(element.type === 'SpreadElement' ? element.argument : element, depth + 1, state);
        } else if (!this.isPlaceholderList(items)) {
          state.parts.push(items);
        }
        return true;
      }
      case 'replace':
      case 'replaceAll':
        if (receiver === null) return false;
        state.isBuilt = true;
        this.collect(receiver, depth + 1, state);
        if (call.arguments[1] !== undefined) this.collect(call.arguments[1], depth + 1, state);
        return true;
      case 'repeat':
        if (receiver === null) return false;
        this.collect(receiver, depth + 1, state);
        return true;
      default:
        if (receiver !== null && STRING_PRESERVING_METHODS.has(method)) {
          this.collect(receiver, depth + 1, state);
          return true;
        }
        return false;
    }
  }

  /** `ids.map(() => '?')` or `Array(n).fill('?')`: a list of constant placeholders, whatever its length. */
  private isPlaceholderList(node: TSESTree.Node): boolean {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
    const method = staticPropertyName(node.callee);
    const argument = node.arguments[0];
    if (argument === undefined) return false;
    if (method === 'fill') return this.values.isConstant(argument);
    if (method !== 'map' || (argument.type !== 'ArrowFunctionExpression' && argument.type !== 'FunctionExpression')) return false;
    const body = argument.body;
    // The callback's second parameter is the element's index: a number.
    const index = argument.params[1];
    const isIndexOrNumber = (part: TSESTree.Node): boolean =>
      this.isNumeric(part) || (index?.type === 'Identifier' && part.type === 'Identifier' && this.scope.variableOf(part) === this.scope.variableOf(index));
    if (body.type !== 'BlockStatement') return this.values.isConstant(body) || this.of(body).dynamicParts.every(isIndexOrNumber);
    const returns = body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === 'ReturnStatement');
    return returns.length > 0 && returns.every((statement) => statement.argument !== null && this.values.isConstant(statement.argument));
  }

  /** A variable's every written value (`const q = ...`, `q += ...`, `q = ...`); false for parameters and imports. */
  private collectVariable(identifier: TSESTree.Identifier, depth: number, state: { isBuilt: boolean; parts: TSESTree.Node[]; visited: Set<TSESTree.Node> }): boolean {
    const variable = this.scope.variableOf(identifier);
    if (variable === null || variable.defs.length !== 1 || variable.defs[0]?.type !== 'Variable') return false;
    const declarator = variable.defs[0].node;
    if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return false;
    const writes = this.scope.writesOf(variable);
    if (writes.length === 0) return false;
    for (const write of writes) {
      const assignment = write.identifier.parent;
      if (assignment?.type === 'AssignmentExpression' && assignment.left === write.identifier) {
        if (assignment.operator === '+=') state.isBuilt = true;
        else if (assignment.operator !== '=') {
          state.parts.push(assignment);
          continue;
        }
        this.collect(assignment.right, depth + 1, state);
      } else if (write.writeExpr !== null && write.writeExpr !== undefined) {
        this.collect(write.writeExpr, depth + 1, state);
      } else {
        state.parts.push(write.identifier);
      }
    }
    return true;
  }
}
