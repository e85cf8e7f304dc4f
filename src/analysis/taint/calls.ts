/**
 * The value of a call: built-in globals (numeric coercion cleans, `String()` passes taint), modeled library
 * APIs (sanitizers clean their kinds, taint steps pass taint, schema parsers check their schema), project
 * functions through their return summaries, and string/array methods on a tainted receiver. Any other call
 * returns a clean value: rampart does not guess what unknown code returns.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { CALL, describeReference, extendReference, isRelativeSpecifier, type ApiReference } from '../modules/api-reference.js';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { ARGUMENT_METHODS, CALLBACK_RESULT_METHODS, GLOBAL_FUNCTIONS, RECEIVER_METHODS, TEXT_RESULT_METHODS, type GlobalEffect } from '../../models/sanitizers/globals.js';
import { resolveCallee } from './callee-resolver.js';
import type { TaintEvaluator } from './evaluator.js';
import { functionName, type CallNode } from './function-facts.js';
import { appendHops, asText, CLEAN, hop, kindBit, kindBits, sanitize, TEXT_BITS, through, union } from './origins.js';
import { autoImportedReference } from './entry-conventions.js';
import type { RequestReaderRow } from '../../models/concepts.js';
import { formatStringValue } from './format-strings.js';
import { isAllowListCallback } from './guards.js';
import { isCharacterAllowList } from './regex-allow-lists.js';
import { isRegexMetacharacterEscape } from './regex-escapes.js';
import { isLineBreakStrip } from './line-break-strips.js';
import { schemaParseValue } from './schemas.js';
import type { FunctionNode, Origin } from './taint-types.js';

export function callValue(ev: TaintEvaluator, call: TSESTree.CallExpression, path: readonly string[], depth: number): readonly Origin[] {
  const global = globalEffect(ev, call.callee);
  if (global !== null) return applyGlobal(ev, global, call, depth);
  const library = libraryValue(ev, call, path, depth);
  if (library !== null) return library;
  const target = resolveCallee(ev.file, call);
  if (target !== null) return returnedValue(ev, call, target.fn, ev.taint.returnSummaryOf(target), path, depth);
  return methodValue(ev, call, depth);
}

export function newValue(ev: TaintEvaluator, node: TSESTree.NewExpression, depth: number): readonly Origin[] {
  const global = globalEffect(ev, node.callee);
  if (global !== null) return applyGlobal(ev, global, node, depth);
  const library = ev.file.origins.referenceOf(node.callee);
  if (library !== null && ev.file.project.conceptIndex.match(library, 'taint-step') !== null) return argumentsValue(ev, node, depth);
  return CLEAN;
}

/** The global function a callee is (`Number`, `JSON.parse`, `Math.floor`), by the real global's name only. */
function globalEffect(ev: TaintEvaluator, calleeNode: TSESTree.Node): GlobalEffect | null {
  const callee = unwrapExpression(calleeNode);
  if (callee.type === 'Identifier') return ev.file.scope.isGlobalReference(callee) ? (GLOBAL_FUNCTIONS[callee.name] ?? null) : null;
  if (callee.type !== 'MemberExpression') return null;
  const object = unwrapExpression(callee.object);
  const member = staticPropertyName(callee);
  if (object.type !== 'Identifier' || member === null || !ev.file.scope.isGlobalReference(object)) return null;
  return GLOBAL_FUNCTIONS[`${object.name}.${member}`] ?? GLOBAL_FUNCTIONS[`${object.name}.*`] ?? null;
}

function applyGlobal(ev: TaintEvaluator, effect: GlobalEffect, call: CallNode, depth: number): readonly Origin[] {
  if (effect.effect === 'clean') return CLEAN;
  const value = argumentsValue(ev, call, depth);
  if (effect.effect === 'propagate') return effect.returnsText === true ? asText(value) : value;
  const sanitized = sanitize(value, kindBits(effect.kinds));
  return effect.returnsText === true ? asText(sanitized) : sanitized;
}

