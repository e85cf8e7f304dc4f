/**
 * Checks that dominate a read: inside `if (ALLOWED.includes(x)) { ...x... }`, after
 * `if (!ALLOWED.includes(x)) return;`, in `case 'asc':` of `switch (x)`, or behind `x === 'a' ? x : ...`, the
 * value is one of a few constants and safe everywhere. Validators (`validator.isUUID(x)`), anchored regex
 * allow-lists and `typeof x === 'number'` count the same way; `resolved.startsWith(root)` confines a
 * `path.resolve`d value for path sinks only. The subject must be the same variable (or member path).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';
import { ALL_KINDS, kindBit, kindBits, TEXT_BITS } from './origins.js';
import { resolveCallee } from './callee-resolver.js';
import { hasConstantKeys, isConstantCollection } from './allow-list-values.js';
import { isJsonSchemaSafeAt } from './json-schemas.js';
import { isAnchoredAllowList, rejectsObjects } from './regex-allow-lists.js';

/** Ancestors climbed from a read looking for checks; deeper nesting than this is rare in handlers. */
const MAX_GUARD_ANCESTORS = 40;
/** Predicate helpers followed inside one another (`isValid` calling `isKnown`); also stops recursive ones. */
const MAX_PREDICATE_HELPERS = 3;
let helpersInProgress = 0;

/** The kinds a read is proven safe for by the checks that dominate it (a bit set; 0 when none). */
export function guardedBits(ev: TaintEvaluator, use: TSESTree.Node): number {
  const subject = subjectKey(ev, use);
  return subject === null ? 0 : guardedBitsFor(ev, use, subject);
}

/** The kinds `subject` is proven safe for at `node` by the checks that dominate it. */
function guardedBitsFor(ev: TaintEvaluator, use: TSESTree.Node, subject: string): number {
  let bits = 0;
  let node: TSESTree.Node = use;
  // ESLint sets Program.parent to null, our traversal leaves it undefined: stop at either.
  for (let steps = 0; node.parent !== undefined && node.parent !== null && steps < MAX_GUARD_ANCESTORS; steps += 1) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') {
      if (parent.consequent === node) bits |= conditionBits(ev, parent.test, true, subject);
      else if (parent.alternate === node) bits |= conditionBits(ev, parent.test, false, subject);
    } else if (parent.type === 'LogicalExpression' && parent.right === node) {
      if (parent.operator === '&&') bits |= conditionBits(ev, parent.left, true, subject);
      if (parent.operator === '||') bits |= conditionBits(ev, parent.left, false, subject);
    } else if (parent.type === 'SwitchCase' && parent.consequent.includes(node as TSESTree.Statement)) {
      const discriminant = parent.parent.type === 'SwitchStatement' ? parent.parent.discriminant : null;
      if (parent.test !== null && discriminant !== null && subjectKey(ev, discriminant) === subject && ev.file.values.isConstant(parent.test)) bits |= ALL_KINDS;
    }
    if (parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'SwitchCase') bits |= earlyExitBits(ev, parent, node, subject);
    if (bits === ALL_KINDS) return bits;
    // Checks before a closure's creation still hold inside it: positions, not call order, decide (a function
    // declared before the check sees none of it, since only statements before its own are read).
    node = parent;
  }
  return bits;
}

/** `if (!ok(x)) return;` before the read in the same block: past it, `ok(x)` holds. */
function earlyExitBits(ev: TaintEvaluator, block: TSESTree.Node, child: TSESTree.Node, subject: string): number {
  let bits = 0;
  for (const statement of earlyExits(block)) {
    if (statement.range[0] >= child.range[0]) break;
    bits |= conditionBits(ev, statement.test, false, subject);
  }
  return bits;
}

/**
 * The block's `if (...) <exit>` statements with no else, in order, found once per block: every read below a
 * block asks, and a module of 8,000 top-level route registrations must not be rescanned for each of them.
 */
const earlyExitsOf = new WeakMap<TSESTree.Node, readonly TSESTree.IfStatement[]>();
function earlyExits(block: TSESTree.Node): readonly TSESTree.IfStatement[] {
  let found = earlyExitsOf.get(block);
  if (found === undefined) {
    const statements: readonly TSESTree.Node[] = block.type === 'SwitchCase' ? block.consequent : block.type === 'BlockStatement' || block.type === 'Program' ? block.body : [];
    found = statements.filter((statement): statement is TSESTree.IfStatement => statement.type === 'IfStatement' && statement.alternate === null && alwaysExits(statement.consequent));
    earlyExitsOf.set(block, found);
  }
  return found;
}

