/**
 * Sinks: modeled calls (`concept` rows, with their `when` option conditions), the untyped response parameter
 * of a registered handler (`res.sendFile`), and built-in code sinks. A function's sink summary lists which
 * of its parameters reach a sink of a kind, with the path, through its own calls to other project
 * functions too; a caller in another module substitutes its arguments and reports at its own call.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ApiReference } from '../modules/api-reference.js';
import type { ConceptKind, RowOf, SanitizerKind, SinkCondition, TemplateFormatting } from '../../models/concepts.js';
import type { ApiCall } from '../concepts/concept-queries.js';
import { filledPlaceholders } from './template-values.js';
import { GLOBAL_CODE_SINKS } from '../../models/sanitizers/globals.js';
import { resolveCallee } from './callee-resolver.js';
import type { FileTaint } from './file-taint.js';
import { functionName, type CallNode } from './function-facts.js';
import { globalRegexSinks } from './regex-sinks.js';
import { callServesHtml, chainedResponseReference } from './html-responses.js';
import { wholeObjectParts } from './whole-objects.js';
import { globalApiSinks, setsHeaderNamed } from './global-sinks.js';
import { parameterResponseType } from './response-helpers.js';
import { appendHops, hop, kindBit } from './origins.js';
import { queryDocumentValues } from './query-documents.js';
import { inferredSqlSink } from './inferred-sql-sinks.js';
import { projectMergeSinks } from './recursive-merges.js';
import { MAX_ORIGINS, type FunctionNode, type Hop, type TaintFlow } from './taint-types.js';
import { viewSites, type ViewArtifact } from '../views/view-sinks.js';

export type SinkConcept =
  | 'sql-execution'
  | 'command-execution'
  | 'file-access'
  | 'code-execution'
  | 'object-deserialization'
  | 'xml-parse'
  | 'ldap-query'
  | 'xpath-query'
  | 'template-compilation'
  | 'regex-compilation'
  | 'html-output'
  | 'nosql-query'
  | 'nosql-code'
  | 'mass-assignment'
  | 'deep-merge'
  | 'property-path-write'
  | 'server-request'
  | 'browser-content'
  | 'redirect'
  | 'header-write'
  | 'log-write'
  /** Outputs of a rendered view (analysis/views/view-sinks.ts): `html` ones unescaped, `url` ones whole URL attributes. */
  | 'view-output';

/** What a sink rule looks for: calls of a concept, and values not sanitized for a kind. */
export interface TaintSink {
  readonly concept: SinkConcept;
  readonly sanitizedFor: SanitizerKind;
  readonly includeLowTrust?: boolean;
}

export interface SinkSite {
  /** The argument (or options property) that must not carry request data. */
  readonly target: TSESTree.Node;
  /** `child_process exec`, for messages. */
  readonly api: string;
  /** Where to report, when not at the target: the query document a checked value sits in. */
  readonly reportAt?: TSESTree.Node;
  /** The member path of the target that reaches the sink (a view reads `locals.user.name`); the whole target when absent. */
  readonly path?: readonly string[];
  /** The sink is in a view, not in code: the output the target is written to. */
  readonly artifact?: ViewArtifact;
  /** How the sink was recognised when no model row names it: `sql-text`, an unresolved receiver running SQL text. */
  readonly inference?: 'sql-text';
}

/** "Parameter `index` of this function, read at `path`, reaches `site`" (in `hops`' last file). */
export interface SinkEntry {
  readonly index: number;
  readonly path: readonly string[];
  readonly hops: Hop | null;
  readonly cleaned: number;
  readonly site: SinkSite;
  /** The file `site` is in. */
  readonly siteFile: FileContext;
}

export interface CrossModuleFlow {
  /** The argument of this file's call that carries request data into the other module. */
  readonly argument: TSESTree.Node;
  readonly api: string;
  readonly flow: TaintFlow;
  /** Flows from other sources through the same argument (two routes calling one local helper that passes it on). */
  readonly otherFlows?: readonly TaintFlow[];
  /** The sink the flow ends at, in the other module: where the CLI reports it (`site.reportAt ?? site.target`). */
  readonly sink: SinkLocation;
  /** Set when the sink in the other module was inferred (see SinkSite). */
  readonly inference?: 'sql-text';
  /** The view output the flow ends in, when the sink is in a view. */
  readonly artifact?: ViewArtifact;
}

/**
 * Rows of `concept` this call matches: through its callee's library value, else through the untyped response
 * parameter of a registered handler, a wrapped function, or a chained response method.
 */
