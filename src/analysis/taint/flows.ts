/**
 * From origins to a reported flow: a request source not sanitized for the sink's kind is a flow; a parameter
 * of the function holding the sink is traced to that function's callers in the same file (a few levels up),
 * where the argument is evaluated in turn. Callers in other files report at their own call (sinks.ts).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RequestInputKind, SanitizerKind } from '../../models/concepts.js';
import { unwrapExpression } from '../node-shapes.js';
import { resolveCallee } from './callee-resolver.js';
import type { FileTaint } from './file-taint.js';
import { calleeKey, functionName, type CallNode } from './function-facts.js';
import { appendHops, hop, hopsToSteps, kindBit } from './origins.js';
import { MAX_CALLER_HOPS, MAX_CALLERS, MAX_SOURCES_PER_SINK, type FlowQuery, type FunctionNode, type Origin, type ParameterOrigin, type SourceOrigin, type TaintFlow } from './taint-types.js';

/** Whether request input of `kind` can trip a sink of `sanitizedFor` at all, whatever was done to it. */
export function inputKindReaches(kind: RequestInputKind, sanitizedFor: SanitizerKind): boolean {
  // The request's own URL and host (`req.url`, `req.hostname`) name this server: a redirect or request there
  // does not leave it (`res.redirect('https://' + req.hostname + req.url)` upgrades to HTTPS).
  if (kind === 'url' && sanitizedFor === 'url') return false;
  // Node's HTTP parser rejects CR and LF in the request line and in header values, so the raw URL and headers
  // cannot break a log line or a response header; decoded values (query, params, body) still can.
  return !((kind === 'url' || kind === 'header') && (sanitizedFor === 'log' || sanitizedFor === 'header'));
}

export function isReported(origin: Origin, query: FlowQuery): boolean {
  if ((origin.cleaned & kindBit(query.sanitizedFor)) !== 0) return false;
  if (origin.type !== 'source') return true;
  if (!inputKindReaches(origin.source.kind, query.sanitizedFor)) return false;
  const lowTrust = origin.source.kind === 'cli-argument' || origin.source.kind === 'environment';
  return !lowTrust || query.includeLowTrust === true;
}

export function findFlow(taint: FileTaint, origins: readonly Origin[], query: FlowQuery, sink: TSESTree.Node): TaintFlow | null {
  const source = firstSource(taint, origins, query, MAX_CALLER_HOPS);
  return source === null ? null : flowFrom(taint, source, query, sink);
}

/**
 * Every distinct reported source among `origins` (same-file callers climbed), as flows to `sink`: the first is
 * `findFlow`'s, the others are further paths to the same sink, which the CLI reports as one finding.
 */
export function findFlows(taint: FileTaint, origins: readonly Origin[], query: FlowQuery, sink: TSESTree.Node): TaintFlow[] {
  return allSources(taint, origins, query).map((source) => flowFrom(taint, source, query, sink));
}

/** Every distinct reported source among `origins`, climbing to same-file callers, `firstSource`'s first. */
export function allSources(taint: FileTaint, origins: readonly Origin[], query: FlowQuery): SourceOrigin[] {
  const sources: SourceOrigin[] = [];
  collectSources(taint, origins, query, MAX_CALLER_HOPS, sources);
  return sources;
}

function flowFrom(taint: FileTaint, source: SourceOrigin, query: FlowQuery, sink: TSESTree.Node): TaintFlow {
  const steps = hopsToSteps(source.hops);
  const last = steps[steps.length - 1];
  const reaches = `reaches ${query.sinkLabel ?? `a ${query.sanitizedFor} sink`}`;
  if (last === undefined || last.node !== sink) steps.push({ node: sink, message: reaches, file: taint.file });
  else steps[steps.length - 1] = { ...last, message: last.message.startsWith('reaches') ? last.message : `${last.message}; ${reaches}` };
  return { source: source.source, steps };
}

/** The first reported source among `origins`, climbing to same-file callers for parameters. */
export function firstSource(taint: FileTaint, origins: readonly Origin[], query: FlowQuery, callerHops: number): SourceOrigin | null {
  for (const origin of origins) if (origin.type === 'source' && isReported(origin, query)) return origin;
  if (callerHops <= 0) return null;
  for (const origin of origins) {
    if (origin.type !== 'parameter' || !isReported(origin, query)) continue;
    for (const call of taint.callersOf(origin.fn)) {
      const values = argumentValues(taint, origin, call);
      const found = values === null ? null : firstSource(taint, values, query, callerHops - 1);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Like `firstSource`, in the same order, but every distinct source (by its node), up to MAX_SOURCES_PER_SINK. */
function collectSources(taint: FileTaint, origins: readonly Origin[], query: FlowQuery, callerHops: number, into: SourceOrigin[]): void {
  for (const origin of origins) {
    if (into.length >= MAX_SOURCES_PER_SINK) return;
    if (origin.type === 'source' && isReported(origin, query) && !into.some((known) => known.source.node === origin.source.node)) into.push(origin);
  }
  if (callerHops <= 0) return;
  for (const origin of origins) {
    if (origin.type !== 'parameter' || !isReported(origin, query)) continue;
    for (const call of taint.callersOf(origin.fn)) {
      if (into.length >= MAX_SOURCES_PER_SINK) return;
      const values = argumentValues(taint, origin, call);
      if (values !== null) collectSources(taint, values, query, callerHops - 1, into);
    }
  }
}

/** What `call` passes as the parameter `origin` stands for, with the hop into the function; null for none or a spread. */
function argumentValues(taint: FileTaint, origin: ParameterOrigin, call: CallNode): Origin[] | null {
  const argument = call.arguments[origin.index];
  if (argument === undefined || argument.type === 'SpreadElement') return null;
  return taint.evaluator.valueAt(argument, origin.path, 0).map((value) => ({
    ...value,
    hops: appendHops(hop(value.hops, argument, `passed to ${functionName(origin.fn)}()`, taint.file), origin.hops),
    cleaned: value.cleaned | origin.cleaned,
  }));
}

/** Calls in the file that resolve to `fn`, found through the index of calls by name. */
export function callersOf(taint: FileTaint, index: ReadonlyMap<string, readonly CallNode[]>, fn: FunctionNode): readonly CallNode[] {
  const name = bindingName(fn);
  if (name === null) return [];
  const callers: CallNode[] = [];
  for (const call of index.get(name) ?? []) {
    if (calleeKey(call) !== name) continue;
    const target = resolveCallee(taint.file, call);
    if (target?.fn === fn) callers.push(call);
    if (callers.length >= MAX_CALLERS) break;
  }
  return callers;
}

/** The name calls use for `fn`: its declaration, variable, method or property name. */
function bindingName(fn: FunctionNode): string | null {
  const name = functionName(fn);
  if (name !== '<anonymous>') return name;
  const parent = fn.parent;
  if (parent?.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression') {
    const left = unwrapExpression(parent.left);
    return left.type === 'MemberExpression' && left.property.type === 'Identifier' ? left.property.name : null;
  }
  return null;
}
