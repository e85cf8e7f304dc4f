/**
 * The structural matcher: does a pattern tree match a code tree, and under which metavariable bindings?
 * Nodes compare by type and children (visitor keys); a child the pattern leaves out (a type annotation, an
 * initializer, decorators) matches anything, so patterns say only what matters. Arrays (arguments, statements,
 * properties, parameters) match as sequences where `...` and `$...X` stand for runs. Shapes with their own
 * rules (literals, templates, members, functions, imports) are in match-shapes.ts. Every answer is the list of
 * binding sets under which the pattern matches (empty: no match), bounded by MAX_SOLUTIONS and a step budget.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { FileContext } from '../engine/file-context.js';
import { bind, type Bindings } from './bindings.js';
import { MAX_DEEP_NODES, MAX_NESTED_STATEMENTS, MAX_SOLUTIONS, type MatchBudget } from './match-limits.js';
import { matchByMeaning, matchFunction, matchLiteral, matchMember, matchProperty, matchTemplate } from './match-shapes.js';
import { deepPatternOf, identifierMarker, sequenceMarkerOf, type IdentifierMarker } from './pattern-markers.js';

export interface MatchEnv {
  /** The file the code is in: its origins resolve imports, its values fold constants. */
  readonly file: FileContext;
  readonly budget: MatchBudget;
}

export type Solutions = readonly Bindings[];
export const NONE: Solutions = [];