export function conceptCallsAt<K extends ConceptKind>(taint: FileTaint, call: CallNode, concept: K): ApiCall<RowOf<K>>[] {
  const file = taint.file;
  const matches = file.concepts.callsTo(call, concept);
  if (matches.length > 0) return matches;
  const other = responseReference(taint, call) ?? wrappedReference(taint, call) ?? chainedResponseReference(taint, call);
  return other === null ? [] : file.concepts.callsMatching(call, other, concept);
}

/** A node and the file it is in. */
export interface SinkLocation {
  readonly node: TSESTree.Node;
  readonly file: FileContext;
}

/** Where a finding at `entry`'s site is reported: the argument, or the query document a checked value sits in. */
export function sinkLocationOf(entry: SinkEntry): SinkLocation {
  return { node: entry.site.reportAt ?? entry.site.target, file: entry.siteFile };
}

export function sinksAt(taint: FileTaint, call: CallNode, sink: TaintSink): readonly SinkSite[] {
  const file = taint.file;
  if (sink.concept === 'view-output') return conceptCallsAt(taint, call, 'view-render').flatMap((match) => viewSites(file, match, viewContext(sink)));
  const matches = conceptCallsAt(taint, call, sink.concept);
  const sites: SinkSite[] = [];
  for (const match of matches) {
    if (match.target === null) continue;
    const condition = 'when' in match.row ? match.row.when : undefined;
    if (condition !== undefined && !conditionHolds(taint, call, condition)) continue;
    if (match.row.concept === 'html-output' && !callServesHtml(file, call, match.row, match.target)) continue;
    if (match.row.concept === 'template-compilation' && match.row.wholeObject === true) {
      for (const target of wholeObjectParts(file, match.target)) sites.push({ target, api: match.api });
      continue;
    }
    if ('header' in match.row && match.row.header !== undefined && !setsHeaderNamed(taint, call, match.row.header)) continue;
    if (match.row.concept === 'deep-merge') {
      // Every argument from the row's on is a source object (`merge(target, defaults, req.body)`).
      for (const source of call.arguments.slice(match.row.argument)) if (source.type !== 'SpreadElement') sites.push({ target: source, api: match.api });
      continue;
    }
    if (match.row.concept === 'mass-assignment') {
      for (const target of wholeObjectParts(file, match.target)) sites.push({ target, api: match.api, reportAt: match.reportAt ?? match.target });
      continue;
    }
    if (match.row.concept === 'sql-execution' && match.row.formats !== undefined) sites.push(...unescapedValueSites(taint, call, match.row.formats, match.api));
    if (match.row.concept === 'nosql-query' && match.row.literalKeys !== undefined) {
      for (const target of queryDocumentValues(taint.file, match.target, match.row.literalKeys)) sites.push({ target, api: match.api, reportAt: match.reportAt ?? match.target });
    } else sites.push({ target: match.target, api: match.api, ...(match.reportAt === undefined ? {} : { reportAt: match.reportAt }) });
  }
  if (sink.concept === 'sql-execution' && matches.length === 0) {
    const inferred = inferredSqlSink(file, call);
    if (inferred !== null) sites.push({ ...inferred, inference: 'sql-text' });
  }
  if (sink.concept === 'code-execution') sites.push(...globalCodeSinks(taint, call));
  if (sink.concept === 'deep-merge') sites.push(...projectMergeSinks(taint, call));
  sites.push(...globalApiSinks(taint, call, sink.concept, sink.sanitizedFor));
  if (sink.concept === 'regex-compilation') sites.push(...globalRegexSinks(taint, call));
  return sites;
}

/** pg-promise's `db.any('... $1:raw', [value])`: each value a placeholder inserts without escaping is SQL text too. */
function unescapedValueSites(taint: FileTaint, call: CallNode, formats: TemplateFormatting, api: string): SinkSite[] {
  const placeholders = filledPlaceholders(taint.file, call.arguments[0], call.arguments[formats.values], formats.syntax) ?? [];
  return placeholders.filter((placeholder) => formats.escapes[placeholder.modifier] === undefined).map((placeholder) => ({ target: placeholder.value, api }));
}

export function viewContext(sink: TaintSink): 'html' | 'url' {
  return sink.sanitizedFor === 'url' ? 'url' : 'html';
}

/** `res.sendFile(...)` where `res` is the response parameter of a registered handler: the model's response type. */
function responseReference(taint: FileTaint, call: CallNode): ApiReference | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const object = unwrapExpression(callee.object);
  const method = staticPropertyName(callee);
  if (object.type !== 'Identifier' || method === null) return null;
  const variable = taint.file.scope.variableOf(object);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter') return null;
  const fn = definition.node as FunctionNode;
  const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
  // A handler's response (Koa's `ctx` and Hono's `c` included), or a helper's parameter its callers pass one in.
  const reference = index < 0 ? null : parameterResponseType(taint, fn, index, 0);
  return reference === null ? null : { module: reference.module, steps: [...reference.steps, method] };
}