function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement' || statement.type === 'ContinueStatement' || statement.type === 'BreakStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && alwaysExits(last);
  }
  return false;
}

/** The kinds `subject` is safe for when `test` evaluates to `holds`. */
function conditionBits(ev: TaintEvaluator, rawTest: TSESTree.Node, holds: boolean, subject: string): number {
  const test = unwrapExpression(rawTest);
  if (test.type === 'UnaryExpression' && test.operator === '!') return conditionBits(ev, test.argument, !holds, subject);
  if (test.type === 'LogicalExpression' && (test.operator === '&&' || test.operator === '||')) {
    const left = conditionBits(ev, test.left, holds, subject);
    const right = conditionBits(ev, test.right, holds, subject);
    // (a && b) true: both hold; (a || b) false: both fail. Otherwise only what both sides prove.
    return (test.operator === '&&') === holds ? left | right : left & right;
  }
  if (test.type === 'BinaryExpression') return comparisonBits(ev, test, holds, subject);
  // `const valid = RE.test(x); if (!valid) return;`: the check, kept in a constant.
  if (test.type === 'Identifier') {
    const stored = resolveConst(ev, test);
    return stored !== null && stored.type !== 'Identifier' && stored.type !== 'Literal' ? conditionBits(ev, stored, holds, subject) : 0;
  }
  if (test.type === 'CallExpression' && holds) return predicateBits(ev, test, subject);
  return 0;
}

function comparisonBits(ev: TaintEvaluator, test: TSESTree.BinaryExpression, holds: boolean, subject: string): number {
  const equal = test.operator === '===' || test.operator === '==' || test.operator === 'in';
  const notEqual = test.operator === '!==' || test.operator === '!=';
  if ((!equal || !holds) && (!notEqual || holds)) return 0;
  const [left, right] = [unwrapExpression(test.left), unwrapExpression(test.right)];
  // typeof x === 'number' (or 'boolean'): no text.
  if (left.type === 'UnaryExpression' && left.operator === 'typeof' && subjectKey(ev, left.argument) === subject) {
    const type = ev.file.values.stringOf(right);
    return type === 'number' || type === 'boolean' || type === 'bigint' ? ALL_KINDS : 0;
  }
  // `x in ALLOWED`: a key of an object whose keys the code wrote (and no request value added one).
  if (test.operator === 'in') return subjectKey(ev, left) === subject && hasConstantKeys(ev.file, right) ? ALL_KINDS : 0;
  if (subjectKey(ev, left) === subject && ev.file.values.isConstant(right)) return ALL_KINDS;
  // `new URL(x).origin === ALLOWED_ORIGIN`: the URL's host is fixed, not its path.
  if ((isUrlHostOf(ev, left, subject) && isFixedHost(ev, right)) || (isUrlHostOf(ev, right, subject) && isFixedHost(ev, left))) return kindBit('url');
  if (subjectKey(ev, right) === subject && ev.file.values.isConstant(left)) return ALL_KINDS;
  return 0;
}