function argumentsValue(ev: TaintEvaluator, call: CallNode, depth: number): readonly Origin[] {
  return union(...call.arguments.map((argument) => ev.valueOf(argument.type === 'SpreadElement' ? argument.argument : argument, depth)));
}

/** A modeled library API: sanitizer, SQL escape, taint step, schema parse; null when the callee is no library value. */
function libraryValue(ev: TaintEvaluator, call: TSESTree.CallExpression, path: readonly string[], depth: number): readonly Origin[] | null {
  const reference = ev.file.origins.referenceOf(call.callee) ?? autoImportedReference(ev.file, call.callee);
  if (reference === null) return null;
  const index = ev.file.project.conceptIndex;
  const source = configuredSource(ev, call, extendReference(reference, CALL));
  if (source !== null) return source;
  const reader = index.match(reference, 'request-reader');
  if (reader !== null) return readerValue(ev, call, reader.row);
  const sanitizer = index.match(reference, 'sanitizer');
  if (sanitizer !== null) {
    const argument = call.arguments[sanitizer.row.argument];
    const value = argument === undefined || argument.type === 'SpreadElement' ? CLEAN : ev.valueOf(argument, depth);
    return through(sanitize(value, kindBits(sanitizer.row.kinds)), call, `sanitized by ${describeReference(reference)}`, ev.file);
  }
  const format = index.match(reference, 'format-string');
  if (format !== null) return through(formatStringValue(ev, call, format.row, depth), call, `formatted by ${describeReference(reference)}`, ev.file);
  if (index.match(reference, 'sql-escape') !== null) return sanitize(argumentsValue(ev, call, depth), kindBit('sql'));
  if (index.match(reference, 'taint-step') !== null) return through(argumentsValue(ev, call, depth), call, `through ${describeReference(reference)}`, ev.file);
  // A project module a config models: what its rows do not name is its code, followed as before.
  if (isRelativeSpecifier(reference.module)) return null;
  // Any other library call returns the library's value, not the caller's input; only string and array
  // methods on a tainted receiver (`request.nextUrl.searchParams.get('q')`) pass it on, below.
  return schemaParseValue(ev, call, reference, path, depth);
}

/** `getQuery(event)`: request input read by a framework function (h3), whatever handler the event came from. */
function readerValue(ev: TaintEvaluator, call: TSESTree.CallExpression, row: RequestReaderRow): readonly Origin[] {
  const label = ev.file.source.slice(call.range).replace(/\s+/g, ' ');
  const short = label.length > 48 ? `${label.slice(0, 45)}...` : label;
  const source = { label: short, kind: row.input, node: call, file: ev.file, recognition: 'registration' } as const;
  return [{ type: 'source', source, hops: hop(null, call, `request input ${short} (${row.input})`, ev.file), cleaned: row.text === true ? TEXT_BITS : 0 }];
}

/** Substitutes a callee's return summary at this call: its parameters become this call's arguments. */
export function returnedValue(ev: TaintEvaluator, call: CallNode, fn: FunctionNode, summary: readonly Origin[], path: readonly string[], depth: number): readonly Origin[] {
  if (summary.length === 0) return CLEAN;
  const parts: Array<readonly Origin[]> = [];
  const name = functionName(fn);
  for (const origin of summary) {
    if (origin.type === 'source' || origin.fn !== fn) {
      parts.push([origin]);
      continue;
    }
    const argument = call.arguments[origin.index];
    if (argument === undefined || argument.type === 'SpreadElement') continue;
    const argumentValue = ev.valueAt(argument, [...origin.path, ...path], depth);
    parts.push(
      argumentValue.map((value) => ({
        ...value,
        hops: appendHops(hop(value.hops, argument, `passed to ${name}()`, ev.file), origin.hops),
        cleaned: value.cleaned | origin.cleaned,
      })),
    );
  }
  return union(...parts);
}

