/**
 * Values an observer can predict: a call to a predictable global (`Math.random()`, `Date.now()`,
 * `new Date().getTime()`: models/libraries/predictable-values.ts), a modeled predictable API (`uuid.v1()`),
 * and expressions made only of those, constants and public values (`user.id`, `req.query.login`, `email`),
 * through the string and number methods that keep content.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ConceptQueries } from '../concepts/concept-queries.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from '../values/static-values.js';
import { PREDICTABLE_GLOBALS } from '../../models/libraries/predictable-values.js';
import { valueName } from './password-evidence.js';
import { namesPublicValue } from './security-names.js';

export interface PredictableSource {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** For messages: `Math.random()`, `a time-based UUID`. */
  readonly source: string;
  /** It draws pseudo-random numbers in [0, 1) (`Math.random()`), which a CSPRNG draw can replace one for one. */
  readonly isUnitRandom: boolean;
}

const CONTENT_METHODS: ReadonlySet<string> = new Set(['toString', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'trim', 'toFixed', 'valueOf', 'getTime', 'toISOString']);
const MAX_DEPTH = 8;

export class PredictableSources {
  private readonly scope: ScopeFacts;
  private readonly values: StaticValues;
  private readonly concepts: ConceptQueries;

  private readonly mayUseModeled: boolean;

  constructor(scope: ScopeFacts, values: StaticValues, concepts: ConceptQueries) {
    this.scope = scope;
    this.values = values;
    this.concepts = concepts;
    this.mayUseModeled = concepts.mayUse('predictable-value');
  }

  /** The predictable value this call returns, or null. */
  sourceAt(call: TSESTree.CallExpression | TSESTree.NewExpression): PredictableSource | null {
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'MemberExpression') {
      const member = staticPropertyName(callee);
      const owner = unwrapExpression(callee.object);
      if (owner.type === 'Identifier' && this.scope.isGlobalReference(owner)) {
        const row = PREDICTABLE_GLOBALS.find((candidate) => candidate.global === owner.name && candidate.member === member);
        if (row !== undefined) return { call, source: row.source, isUnitRandom: row.isRandom };
      }
      if ((member === 'getTime' || member === 'valueOf') && this.isNewDate(owner)) return { call, source: 'the clock (new Date())', isUnitRandom: false };
    }
    const modeled = this.mayUseModeled ? this.concepts.callTo(call, 'predictable-value') : null;
    return modeled === null ? null : { call, source: modeled.row.source, isUnitRandom: false };
  }

  /** True when every non-constant part of `node` is predictable or public: nothing in it is secret or random. */
  isPredictable(node: TSESTree.Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const value = unwrapExpression(node);
    if (this.values.isConstant(value)) return true;
    switch (value.type) {
      case 'TemplateLiteral':
        return value.expressions.every((part) => this.isPredictable(part, depth + 1));
      case 'BinaryExpression':
        return value.left.type !== 'PrivateIdentifier' && this.isPredictable(value.left, depth + 1) && this.isPredictable(value.right, depth + 1);
      case 'NewExpression':
        return this.isNewDate(value);
      case 'CallExpression': {
        if (this.sourceAt(value) !== null) return true;
        const callee = unwrapExpression(value.callee);
        const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
        if (callee.type === 'MemberExpression' && method !== null && CONTENT_METHODS.has(method)) return this.isPredictable(callee.object, depth + 1);
        const argument = value.arguments[0];
        return callee.type === 'Identifier' && callee.name === 'String' && this.scope.isGlobalReference(callee) && argument !== undefined && this.isPredictable(argument, depth + 1);
      }
      case 'Identifier':
      case 'MemberExpression': {
        const name = valueName(value);
        return name !== null && namesPublicValue(name);
      }
      default:
        return false;
    }
  }

  private isNewDate(node: TSESTree.Node): boolean {
    const value = unwrapExpression(node);
    if (value.type !== 'NewExpression' || value.arguments.length > 0) return false;
    const callee = unwrapExpression(value.callee);
    return callee.type === 'Identifier' && callee.name === 'Date' && this.scope.isGlobalReference(callee);
  }
}