function predicateBits(ev: TaintEvaluator, call: TSESTree.CallExpression, subject: string): number {
  const callee = unwrapExpression(call.callee);
  const first = call.arguments[0];
  if (callee.type === 'MemberExpression') {
    const method = staticPropertyName(callee);
    const receiver = unwrapExpression(callee.object);
    // ALLOWED.includes(x), new Set([...]).has(x), Object.keys(COLUMNS).includes(k): an allow-list of constants.
    if ((method === 'includes' || method === 'has') && first !== undefined && subjectKey(ev, first) === subject && isConstantCollection(ev.file, receiver)) return ALL_KINDS;
    if (method === 'hasOwnProperty' && first !== undefined && subjectKey(ev, first) === subject && hasConstantKeys(ev.file, receiver)) return ALL_KINDS;
    // ALLOWED_HOSTS.includes(new URL(x).hostname): an allow-list of hosts fixes where `x` points.
    if ((method === 'includes' || method === 'has') && first !== undefined && isUrlHostOf(ev, first, subject) && isConstantCollection(ev.file, receiver)) return kindBit('url');
    const second = call.arguments[1];
    if (method === 'hasOwn' && ev.isGlobal(receiver, 'Object') && second !== undefined && subjectKey(ev, second) === subject && first !== undefined && hasConstantKeys(ev.file, first)) return ALL_KINDS;
    // /^[a-z0-9_]+$/.test(x), RE.exec(x), x.match(RE): a whole-string match of safe characters.
    if ((method === 'test' || method === 'exec') && first !== undefined && subjectKey(ev, first) === subject && isAnchoredAllowList(ev, receiver)) return ALL_KINDS;
    if (method === 'match' && first !== undefined && subjectKey(ev, receiver) === subject && isAnchoredAllowList(ev, first)) return ALL_KINDS;
    // Any other pattern that held proves text: `RE.test(obj)` sees '[object Object]'; `obj.match` throws.
    if ((method === 'test' || method === 'exec') && first !== undefined && subjectKey(ev, first) === subject && rejectsObjects(ev, receiver)) return TEXT_BITS;
    if (method === 'match' && subjectKey(ev, receiver) === subject) return TEXT_BITS;
    if ((method === 'isInteger' || method === 'isSafeInteger' || method === 'isFinite') && ev.isGlobal(receiver, 'Number') && first !== undefined && subjectKey(ev, first) === subject) return ALL_KINDS;
    if (method === 'startsWith' && subjectKey(ev, receiver) === subject && isResolvedPath(ev, receiver)) return kindBit('path');
  }
  const schemaBits = jsonSchemaGuardBits(ev, call, subject);
  if (schemaBits !== 0) return schemaBits;
  const helperBits = predicateHelperBits(ev, call, subject);
  if (helperBits !== 0) return helperBits;
  for (const match of ev.file.concepts.callsTo(call, 'validator')) {
    const argument = call.arguments[match.row.argument];
    if (argument !== undefined && subjectKey(ev, argument) === subject) return kindBits(match.row.kinds);
  }
  return 0;
}

/**
 * `validate(data)` with `const validate = ajv.compile(schema)`, or `ajv.validate(schema, data)`: where it held,
 * `data.field` is what the schema admits there.
 */
function jsonSchemaGuardBits(ev: TaintEvaluator, call: TSESTree.CallExpression, subject: string): number {
  let schema: TSESTree.Node | undefined;
  let data: TSESTree.Node | undefined;
  const direct = ev.file.concepts.callsTo(call, 'json-schema-validator').find((match) => match.row.dataArgument !== undefined);
  if (direct !== undefined) {
    schema = call.arguments[direct.row.argument];
    data = call.arguments[direct.row.dataArgument ?? 1];
  } else {
    const compiled = resolveConst(ev, unwrapExpression(call.callee));
    if (compiled?.type !== 'CallExpression') return 0;
    const compiler = ev.file.concepts.callsTo(compiled, 'json-schema-validator').find((match) => match.row.dataArgument === undefined);
    schema = compiler === undefined ? undefined : compiled.arguments[compiler.row.argument];
    data = call.arguments[0];
  }
  const key = data === undefined ? null : subjectKey(ev, data);
  if (key === null || schema === undefined) return 0;
  const remainder = subject === key ? [] : subject.startsWith(`${key}.`) ? subject.slice(key.length + 1).split('.') : null;
  return remainder !== null && isJsonSchemaSafeAt(ev, schema, remainder) ? ALL_KINDS : 0;
}

