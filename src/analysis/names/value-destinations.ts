/**
 * Where a value ends up, told by names: follow an expression outward through what keeps its content
 * (`.toString(36).slice(2)`, `Math.floor(x * 1e6)`, `String(x)`, a digest of it, a template or concatenation)
 * to the name it is stored, returned, compared or sent under: `const resetToken = ...`, `user.sessionId = ...`,
 * `{ otp: ... }`, `function generateToken() { return ... }`, `res.cookie('sid', ...)`, `x === req.query.token`.
 * A neutral variable (`const value = ...`) is followed to its uses, a bounded number of hops.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isFunctionNode, parentOf, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from '../values/static-values.js';
import { valueName } from './password-evidence.js';
import { securityRoleOf, type SecurityRole } from './security-names.js';

export interface Destination {
  readonly role: SecurityRole;
  readonly name: string;
  /** The node naming the destination (a variable, a key, a function name, a compared value). */
  readonly node: TSESTree.Node;
  readonly how: 'stored as' | 'returned from' | 'compared with' | 'sent as';
}

export interface DestinationOptions {
  /** The value a call returns when `argument` is (part of) its input and it keeps the content: a digest. */
  readonly throughCall?: (call: TSESTree.CallExpression, argument: TSESTree.Node) => TSESTree.Node | null;
  /** Whether a part joined with the value (`prefix + value`, a template's other parts) leaves it as it was. */
  readonly isJoinable?: (part: TSESTree.Node) => boolean;
}

const MAX_STEPS = 16;
const MAX_VARIABLE_HOPS = 2;
const MAX_REFERENCES = 8;

/** String and number methods whose result is made of the receiver's content. */
const CONTENT_METHODS: ReadonlySet<string> = new Set([
  'toString', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'trim', 'replace',
  'replaceAll', 'toFixed', 'toPrecision', 'concat', 'digest', 'readUIntBE', 'readUIntLE', 'readUInt32BE', 'readUInt32LE', 'valueOf',
]);

/** Global functions whose result is made of their argument's content. */
const CONTENT_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt', 'encodeURIComponent', 'btoa']);
/** Methods that return the receiver's element at the index given: `ALPHABET.charAt(i)`. */
const PICKING_METHODS: ReadonlySet<string> = new Set(['charAt', 'at', 'charCodeAt', 'codePointAt']);
const MATH_ROUNDING: ReadonlySet<string> = new Set(['floor', 'round', 'ceil', 'trunc', 'abs']);
const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
const EQUALITY: ReadonlySet<string> = new Set(['===', '==', '!==', '!=']);

export class DestinationFinder {
  private readonly scope: ScopeFacts;
  private readonly values: StaticValues;
  private readonly options: DestinationOptions;

  constructor(scope: ScopeFacts, values: StaticValues, options: DestinationOptions = {}) {
    this.scope = scope;
    this.values = values;
    this.options = options;
  }