/** String and array methods on a tainted receiver; `map` takes its callback's result; a character allow-list `replace` cleans. */
function methodValue(ev: TaintEvaluator, call: TSESTree.CallExpression, depth: number): readonly Origin[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return CLEAN;
  const method = staticPropertyName(callee);
  if (method === null) return CLEAN;
  if (CALLBACK_RESULT_METHODS.has(method)) return callbackResultValue(ev, call, depth);
  if (method === 'then') {
    const callback = call.arguments[0];
    return callback !== undefined && isFunctionNode(callback) ? callbackResultValue(ev, call, depth) : ev.valueOf(callee.object, depth);
  }
  if (!RECEIVER_METHODS.has(method)) return CLEAN;
  if ((method === 'filter' || method === 'find') && isAllowListCallback(ev, call.arguments[0])) return CLEAN;
  if ((method === 'replace' || method === 'replaceAll') && isCharacterAllowList(ev, call)) return CLEAN;
  const receiver = ev.valueOf(callee.object, depth);
  const text = TEXT_RESULT_METHODS.has(method) ? asText : (origins: readonly Origin[]): readonly Origin[] => origins;
  // `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` escapes every pattern metacharacter: safe as a regex, nothing else.
  if ((method === 'replace' || method === 'replaceAll') && isRegexMetacharacterEscape(ev, call)) return sanitize(text(receiver), kindBit('regex'));
  // `s.replace(/[\r\n]/g, '')` removes every line break: it cannot start a log or header line, and nothing else changes.
  if ((method === 'replace' || method === 'replaceAll') && isLineBreakStrip(ev, call)) return sanitize(text(receiver), kindBits(['log', 'header']));
  if (!ARGUMENT_METHODS.has(method)) return text(receiver);
  const spliced = method === 'replace' || method === 'replaceAll' ? call.arguments.slice(1) : call.arguments;
  return text(union(receiver, ...spliced.map((argument) => ev.valueOf(argument.type === 'SpreadElement' ? argument.argument : argument, depth))));
}

/** `items.map(item => ...)` and `promise.then(value => ...)`: what the callback returns, with its first parameter bound to the receiver's elements. */
function callbackResultValue(ev: TaintEvaluator, call: TSESTree.CallExpression, depth: number): readonly Origin[] {
  const callback = call.arguments[0];
  if (callback === undefined || !isFunctionNode(callback)) {
    // `ids.map(String)` keeps the elements; `ids.map(Number)` cleans them; an unknown function returns its own values.
    const effect = callback === undefined ? null : globalEffect(ev, callback);
    const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
    if (effect === null || effect.effect === 'clean') return CLEAN;
    const elements = effect.effect === 'sanitize' ? sanitize(ev.valueOf(callee.object, depth), kindBits(effect.kinds)) : ev.valueOf(callee.object, depth);
    return effect.returnsText === true ? asText(elements) : elements;
  }
  // The callback's parameters resolve through callbackParameterValue; only its own returns matter here.
  return ev.taint.returnSummaryOf({ file: ev.file, fn: callback }).filter((origin) => origin.type === 'source' || origin.fn !== callback);
}

/** A config's source row (`currentInput()`): the value at `node` is request input. Null when no row names it. */
export function configuredSource(ev: TaintEvaluator, node: TSESTree.Node, reference: ApiReference | null): readonly Origin[] | null {
  const index = ev.file.project.conceptIndex;
  if (reference === null || index.modulesFor('request-input').size === 0) return null;
  const match = index.match(reference, 'request-input');
  if (match === null) return null;
  const text = ev.file.source.text.slice(node.range[0], node.range[1]);
  const label = text.length > 48 ? `${text.slice(0, 45)}...` : text;
  const kind = match.row.kind;
  // A declared source is recognised as an entry-point model is: by the model, not by a parameter's shape.
  return [{ type: 'source', source: { label, kind, node, file: ev.file, recognition: 'registration' }, hops: hop(null, node, `request input ${label} (${kind})`, ev.file), cleaned: 0 }];
}