/** TS-only and optional-chain wrappers are looked through unless the pattern names them. */
const CODE_WRAPPERS: ReadonlySet<string> = new Set(['ChainExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);
/** Attributes compared when both sides have them (absent, null and false are one value). */
const ATTRIBUTES = ['operator', 'prefix', 'generator', 'static', 'kind', 'delegate', 'await', 'computed', 'name'] as const;
/** Array children that an empty pattern array leaves unconstrained. */
const OPTIONAL_ARRAYS: ReadonlySet<string> = new Set(['decorators', 'implements', 'attributes']);
const FUNCTION_TYPES: ReadonlySet<string> = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const CLASS_TYPES: ReadonlySet<string> = new Set(['ClassDeclaration', 'ClassExpression']);

type NodeRecord = Readonly<Record<string, unknown>>;

export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function unwrapCode(code: TSESTree.Node, patternType: string): TSESTree.Node {
  let current = code;
  while (CODE_WRAPPERS.has(current.type) && current.type !== patternType) current = (current as unknown as { expression: TSESTree.Node }).expression;
  return current;
}

/** Keeps at most MAX_SOLUTIONS results of `step` over every state. */
export function flatMapSolutions<T>(states: readonly T[], step: (state: T) => Solutions): Solutions {
  const out: Bindings[] = [];
  for (const state of states) {
    for (const solution of step(state)) {
      out.push(solution);
      if (out.length >= MAX_SOLUTIONS) return out;
    }
  }
  return out;
}

export function matchNode(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  if (!env.budget.spend()) return NONE;
  if (pattern.type === 'Identifier') return matchIdentifier(pattern, code, bindings, env);
  const deep = deepPatternOf(pattern);
  if (deep !== null) return matchDeep(deep, code, bindings, env);
  const target = unwrapCode(code, pattern.type);
  const solutions = matchShape(pattern, target, bindings, env);
  return solutions.length > 0 ? solutions : matchByMeaning(pattern, target, bindings, env);
}

function matchIdentifier(pattern: TSESTree.Identifier, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const marker = identifierMarker(pattern.name);
  let solutions: Solutions;
  if (marker !== null) solutions = matchMarker(marker, code, bindings);
  else {
    const target = unwrapCode(code, 'Identifier');
    const sameName = (target.type === 'Identifier' || target.type === 'JSXIdentifier') && target.name === pattern.name;
    solutions = sameName ? [bindings] : matchByMeaning(pattern, target, bindings, env);
  }
  if (pattern.typeAnnotation === undefined || solutions.length === 0) return solutions;
  const annotation = (code as { typeAnnotation?: TSESTree.Node }).typeAnnotation;
  if (annotation === undefined) return NONE;
  const patternAnnotation = pattern.typeAnnotation;
  return flatMapSolutions(solutions, (state) => matchNode(patternAnnotation, annotation, state, env));
}

function matchMarker(marker: NonNullable<IdentifierMarker>, code: TSESTree.Node, bindings: Bindings): Solutions {
  switch (marker.kind) {
    case 'metavariable':
      return orNone(bind(bindings, marker.name, { kind: 'node', node: code }));
    case 'sequence':
      return orNone(bind(bindings, marker.name, { kind: 'nodes', nodes: [code] }));
    case 'anonymous':
    case 'ellipsis':
      return [bindings];
    case 'chain':
      return NONE;
  }
}

export function orNone(bindings: Bindings | null): Solutions {
  return bindings === null ? NONE : [bindings];
}

function matchShape(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  switch (pattern.type) {
    case 'Literal':
      return matchLiteral(pattern, code, bindings);
    case 'TemplateLiteral':
      return matchTemplate(pattern, code, bindings, env);
    case 'MemberExpression':
      return matchMember(pattern, code, bindings, env);
    case 'Property':
      return matchProperty(pattern, code, bindings, env);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return FUNCTION_TYPES.has(code.type) ? matchFunction(pattern, code as typeof pattern, bindings, env) : NONE;
    case 'AssignmentExpression':
      // Semgrep's vardef_assign: `$X = $Y` also matches `const x = y`.
      if (code.type === 'VariableDeclarator' && pattern.operator === '=') {
        const init = code.init;
        return init === null ? NONE : flatMapSolutions(matchNode(pattern.left, code.id, bindings, env), (state) => matchNode(pattern.right, init, state, env));
      }
      break;
    default:
      break;
  }
  if (isStatementType(pattern.type) && pattern.type !== 'BlockStatement' && code.type === 'BlockStatement' && code.body.length === 1 && code.body[0] !== undefined) {
    return matchNode(pattern, code.body[0], bindings, env);
  }
  const sameFamily = pattern.type === code.type || (CLASS_TYPES.has(pattern.type) && CLASS_TYPES.has(code.type));
  return sameFamily ? matchChildren(pattern, code, bindings, env) : NONE;
}

/** The generic comparison: attributes first (cheap), then every child the pattern states. */
export function matchChildren(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const patternRecord = pattern as unknown as NodeRecord;
  const codeRecord = code as unknown as NodeRecord;
  for (const attribute of ATTRIBUTES) {
    if (attribute === 'kind' && pattern.type === 'VariableDeclaration') continue;
    const value = patternRecord[attribute];
    if (value === undefined || typeof value === 'object') continue;
    if (!sameAttribute(value, codeRecord[attribute])) return NONE;
  }
  let states: Solutions = [bindings];
  for (const key of visitorKeys[pattern.type] ?? []) {
    const value = patternRecord[key];
    const other = codeRecord[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0 && OPTIONAL_ARRAYS.has(key)) continue;
      const items = value as readonly (TSESTree.Node | null)[];
      const codeItems = Array.isArray(other) ? (other as readonly (TSESTree.Node | null)[]) : [];
      if (key === 'decorators') states = flatMapSolutions(states, (state) => matchUnordered(items, codeItems, state, env));
      else {
        const statements = isStatementList(pattern.type, key);
        states = flatMapSolutions(states, (state) => sequenceMatches(items, codeItems, 0, state, env, { statements, openEnd: false }).map((end) => end.bindings));
      }
    } else if (isNode(value)) {
      if (!isNode(other)) return NONE;
      states = flatMapSolutions(states, (state) => matchNode(value, other, state, env));
    }
    if (states.length === 0) return NONE;
  }
  return states;
}

function sameAttribute(value: unknown, other: unknown): boolean {
  const absent = (item: unknown): boolean => item === undefined || item === null || item === false;
  return value === other || (absent(value) && absent(other));
}

function isStatementList(parentType: string, key: string): boolean {
  return (key === 'body' && (parentType === 'BlockStatement' || parentType === 'Program' || parentType === 'StaticBlock')) || (key === 'consequent' && parentType === 'SwitchCase');
}

export function isStatementType(type: string): boolean {
  return type.endsWith('Statement') || type === 'VariableDeclaration' || type === 'FunctionDeclaration' || type === 'ClassDeclaration';
}

/** Every pattern item matches some code item, in any order (decorators: Semgrep ignores their order by default). */
function matchUnordered(items: readonly (TSESTree.Node | null)[], codeItems: readonly (TSESTree.Node | null)[], bindings: Bindings, env: MatchEnv): Solutions {
  let states: Solutions = [bindings];
  for (const item of items) {
    if (item === null) continue;
    states = flatMapSolutions(states, (state) => flatMapSolutions(codeItems, (codeItem) => (codeItem === null ? NONE : matchNode(item, codeItem, state, env))));
    if (states.length === 0) return NONE;
  }
  return states;
}

export interface SequenceEnd {
  readonly bindings: Bindings;
  /** Index after the last code item the pattern covered. */
  readonly end: number;
}

export interface SequenceMode {
  /** Statement lists: a statement after `...` may match inside a following statement, and `foo();` matches `x = foo();`. */
  readonly statements: boolean;
  /** The pattern may stop before the end of the code list (a statement sequence inside a longer block). */
  readonly openEnd: boolean;
}

/** Matches pattern items against code items from `start`, with ellipses standing for runs; backtracks within the budget. */
export function sequenceMatches(items: readonly (TSESTree.Node | null)[], codeItems: readonly (TSESTree.Node | null)[], start: number, bindings: Bindings, env: MatchEnv, mode: SequenceMode): readonly SequenceEnd[] {
  const results: SequenceEnd[] = [];
  const matchOne = mode.statements ? matchStatement : matchNode;
  const visit = (itemIndex: number, codeIndex: number, state: Bindings, afterEllipsis: boolean): void => {
    if (results.length >= MAX_SOLUTIONS || env.budget.exhausted) return;
    if (itemIndex === items.length) {
      if (mode.openEnd || codeIndex === codeItems.length) results.push({ bindings: state, end: codeIndex });
      return;
    }
    const item = items[itemIndex] ?? null;
    const marker = sequenceMarkerOf(item);
    if (marker !== null) {
      // A trailing ellipsis takes the rest: one solution rather than one per length.
      const from = itemIndex === items.length - 1 ? codeItems.length : codeIndex;
      for (let end = from; end <= codeItems.length && env.budget.spend(); end += 1) {
        const next = marker.kind === 'sequence' ? bind(state, marker.name, { kind: 'nodes', nodes: codeItems.slice(codeIndex, end).filter((node): node is TSESTree.Node => node !== null) }) : state;
        if (next !== null) visit(itemIndex + 1, end, next, true);
      }
      return;
    }
    if (codeIndex >= codeItems.length) return;
    const codeItem = codeItems[codeIndex] ?? null;
    if (item === null || codeItem === null) {
      if (item === codeItem) visit(itemIndex + 1, codeIndex + 1, state, false);
      return;
    }
    for (const solution of matchOne(item, codeItem, state, env)) visit(itemIndex + 1, codeIndex + 1, solution, false);
    if (mode.statements && afterEllipsis) {
      for (const nested of nestedStatements(codeItem)) {
        if (!mayMatchStatement(item.type, nested.type)) continue;
        for (const solution of matchStatement(item, nested, state, env)) visit(itemIndex + 1, codeIndex + 1, solution, false);
      }
    }
  };
  visit(0, start, bindings, false);
  return results;
}

/** A cheap type test before matching a pattern statement against a nested one (the nested list holds block contents too). */
function mayMatchStatement(patternType: string, codeType: string): boolean {
  if (patternType === 'ExpressionStatement') return codeType === 'ExpressionStatement' || codeType === 'VariableDeclaration' || codeType === 'ReturnStatement';
  return patternType === codeType || (CLASS_TYPES.has(patternType) && CLASS_TYPES.has(codeType));
}

/** A pattern statement against a code statement; an expression statement also matches the value a statement computes. */
export function matchStatement(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const direct = matchNode(pattern, code, bindings, env);
  if (direct.length > 0 || pattern.type !== 'ExpressionStatement') return direct;
  const expression = pattern.expression;
  if (expression.type === 'AssignmentExpression' && code.type === 'VariableDeclaration') {
    return flatMapSolutions(code.declarations, (declarator) => matchNode(expression, declarator, bindings, env));
  }
  return flatMapSolutions(statementValues(code), (value) => matchNode(expression, value, bindings, env));
}

/** `x = foo()`, `const x = await foo()`, `return foo()`: the values a statement computes. */
function statementValues(statement: TSESTree.Node): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  const add = (value: TSESTree.Node | null | undefined): void => {
    if (value === null || value === undefined) return;
    values.push(value);
    if (value.type === 'AwaitExpression') values.push(value.argument);
  };
  if (statement.type === 'ExpressionStatement') {
    add(statement.expression);
    if (statement.expression.type === 'AssignmentExpression') add(statement.expression.right);
  } else if (statement.type === 'VariableDeclaration') for (const declarator of statement.declarations) add(declarator.init);
  else if (statement.type === 'ReturnStatement') add(statement.argument);
  return values;
}

