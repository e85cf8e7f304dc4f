/**
 * The concept questions a rule asks of one file: "is this call SQL execution?", "is this value a rate
 * limiter?". Answers come from the file's ApiOrigins and the compiled models; never from a bare name.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiOrigins } from '../modules/api-origins.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { describeReference, isProjectSpecifier, type ApiReference } from '../modules/api-reference.js';
import { findProperty, unwrapExpression } from '../node-shapes.js';
import type { ConceptIndex, ConceptMatch } from './concept-index.js';
import type { ApiRow, ConceptKind, RowOf } from '../../models/concepts.js';

export interface ApiCall<R extends ApiRow = ApiRow> extends ConceptMatch<R> {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `pg Pool().query`, for messages. */
  readonly api: string;
  /** The argument the row points at (`argument`, then `property` inside an options object), or null if absent. */
  readonly target: TSESTree.Node | null;
  /** The call's argument, when the target sits in an options object kept in a `const` elsewhere: report here. */
  readonly reportAt?: TSESTree.Node;
}

export class ConceptQueries {
  private readonly origins: ApiOrigins;
  private readonly scope: ScopeFacts;
  private readonly index: ConceptIndex;
  private readonly importedModules: () => ReadonlySet<string>;

  constructor(origins: ApiOrigins, scope: ScopeFacts, index: ConceptIndex, importedModules: () => ReadonlySet<string>) {
    this.origins = origins;
    this.scope = scope;
    this.index = index;
    this.importedModules = importedModules;
  }

  /** The modeled API this call invokes, if it is an instance of `concept`. */
  callTo<K extends ConceptKind>(call: TSESTree.CallExpression | TSESTree.NewExpression, concept: K): ApiCall<RowOf<K>> | null {
    const reference = this.origins.referenceOf(call.callee);
    if (reference === null) return null;
    const match = this.index.match(reference, concept);
    if (match === null) return null;
    return { ...match, call, api: describeReference(reference), ...rowTarget(call, match.row, this.scope) };
  }

  /** Every row of `concept` this call matches, each with its own target (`spawn`: the program, and the args under `shell`). */
  callsTo<K extends ConceptKind>(call: TSESTree.CallExpression | TSESTree.NewExpression, concept: K): ApiCall<RowOf<K>>[] {
    const reference = this.origins.referenceOf(call.callee);
    return reference === null ? [] : this.callsMatching(call, reference, concept);
  }

  /** Rows of `concept` matching a callee reference found by other means (a handler's untyped `res` parameter). */
  callsMatching<K extends ConceptKind>(call: TSESTree.CallExpression | TSESTree.NewExpression, reference: ApiReference, concept: K): ApiCall<RowOf<K>>[] {
    return this.index.matchAll(reference, concept).map((match) => ({ ...match, call, api: describeReference(reference), ...rowTarget(call, match.row, this.scope) }));
  }

  /** The modeled value an expression holds, if it is an instance of `concept` (`rateLimit({...})`, an app). */
  valueIs<K extends ConceptKind>(node: TSESTree.Node, concept: K): ConceptMatch<RowOf<K>> | null {
    const reference = this.origins.referenceOf(node);
    return reference === null ? null : this.index.match(reference, concept);
  }

  /**
   * Cheap prefilter: could this file reach a `concept` API at all? True when it imports a module with such rows,
   * or any relative module (which may re-export one).
   */
  mayUse(concept: ConceptKind): boolean {
    const wanted = this.index.modulesFor(concept);
    for (const module of this.importedModules()) {
      if (wanted.has(module) || isProjectSpecifier(module)) return true;
    }
    return false;
  }
}

function rowTarget(call: TSESTree.CallExpression | TSESTree.NewExpression, row: ApiRow, scope: ScopeFacts): { target: TSESTree.Node | null; reportAt?: TSESTree.Node } {
  if (row.argument === undefined) return { target: null };
  const argument = call.arguments[row.argument];
  if (argument === undefined || argument.type === 'SpreadElement') return { target: null };
  const value = unwrapExpression(argument);
  if (row.property === undefined) return { target: argument };
  // Options kept in a `const` (`const options = { json: req.body }; ky.post(url, options)`) are read like a
  // literal written in place: only the row's property counts, not every value the object holds.
  const literal = value.type === 'ObjectExpression' ? value : constObjectLiteral(value, scope);
  if (literal === null) return { target: argument };
  // A dotted property reaches into nested option objects: `connection.password`.
  let target: TSESTree.Node | null = literal;
  for (const name of row.property.split('.')) {
    const object: TSESTree.Node | null = target === null ? null : unwrapExpression(target);
    target = object?.type === 'ObjectExpression' ? (findProperty(object, name)?.value ?? null) : null;
  }
  return literal === value ? { target } : { target, reportAt: argument };
}

function constObjectLiteral(value: TSESTree.Node, scope: ScopeFacts): TSESTree.ObjectExpression | null {
  if (value.type !== 'Identifier') return null;
  const variable = scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  if (definition.node.id !== definition.name || variable?.references.some((reference) => reference.isWrite() && reference.init !== true) === true) return null;
  const init = unwrapExpression(definition.node.init);
  return init.type === 'ObjectExpression' ? init : null;
}
