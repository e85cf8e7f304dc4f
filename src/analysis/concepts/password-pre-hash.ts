/**
 * Is a digest a pre-hash: the input of a slow password hash or of its verification? `bcrypt.hash(sha256(pw))`
 * works around bcrypt's 72-byte limit, `argon2.hash(md5(pw))` wraps legacy hashes; the password is still
 * stretched by the slow hash, so the fast digest is not how it is stored. The digest's value is followed forward:
 * through calls on it (`.digest('base64')`, `.toLowerCase()`), `await`, `Buffer.from`/`String`, variables written
 * once, and the return of a function of this file whose every use is a call whose value is such an input.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingClassOfThis, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { VariableLike } from '../scope/scope-types.js';
import type { ConceptQueries } from './concept-queries.js';

/** Variables, wrappers and helper returns followed this many steps; real pre-hash code takes one or two. */
const MAX_STEPS = 4;
/** Calls on a value (`a.b().c()`) climbed per step. */
const MAX_CHAIN_LENGTH = 8;
/** Global conversions that keep the digest's value (`Buffer.from(hex, 'hex')`, `String(d)`). */
const PASSING_GLOBALS: ReadonlySet<string> = new Set(['Buffer.from', 'String']);

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export class PreHashFinder {
  private readonly concepts: ConceptQueries;
  private readonly scope: ScopeFacts;

  constructor(concepts: ConceptQueries, scope: ScopeFacts) {
    this.concepts = concepts;
    this.scope = scope;
  }

  /** True when the value `node` computes is the password input of a slow hash or verification. */
  feedsPasswordHash(node: TSESTree.Node, steps = 0): boolean {
    if (steps > MAX_STEPS) return false;
    const result = valueOf(node);
    const parent = result.parent;
    if (parent === undefined) return false;
    if (parent.type === 'CallExpression' && parent.callee !== result) {
      if (this.concepts.callTo(parent, 'password-hash')?.target === result) return true;
      return this.isPassingGlobal(parent) && this.feedsPasswordHash(parent, steps + 1);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === result && parent.id.type === 'Identifier') return this.variableFeeds(parent.id, steps);
    if (parent.type === 'AssignmentExpression' && parent.right === result && parent.operator === '=' && parent.left.type === 'Identifier') return this.variableFeeds(parent.left, steps);
    if (parent.type === 'ArrowFunctionExpression' && parent.body === result) return this.everyUseFeeds(parent, steps);
    if (parent.type === 'ReturnStatement') {
      const fn = enclosingFunction(parent);
      return fn !== null && this.everyUseFeeds(fn, steps);
    }
    return false;
  }

  private isPassingGlobal(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const root = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : callee;
    if (root.type !== 'Identifier' || !this.scope.isGlobalReference(root)) return false;
    const name = callee.type === 'MemberExpression' ? `${root.name}.${staticPropertyName(callee) ?? ''}` : root.name;
    return PASSING_GLOBALS.has(name);
  }

  /** `const digest = ...` (or one assignment): some read of it is a password input. */
  private variableFeeds(identifier: TSESTree.Identifier, steps: number): boolean {
    const variable = this.scope.variableOf(identifier);
    if (variable === null) return false;
    return reads(variable).some((read) => this.feedsPasswordHash(read, steps + 1));
  }

  /** A helper returning the digest: pre-hashing when it is called in this file and every use is such a call. */
  private everyUseFeeds(fn: FunctionNode, steps: number): boolean {
    const uses = this.usesOf(fn);
    return uses !== null && uses.length > 0 && uses.every((use) => isCalleeOf(use) && this.feedsPasswordHash(use.parent as TSESTree.CallExpression, steps + 1));
  }

  /** The expressions naming `fn`: references of its binding, or `this.name` inside its class. Null when unnamed. */
  private usesOf(fn: FunctionNode): TSESTree.Node[] | null {
    const binding = bindingOf(fn);
    if (binding?.type === 'Identifier') {
      const variable = this.scope.variableOf(binding);
      return variable === null ? null : reads(variable);
    }
    const method = fn.parent;
    if (method?.type !== 'MethodDefinition' || method.static) return null;
    const name = staticPropertyName(method);
    const owner = method.parent.parent;
    if (name === null || (owner.type !== 'ClassDeclaration' && owner.type !== 'ClassExpression')) return null;
    return thisMembers(owner.body, name, owner);
  }
}

/** The outermost value a call chain ends in: `createHash().update(pw).digest()`, awaited or cast. */
function valueOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let step = 0; step < MAX_CHAIN_LENGTH; step += 1) {
    const parent = current.parent;
    if (parent === undefined) break;
    const isReceiver = parent.type === 'MemberExpression' && parent.object === current && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent;
    if (isReceiver) current = parent.parent as TSESTree.CallExpression;
    else if (parent.type === 'AwaitExpression' || parent.type === 'ChainExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') current = parent;
    else break;
  }
  return current;
}

function reads(variable: VariableLike): TSESTree.Node[] {
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

function isCalleeOf(node: TSESTree.Node): boolean {
  return node.parent?.type === 'CallExpression' && node.parent.callee === node;
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  let current: TSESTree.Node | undefined = node.parent;
  while (current !== undefined && !isFunctionNode(current)) current = current.parent;
  return current ?? null;
}

/** `function f() {}` → f; `const f = () => ...` → f; otherwise null. */
function bindingOf(fn: FunctionNode): TSESTree.Node | null {
  if (fn.type === 'FunctionDeclaration') return fn.id;
  const parent = fn.parent;
  return parent?.type === 'VariableDeclarator' && parent.init === fn ? parent.id : null;
}

/** `this.name` members of the class (the callee of `this.name(...)` calls, and any other use). */
function thisMembers(body: TSESTree.ClassBody, name: string, owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && staticPropertyName(node) === name && enclosingClassOfThis(node) === owner) found.push(node);
    for (const value of Object.values(node)) {
      if (value === node.parent) continue;
      if (Array.isArray(value)) for (const child of value) pushNode(stack, child);
      else pushNode(stack, value);
    }
  }
  return found;
}

function pushNode(stack: TSESTree.Node[], value: unknown): void {
  if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') stack.push(value as TSESTree.Node);
}
