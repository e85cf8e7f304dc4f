/**
 * Library values that pass through the project's own functions, for ApiOrigins: what a factory returns
 * (`function createDb() { return new Sequelize(url) }`, in this module or another) and what a parameter holds
 * when every call the project shows passes one library value (`new UserDao(db)` in each module that makes one,
 * `db` coming from `MongoClient.connect`). One instance per file; answers are kept per function.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { ConceptIndex } from '../concepts/concept-index.js';
import { unwrapExpression } from '../node-shapes.js';
import { resolveCallee } from '../taint/callee-resolver.js';
import { sameReference, type ApiReference } from './api-reference.js';
import type { OriginServices } from './binding-origins.js';
import { callSitesOf } from './call-sites.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Statements read for `return`s in one function body; a longer body is not a factory. */
const MAX_STATEMENTS = 256;

const IN_PROGRESS = Symbol('in-progress');
type Memo = ApiReference | null | typeof IN_PROGRESS;

export class ProjectOriginServices implements OriginServices {
  private readonly file: FileContext;
  private readonly concepts: ConceptIndex;
  private readonly returns = new WeakMap<FunctionNode, Memo>();
  private readonly parameters = new WeakMap<FunctionNode, Map<number, Memo>>();
  /** Call sites per function: each parameter of a constructor asks for the same ones. */
  private readonly sites = new WeakMap<FunctionNode, ReturnType<typeof callSitesOf>>();

  constructor(file: FileContext, concepts: ConceptIndex) {
    this.file = file;
    this.concepts = concepts;
  }

  injectedBy(decorator: ApiReference): ApiReference | null {
    const match = this.concepts.match(decorator, 'injected-value');
    return match === null ? null : { module: match.row.injects.module, steps: match.row.injects.steps };
  }

  returnedBy(call: TSESTree.CallExpression, depth: number): ApiReference | null {
    const target = resolveCallee(this.file, call);
    if (target === null) return null;
    return target.file.projectOrigins.returnsOf(target.fn, depth);
  }

  /** The one library value every `return` of `fn` gives (an arrow's expression body included). */
  returnsOf(fn: FunctionNode, depth: number): ApiReference | null {
    const known = this.returns.get(fn);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.returns.set(fn, IN_PROGRESS);
    const returned = returnedValues(fn);
    const result = returned === null ? null : this.agreed(returned.map((node) => ({ file: this.file, node })), depth);
    this.returns.set(fn, result);
    return result;
  }

  passedTo(fn: FunctionNode, index: number, depth: number): ApiReference | null {
    let byIndex = this.parameters.get(fn);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.parameters.set(fn, byIndex);
    }
    const known = byIndex.get(index);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    byIndex.set(index, IN_PROGRESS);
    const result = this.computePassed(fn, index, depth);
    byIndex.set(index, result);
    return result;
  }

  private computePassed(fn: FunctionNode, index: number, depth: number): ApiReference | null {
    const parameter = fn.params[index];
    if (parameter === undefined || parameter.type === 'RestElement') return null;
    const sites = this.callSites(fn);
    if (sites === null || sites.length === 0) return null;
    const values: { file: FileContext; node: TSESTree.Node }[] = [];
    // `function f(db = defaultPool)`: the default is one more value the parameter can hold.
    if (parameter.type === 'AssignmentPattern') values.push({ file: this.file, node: parameter.right });
    for (const site of sites) {
      const argument = site.call.arguments[index];
      if (argument?.type === 'SpreadElement' || site.call.arguments.slice(0, index).some((earlier) => earlier.type === 'SpreadElement')) return null;
      // A recursive call that hands the parameter back to itself (`return new Dao(db)` in Dao) adds no value.
      if (argument === undefined || isOwnParameter(site.file, argument, fn, index)) continue;
      values.push({ file: site.file, node: argument });
    }
    const agreed = this.agreed(values, depth);
    // An app or router handed to a module (`require('./routes')(app)`) stays the caller's: analysis/http-apps and the
    // cross-module taint follow its routes from the module that creates it, one owner per app.
    return agreed !== null && this.concepts.match(agreed, 'http-app') !== null ? null : agreed;
  }

  private callSites(fn: FunctionNode): ReturnType<typeof callSitesOf> {
    let sites = this.sites.get(fn);
    if (sites === undefined) {
      sites = callSitesOf(this.file, fn);
      this.sites.set(fn, sites);
    }
    return sites;
  }

  private agreed(values: readonly { file: FileContext; node: TSESTree.Node }[], depth: number): ApiReference | null {
    let agreed: ApiReference | null = null;
    for (const value of values) {
      if (isNullish(value.node)) continue;
      const reference = value.file.origins.referenceOf(value.node, depth + 1);
      if (reference === null || (agreed !== null && !sameReference(agreed, reference))) return null;
      agreed = reference;
    }
    return agreed;
  }
}

function isOwnParameter(file: FileContext, argument: TSESTree.Node, fn: FunctionNode, index: number): boolean {
  const value = unwrapExpression(argument);
  if (value.type !== 'Identifier') return false;
  const definition = file.scope.variableOf(value)?.defs[0];
  return definition?.type === 'Parameter' && definition.node === fn && fn.params[index] !== undefined && definition.name === parameterName(fn.params[index]);
}

function parameterName(parameter: TSESTree.Parameter): TSESTree.Node {
  if (parameter.type === 'AssignmentPattern') return parameter.left;
  if (parameter.type === 'TSParameterProperty') return parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
  return parameter;
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (value.type === 'Literal' && value.value === null) || (value.type === 'Identifier' && value.name === 'undefined');
}

/** What a function returns: an arrow's expression body, or its `return` arguments; null for generators and long bodies. */
export function returnedValues(fn: FunctionNode): TSESTree.Node[] | null {
  if (fn.generator) return null;
  return fn.body.type === 'BlockStatement' ? returnedExpressions(fn.body) : [fn.body];
}

/** The arguments of the `return`s of a body, not those of nested functions; null for a body too long to be a factory. */
function returnedExpressions(body: TSESTree.BlockStatement): TSESTree.Node[] | null {
  const returned: TSESTree.Node[] = [];
  const pending: TSESTree.Statement[] = [...body.body];
  let visited = 0;
  while (pending.length > 0) {
    if ((visited += 1) > MAX_STATEMENTS) return null;
    const statement = pending.pop();
    if (statement === undefined) break;
    pending.push(...innerStatements(statement));
    if (statement.type === 'ReturnStatement' && statement.argument !== null) returned.push(statement.argument);
  }
  return returned;
}

function innerStatements(statement: TSESTree.Statement): TSESTree.Statement[] {
  switch (statement.type) {
    case 'BlockStatement':
      return statement.body;
    case 'IfStatement':
      return statement.alternate === null ? [statement.consequent] : [statement.consequent, statement.alternate];
    case 'TryStatement':
      return [statement.block, ...(statement.handler === null ? [] : [statement.handler.body]), ...(statement.finalizer === null ? [] : [statement.finalizer])];
    case 'SwitchStatement':
      return statement.cases.flatMap((switchCase) => switchCase.consequent);
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      return [statement.body];
    default:
      return [];
  }
}