/** `const run = promisify(exec); run(cmd)`: the wrapped function's reference, so `run` is the sink `exec` is. */
function wrappedReference(taint: FileTaint, call: CallNode): ApiReference | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier') return null;
  const variable = taint.file.scope.variableOf(callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  const init = unwrapExpression(definition.node.init);
  if (init.type !== 'CallExpression') return null;
  const wrapper = taint.file.concepts.callsTo(init, 'function-wrapper')[0];
  const wrapped = wrapper === undefined ? undefined : init.arguments[wrapper.row.argument];
  return wrapped === undefined ? null : taint.file.origins.referenceOf(wrapped);
}

function globalCodeSinks(taint: FileTaint, call: CallNode): SinkSite[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier' || !taint.file.scope.isGlobalReference(callee)) return [];
  const model = GLOBAL_CODE_SINKS[callee.name];
  if (model === undefined) return [];
  const targets = model.arguments === 'all' ? call.arguments : call.arguments.slice(0, 1);
  const api = call.type === 'NewExpression' ? `new ${callee.name}` : callee.name;
  return targets.filter((target) => target.type !== 'SpreadElement').map((target) => ({ target, api }));
}

/** Checks a row's option condition on the object arguments after the first (`{ shell: true }`, no `{ root }`). */
function conditionHolds(taint: FileTaint, call: CallNode, condition: SinkCondition): boolean {
  let present = false;
  let unknown = false;
  for (const argument of call.arguments.slice(1)) {
    const options = objectLiteral(taint, argument);
    if (options === null) {
      const value = unwrapExpression(argument);
      if (value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'CallExpression') unknown = true;
      continue;
    }
    if (options.properties.some((property) => property.type === 'SpreadElement')) unknown = true;
    const property = findProperty(options, condition.option);
    if (property === null) continue;
    if (condition.is === 'absent') present = true;
    else if (truthy(taint, property.value)) present = true;
  }
  // Quiet when in doubt: an options object we cannot read may set `root`, and may not set `shell`.
  return condition.is === 'absent' ? !present && !unknown : present;
}

function objectLiteral(taint: FileTaint, node: TSESTree.Node): TSESTree.ObjectExpression | null {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return null;
  const variable = taint.file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  const init = unwrapExpression(definition.node.init);
  return init.type === 'ObjectExpression' ? init : null;
}

function truthy(taint: FileTaint, node: TSESTree.Node): boolean {
  const known = taint.file.values.valueOf(node);
  return known !== null && Boolean(known.value);
}

export function sinkSummary(taint: FileTaint, fn: FunctionNode, sink: TaintSink, depth: number): readonly SinkEntry[] {
  const entries: SinkEntry[] = [];
  const bit = kindBit(sink.sanitizedFor);
  const evaluator = taint.evaluator;
  for (const call of taint.functionFacts(fn).calls) {
    if (entries.length >= MAX_ORIGINS) break;
    for (const site of sinksAt(taint, call, sink)) {
      for (const value of evaluator.valueAt(site.target, site.path ?? [], 0)) {
        if (value.type !== 'parameter' || value.fn !== fn || (value.cleaned & bit) !== 0) continue;
        const at = site.artifact === undefined ? site.target : (site.reportAt ?? site.target);
        entries.push({ index: value.index, path: value.path, hops: hop(value.hops, at, `reaches ${site.api}`, taint.file), cleaned: value.cleaned, site, siteFile: taint.file });
      }
    }
    const target = resolveCallee(taint.file, call);
    if (target === null || target.fn === fn) continue;
    for (const inner of target.file.taint.sinkSummary(target.fn, sink, depth + 1)) {
      const argument = call.arguments[inner.index];
      if (argument === undefined || argument.type === 'SpreadElement') continue;
      for (const value of evaluator.valueAt(argument, inner.path, 0)) {
        if (value.type !== 'parameter' || value.fn !== fn || ((value.cleaned | inner.cleaned) & bit) !== 0) continue;
        const hops = appendHops(hop(value.hops, argument, `passed to ${functionName(target.fn)}()`, taint.file), inner.hops);
        entries.push({ index: value.index, path: value.path, hops, cleaned: value.cleaned | inner.cleaned, site: inner.site, siteFile: inner.siteFile });
      }
    }
  }
  return entries.slice(0, MAX_ORIGINS);
}