/** Code trees are immutable during a scan: each statement's nested statements are listed once. */
const nestedStatementLists = new WeakMap<TSESTree.Node, readonly TSESTree.Node[]>();

/** Statements nested in `statement`, outermost first, not entering functions or classes (their own scopes). */
function nestedStatements(statement: TSESTree.Node): readonly TSESTree.Node[] {
  const cached = nestedStatementLists.get(statement);
  if (cached !== undefined) return cached;
  const found: TSESTree.Node[] = [];
  const queue: TSESTree.Node[] = childNodes(statement);
  for (let next = 0; next < queue.length && found.length < MAX_NESTED_STATEMENTS; next += 1) {
    const node = queue[next] as TSESTree.Node;
    if (FUNCTION_TYPES.has(node.type) || CLASS_TYPES.has(node.type)) continue;
    if (isStatementType(node.type)) found.push(node);
    queue.push(...childNodes(node));
  }
  nestedStatementLists.set(statement, found);
  return found;
}

export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const record = node as unknown as NodeRecord;
  const children: TSESTree.Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = record[key];
    if (Array.isArray(value)) for (const item of value as unknown[]) if (isNode(item)) children.push(item);
    if (isNode(value)) children.push(value);
  }
  return children;
}

/** `<... P ...>`: P matches the node or any node below it. */
function matchDeep(inner: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const out: Bindings[] = [];
  const queue: TSESTree.Node[] = [code];
  for (let next = 0; next < queue.length && next < MAX_DEEP_NODES && out.length < MAX_SOLUTIONS; next += 1) {
    out.push(...matchNode(inner, queue[next] as TSESTree.Node, bindings, env));
    queue.push(...childNodes(queue[next] as TSESTree.Node));
  }
  return out.slice(0, MAX_SOLUTIONS);
}
