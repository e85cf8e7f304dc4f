/**
 * The backward evaluation at the heart of the engine: which origins may an expression's value come from?
 * Demand-driven (only expressions a sink asks about are evaluated), memoized per node, bounded in depth and
 * per-file budget. Results are symbolic: a request source, or "parameter i of function f at path p", which
 * the caller resolves at each call site (summaries, not inlining).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { cutsSoFar, recordCut } from './bounds.js';
import { callValue, configuredSource, newValue } from './calls.js';
import { guardedBits } from './guards.js';
import { asText, CLEAN, sanitize, union } from './origins.js';
import { requestChainValue } from './request-chains.js';
import { MAX_EVALUATION_DEPTH, MAX_EVALUATIONS_PER_FILE, MAX_MEMBER_PATH, type Origin } from './taint-types.js';
import type { FileTaint } from './file-taint.js';
import { identifierValue } from './variables.js';
import { placedInUrl, prefixText, templatePrefix } from './url-positions.js';

const PENDING: readonly Origin[] = Object.freeze([]) as readonly Origin[];

export class TaintEvaluator {
  private readonly memo = new WeakMap<TSESTree.Node, readonly Origin[]>();
  /**
   * At least MAX_EVALUATIONS_PER_FILE, and one evaluation per 4 characters of a larger file: the bound grows
   * with the file, so cost stays linear in its size while a big generated module is still read to its end.
   */
  private budget: number;
  private readonly initialBudget: number;

  readonly file: FileContext;
  readonly taint: FileTaint;

  constructor(file: FileContext, taint: FileTaint) {
    this.file = file;
    this.taint = taint;
    this.initialBudget = Math.max(MAX_EVALUATIONS_PER_FILE, Math.ceil(file.source.text.length / 4));
    this.budget = this.initialBudget;
  }

  /** Origins of `node`'s whole value. */
  valueOf(node: TSESTree.Node, depth: number): readonly Origin[] {
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    if (depth > MAX_EVALUATION_DEPTH || this.budget <= 0) return this.cutShort();
    this.spend();
    const cutsBefore = cutsSoFar();
    this.memo.set(node, PENDING); // a cycle (`s = s + x`) reads as clean; the other writes still count
    const result = this.compute(node, [], depth + 1);
    if (cutsSoFar() === cutsBefore) this.memo.set(node, result);
    else this.memo.delete(node);
    return result;
  }

  /** One evaluation from the file's budget; the last one tells the file that later questions go unanswered. */
  private spend(): void {
    this.budget -= 1;
    if (this.budget === 0) {
      this.file.noteLimit(
        `${this.initialBudget} taint evaluations for this file`,
        'request data was not followed any further in this file; findings after the bound may be missing (split the file)',
      );
    }
  }

  /** The answer past a bound: clean (quiet), and remembered as incomplete. */
  cutShort(): readonly Origin[] {
    recordCut();
    return CLEAN;
  }

  /** Origins of `node.path[0].path[1]...`: member paths matter for request objects, object literals and schemas. */
  valueAt(node: TSESTree.Node, path: readonly string[], depth: number): readonly Origin[] {
    if (path.length === 0) return this.valueOf(node, depth);
    if (depth > MAX_EVALUATION_DEPTH || this.budget <= 0) return this.cutShort();
    this.spend();
    return this.compute(node, path.slice(0, MAX_MEMBER_PATH), depth + 1);
  }

  private compute(raw: TSESTree.Node, path: readonly string[], depth: number): readonly Origin[] {
    const node = unwrapExpression(raw);
    switch (node.type) {
      case 'Identifier':
        return this.guarded(node, path, identifierValue(this, node, path, depth));
      case 'MemberExpression':
        return this.guarded(node, path, this.memberValue(node, path, depth));
      case 'CallExpression':
        return requestChainValue(this, node, path, depth) ?? callValue(this, node, path, depth);
      case 'NewExpression':
        return newValue(this, node, depth);
      case 'AwaitExpression':
        return this.valueAt(node.argument, path, depth);
      case 'TemplateLiteral':
        // Each part is placed in the URL the text may be (url-positions.ts): after a fixed `https://host/` it cannot move the host.
        return asText(union(...node.expressions.map((expression, index) => placedInUrl(this.valueOf(expression, depth), templatePrefix(this.file.values, node, index)))));
      case 'BinaryExpression':
        // Arithmetic and comparisons yield numbers and booleans: nothing to inject; `+` yields text (or a number).
        return node.operator === '+' ? this.concatenationValue(node, depth) : CLEAN;
      case 'LogicalExpression':
        return union(this.valueAt(node.left, path, depth), this.valueAt(node.right, path, depth));
      case 'ConditionalExpression':
        return union(this.valueAt(node.consequent, path, depth), this.valueAt(node.alternate, path, depth));
      case 'SequenceExpression': {
        const last = node.expressions[node.expressions.length - 1];
        return last === undefined ? CLEAN : this.valueAt(last, path, depth);
      }
      case 'AssignmentExpression':
        return this.assignmentValue(node, path, depth);
      case 'ArrayExpression':
        return union(...node.elements.map((element) => (element === null ? CLEAN : this.valueOf(element.type === 'SpreadElement' ? element.argument : element, depth))));
      case 'ObjectExpression':
        return this.objectValue(node, path, depth);
      case 'TaggedTemplateExpression':
        return this.isGlobal(node.tag, 'String', 'raw') ? asText(union(...node.quasi.expressions.map((expression) => this.valueOf(expression, depth)))) : CLEAN;
      default:
        return CLEAN;
    }
  }

  /**
   * `a + b + c + ...` nests to the left, one level per operand: a WHERE clause spliced from nine request fields
   * is 28 levels deep. The chain is read as one list of operands, each evaluated at the same depth, so a long
   * flat concatenation never reaches the depth bound (each right operand keeps the constant text before it,
   * which decides whether it can move a URL's host).
   */
  private concatenationValue(node: TSESTree.BinaryExpression, depth: number): readonly Origin[] {
    const parts: Array<readonly Origin[]> = [];
    let current: TSESTree.Node = node;
    while (current.type === 'BinaryExpression' && current.operator === '+') {
      parts.push(placedInUrl(this.valueOf(current.right, depth), prefixText(this.file.values, current.left)));
      const left: TSESTree.Node = unwrapExpression(current.left);
      if (left.type !== 'BinaryExpression' || left.operator !== '+' || this.memo.has(left)) {
        parts.push(this.valueOf(current.left, depth));
        break;
      }
      current = left;
    }
    return asText(union(...parts.reverse()));
  }

  private memberValue(node: TSESTree.MemberExpression, path: readonly string[], depth: number): readonly Origin[] {
    const chained = requestChainValue(this, node, path, depth);
    if (chained !== null) return chained;
    const configured = this.file.project.conceptIndex.modulesFor('request-input').size === 0 ? null : configuredSource(this, node, this.file.origins.referenceOf(node));
    if (configured !== null) return configured;
    const name = this.memberName(node);
    // `.length` of anything is a number.
    if (name === 'length' && path.length === 0) return CLEAN;
    if (node.object.type === 'ThisExpression') return CLEAN;
    return this.valueAt(node.object, [name, ...path], depth);
  }

  /** A member's static name, a constant computed key, or `*` for any other computed key. */
  memberName(node: TSESTree.MemberExpression): string {
    const name = staticPropertyName(node);
    if (name !== null) return name;
    const key = node.computed ? this.file.values.valueOf(node.property) : null;
    return key !== null && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : '*';
  }

  private assignmentValue(node: TSESTree.AssignmentExpression, path: readonly string[], depth: number): readonly Origin[] {
    if (node.operator === '=') return this.valueAt(node.right, path, depth);
    if (node.operator === '+=' || node.operator === '??=' || node.operator === '||=' || node.operator === '&&=') {
      return union(this.valueOf(node.left, depth), this.valueOf(node.right, depth));
    }
    return CLEAN;
  }

  /** An object literal read at a path takes that property (field-sensitive); read whole, any property. */
  private objectValue(node: TSESTree.ObjectExpression, path: readonly string[], depth: number): readonly Origin[] {
    const [head, ...rest] = path;
    const parts: Array<readonly Origin[]> = [];
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        parts.push(this.valueAt(property.argument, path, depth));
        continue;
      }
      if (property.kind !== 'init' || property.value.type === 'FunctionExpression' || property.value.type === 'ArrowFunctionExpression') continue;
      const key = staticPropertyName(property);
      if (head === undefined || key === null || head === '*') parts.push(this.valueOf(property.value, depth));
      else if (key === head) parts.push(this.valueAt(property.value, rest, depth));
    }
    return union(...parts);
  }

  private guarded(node: TSESTree.Node, path: readonly string[], origins: readonly Origin[]): readonly Origin[] {
    if (origins.length === 0 || path.length > 0) return origins;
    return sanitize(origins, guardedBits(this, node));
  }

  /** True when `node` is the real global `name` (or `name.member`). */
  isGlobal(node: TSESTree.Node, name: string, member?: string): boolean {
    const value = unwrapExpression(node);
    if (member !== undefined) {
      return value.type === 'MemberExpression' && staticPropertyName(value) === member && this.isGlobal(value.object, name);
    }
    return value.type === 'Identifier' && value.name === name && this.file.scope.isGlobalReference(value);
  }
}