  /** The security-named destination of the value `node` computes, or null when it goes nowhere named so. */
  find(node: TSESTree.Node, hops = 0): Destination | null {
    let current: TSESTree.Node = node;
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const parent = parentOf(current);
      if (parent === null) return null;
      const next = this.carrier(current, parent);
      if (next === 'stop') return null;
      if (next !== null) {
        current = next;
        continue;
      }
      return this.destinationAt(current, parent, hops);
    }
    return null;
  }

  /** The node that carries `current`'s content one step up, null when `parent` is a destination, 'stop' otherwise. */
  private carrier(current: TSESTree.Node, parent: TSESTree.Node): TSESTree.Node | null | 'stop' {
    switch (parent.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
      case 'AwaitExpression':
      case 'ConditionalExpression':
      case 'LogicalExpression':
        return parent.type === 'ConditionalExpression' && parent.test === current ? 'stop' : parent;
      case 'MemberExpression': {
        // `ALPHABET[index]`: an element picked by the value is as predictable as the value.
        if (parent.computed && parent.property === current) return parent;
        const call = parent.parent;
        const method = staticPropertyName(parent);
        const isMethodCall = parent.object === current && call?.type === 'CallExpression' && call.callee === parent;
        return isMethodCall && method !== null && CONTENT_METHODS.has(method) ? call : 'stop';
      }
      case 'CallExpression':
        return parent.callee === current ? 'stop' : (this.throughArgument(parent, current) ?? null);
      case 'BinaryExpression':
        if (EQUALITY.has(parent.operator)) return null;
        if (!ARITHMETIC.has(parent.operator)) return 'stop';
        return this.joinable(parent.left === current ? parent.right : parent.left) ? parent : 'stop';
      case 'TemplateLiteral':
        return parent.expressions.every((part) => part === current || this.joinable(part)) ? parent : 'stop';
      default:
        return null;
    }
  }

  private throughArgument(call: TSESTree.CallExpression, argument: TSESTree.Node): TSESTree.Node | null {
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'Identifier' && CONTENT_FUNCTIONS.has(callee.name) && this.scope.isGlobalReference(callee)) return call;
    if (callee.type === 'MemberExpression' && call.arguments[0] === argument && PICKING_METHODS.has(staticPropertyName(callee) ?? '')) return call;
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && this.scope.isGlobalReference(callee.object)) {
      const owner = callee.object.name;
      const method = staticPropertyName(callee);
      if (owner === 'Math' && method !== null && MATH_ROUNDING.has(method)) return call;
      if (owner === 'Buffer' && method === 'from') return call;
    }
    return this.options.throughCall?.(call, argument) ?? null;
  }

  private joinable(part: TSESTree.Node): boolean {
    return this.values.isConstant(part) || this.options.isJoinable?.(part) === true;
  }

  private destinationAt(current: TSESTree.Node, parent: TSESTree.Node, hops: number): Destination | null {
    switch (parent.type) {
      case 'VariableDeclarator':
        if (parent.init !== current || parent.id.type !== 'Identifier') return null;
        return this.named(parent.id, parent.id.name, 'stored as') ?? this.throughVariable(parent.id, hops);
      case 'AssignmentExpression': {
        if (parent.right !== current || (parent.operator !== '=' && parent.operator !== '+=')) return null;
        const name = valueName(parent.left);
        const named = name === null ? null : this.named(parent.left, name, 'stored as');
        return named ?? (parent.left.type === 'Identifier' ? this.throughVariable(parent.left, hops) : null);
      }
      case 'Property':
      case 'PropertyDefinition': {
        if (parent.value !== current) return null;
        const name = staticPropertyName(parent);
        return name === null ? null : this.named(parent.key, name, 'stored as');
      }
      case 'ReturnStatement':
        return this.returnedFrom(parent);
      case 'ArrowFunctionExpression':
        return parent.body === current ? this.returnedFrom(parent) : null;
      case 'BinaryExpression': {
        const other = parent.left === current ? parent.right : parent.left;
        const name = valueName(other);
        return name === null ? null : this.named(other, name, 'compared with');
      }
      case 'CallExpression': {
        // `res.cookie('sid', value)`, `res.setHeader('X-Auth-Token', value)`, `cache.set('otp', value)`.
        const index = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
        const label = index >= 1 && parent.arguments[0] !== undefined ? this.values.stringOf(parent.arguments[0]) : null;
        return label === null ? null : this.named(parent.arguments[0] as TSESTree.Node, label, 'sent as');
      }
      default:
        return null;
    }
  }

  private named(node: TSESTree.Node, name: string, how: Destination['how']): Destination | null {
    const role = securityRoleOf(name);
    return role === null ? null : { role, name, node, how };
  }

  /** A neutral variable (`const id = ...`): where its reads go. */
  private throughVariable(identifier: TSESTree.Identifier, hops: number): Destination | null {
    if (hops >= MAX_VARIABLE_HOPS) return null;
    const variable = this.scope.variableOf(identifier);
    if (variable === null) return null;
    let seen = 0;
    for (const reference of variable.references) {
      if (seen >= MAX_REFERENCES) break;
      if (reference.isWrite()) continue;
      seen += 1;
      const found = this.find(reference.identifier, hops + 1);
      if (found !== null) return found;
    }
    return null;
  }

  private returnedFrom(node: TSESTree.Node): Destination | null {
    let current: TSESTree.Node | null = node;
    while (current !== null && !isFunctionNode(current)) current = parentOf(current);
    if (current === null) return null;
    const named = functionName(current);
    return named === null ? null : this.named(named.node, named.name, 'returned from');
  }
}

function functionName(fn: TSESTree.Node): { node: TSESTree.Node; name: string } | null {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id !== null && fn.id !== undefined) return { node: fn.id, name: fn.id.name };
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return { node: parent.id, name: parent.id.name };
  if (parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') {
    const name = staticPropertyName(parent);
    return name === null ? null : { node: parent.key, name };
  }
  return null;
}