function resolveConst(ev: TaintEvaluator, node: TSESTree.Node): TSESTree.Node | null {
  if (node.type !== 'Identifier') return node;
  const variable = ev.file.scope.variableOf(node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  return unwrapExpression(definition.node.init);
}

/** A variable holding `path.resolve(...)` (absolute and normalized, so a prefix check confines it). */
function isResolvedPath(ev: TaintEvaluator, node: TSESTree.Node): boolean {
  const value = resolveConst(ev, node);
  if (value === null || value.type !== 'CallExpression') return false;
  const reference = ev.file.origins.referenceOf(value.callee);
  const step = reference === null ? null : ev.file.project.conceptIndex.match(reference, 'taint-step');
  return step?.row.resolvesPath === true;
}

const URL_HOST_MEMBERS = new Set(['host', 'hostname', 'origin']);

/** `u.hostname` (or `.host`, `.origin`) of the subject parsed as a URL: `new URL(x).host`, or `u` with `const u = new URL(x)`. */
function isUrlHostOf(ev: TaintEvaluator, raw: TSESTree.Node, subject: string): boolean {
  const node = unwrapExpression(raw);
  if (node.type !== 'MemberExpression' || !URL_HOST_MEMBERS.has(staticPropertyName(node) ?? '')) return false;
  const object = unwrapExpression(node.object);
  if (subjectKey(ev, object) === subject) return true;
  const parsed = resolveConst(ev, object);
  const input = parsed?.type === 'NewExpression' && ev.isGlobal(parsed.callee, 'URL') ? parsed.arguments[0] : undefined;
  return input !== undefined && subjectKey(ev, input) === subject;
}

/** A constant, or the host of a URL parsed from one (`new URL(BASE).origin`). */
function isFixedHost(ev: TaintEvaluator, raw: TSESTree.Node): boolean {
  const node = unwrapExpression(raw);
  if (ev.file.values.isConstant(node)) return true;
  if (node.type !== 'MemberExpression' || !URL_HOST_MEMBERS.has(staticPropertyName(node) ?? '')) return false;
  const parsed = resolveConst(ev, unwrapExpression(node.object));
  return parsed?.type === 'NewExpression' && ev.isGlobal(parsed.callee, 'URL') && parsed.arguments.length > 0 && parsed.arguments.every((argument) => ev.file.values.isConstant(argument));
}

/** What a check is about: a variable (by identity) plus a static member path; null for anything else. */
function subjectKey(ev: TaintEvaluator, raw: TSESTree.Node): string | null {
  const node = unwrapExpression(raw);
  if (node.type === 'Identifier') {
    const variable = ev.file.scope.variableOf(node);
    return variable === null ? null : `${ev.taint.variableId(variable)}`;
  }
  if (node.type === 'MemberExpression') {
    const name = staticPropertyName(node);
    const base = subjectKey(ev, node.object);
    return name === null || base === null ? null : `${base}.${name}`;
  }
  return null;
}

/**
 * `if (!isSortable(column)) return` with `function isSortable(c) { return COLUMNS.includes(c); }` (in this or
 * another module): a predicate of the project whose one return is a check on its parameter.
 */
function predicateHelperBits(ev: TaintEvaluator, call: TSESTree.CallExpression, subject: string): number {
  if (helpersInProgress >= MAX_PREDICATE_HELPERS) return 0;
  helpersInProgress += 1;
  try {
    return helperBits(ev, call, subject);
  } finally {
    helpersInProgress -= 1;
  }
}

function helperBits(ev: TaintEvaluator, call: TSESTree.CallExpression, subject: string): number {
  const target = resolveCallee(ev.file, call);
  if (target === null) return 0;
  const returns = target.file.taint.functionFacts(target.fn).returns;
  const inner = target.file.taint.evaluator;
  let bits = 0;
  target.fn.params.forEach((parameter, index) => {
    const argument = call.arguments[index];
    if (argument === undefined || argument.type === 'SpreadElement' || subjectKey(ev, argument) !== subject) return;
    const own = subjectKey(inner, parameter);
    if (own !== null) bits |= truthyReturnBits(inner, returns, own);
  });
  return bits;
}

/**
 * What every way of returning true proves about `subject`: a check returned as it is (`return COLUMNS.includes(c)`),
 * or a return reached only past checks that exit otherwise (`if (!RE.test(c)) return false; return true;`). A
 * falsy constant (`return false`) is no way of returning true; a function with none proves nothing.
 */
function truthyReturnBits(ev: TaintEvaluator, returns: readonly TSESTree.Expression[], subject: string): number {
  let bits = ALL_KINDS;
  let truthy = 0;
  for (const returned of returns) {
    const known = ev.file.values.valueOf(returned);
    if (known !== null && !known.value) continue;
    truthy += 1;
    bits &= conditionBits(ev, returned, true, subject) | guardedBitsFor(ev, returned, subject);
    if (bits === 0) return 0;
  }
  return truthy === 0 ? 0 : bits;
}

/** `(key) => ALLOWED.includes(key)`: a filter keeping only elements an allow-list admits. */
export function isAllowListCallback(ev: TaintEvaluator, node: TSESTree.Node | undefined): boolean {
  const callback = node === undefined ? null : unwrapExpression(node);
  if (callback === null || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return false;
  const parameter = callback.params[0];
  const subject = parameter === undefined ? null : subjectKey(ev, parameter);
  const body = callback.body;
  const returned = body.type !== 'BlockStatement' ? body : body.body.length === 1 && body.body[0]?.type === 'ReturnStatement' ? body.body[0].argument : null;
  return subject !== null && returned !== null && conditionBits(ev, returned, true, subject) === ALL_KINDS;
}
