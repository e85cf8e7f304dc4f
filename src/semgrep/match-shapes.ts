/**
 * Shapes the generic comparison gets wrong: literals (by value, `"..."` for any string), template literals
 * (text runs and `...`), members (`a.b` is `a['b']`, chain ellipses), object properties (by static key),
 * functions (declarations, expressions and arrows are one family), and matching by meaning: a module-rooted
 * pattern (`child_process.exec`) against code whose ApiReference says it is that value (`cp.exec`,
 * `exec` imported by name), and a literal against a constant (`const MODE = 'md5'; createHash(MODE)`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, stringLiteralValue, unwrapExpression } from '../analysis/node-shapes.js';
import { bind, literalKey, type Bindings } from './bindings.js';
import { flatMapSolutions, matchNode, NONE, orNone, sequenceMatches, type MatchEnv, type Solutions } from './match.js';
import { MAX_CHAIN_STEPS, MAX_SOLUTIONS } from './match-limits.js';
import { isAnyRegexLiteral, markerOf, modulePathOf, normalizeModule, stringMarkerOf } from './pattern-markers.js';

export function matchLiteral(pattern: TSESTree.Literal, code: TSESTree.Node, bindings: Bindings): Solutions {
  if (isAnyRegexLiteral(pattern)) return code.type === 'Literal' && 'regex' in code && code.regex !== undefined ? [bindings] : NONE;
  const marker = stringMarkerOf(pattern);
  const text = stringLiteralValue(code);
  if (marker?.kind === 'any-string') return text !== null ? [bindings] : NONE;
  if (marker?.kind === 'string-metavariable') return text === null ? NONE : orNone(bind(bindings, marker.name, { kind: 'text', text, node: code }));
  if (code.type !== 'Literal') return typeof pattern.value === 'string' && text === pattern.value ? [bindings] : NONE;
  return literalKey(pattern) === literalKey(code) ? [bindings] : NONE;
}

type TemplatePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'ellipsis' } | { readonly kind: 'expression'; readonly node: TSESTree.Node };

function templateParts(template: TSESTree.TemplateLiteral, isPattern: boolean): TemplatePart[] {
  const parts: TemplatePart[] = [];
  template.quasis.forEach((quasi, index) => {
    const text = quasi.value.cooked ?? quasi.value.raw;
    if (isPattern && text === '...') parts.push({ kind: 'ellipsis' });
    else if (text !== '') parts.push({ kind: 'text', text });
    const expression = template.expressions[index];
    if (expression !== undefined) parts.push({ kind: 'expression', node: expression });
  });
  return parts;
}

/** Pattern text matches code text exactly, except that `...` inside it stands for any characters. */
function sameText(patternText: string, codeText: string): boolean {
  if (!patternText.includes('...')) return patternText === codeText;
  const source = patternText.split('...').map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
  return new RegExp(`^${source}$`).test(codeText);
}

export function matchTemplate(pattern: TSESTree.TemplateLiteral, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const patternParts = templateParts(pattern, true);
  const codeParts: TemplatePart[] = code.type === 'TemplateLiteral' ? templateParts(code, false) : (() => {
    const text = stringLiteralValue(code);
    return text === null ? [] : [{ kind: 'text', text }];
  })();
  if (code.type !== 'TemplateLiteral' && codeParts.length === 0) return NONE;
  const results: Bindings[] = [];
  const visit = (patternIndex: number, codeIndex: number, state: Bindings): void => {
    if (results.length >= MAX_SOLUTIONS || !env.budget.spend()) return;
    const part = patternParts[patternIndex];
    if (part === undefined) {
      if (codeIndex === codeParts.length) results.push(state);
      return;
    }
    if (part.kind === 'ellipsis') {
      for (let end = codeIndex; end <= codeParts.length; end += 1) visit(patternIndex + 1, end, state);
      return;
    }
    const codePart = codeParts[codeIndex];
    if (codePart === undefined) return;
    if (part.kind === 'text') {
      if (codePart.kind === 'text' && sameText(part.text, codePart.text)) visit(patternIndex + 1, codeIndex + 1, state);
    } else if (codePart.kind === 'expression') {
      for (const solution of matchNode(part.node, codePart.node, state, env)) visit(patternIndex + 1, codeIndex + 1, solution);
    }
  };
  visit(0, 0, bindings);
  return results;
}

export function matchMember(pattern: TSESTree.MemberExpression, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  if (code.type !== 'MemberExpression') return NONE;
  const object = pattern.object;
  const objects =
    object.type === 'MemberExpression' && markerOf(object.property)?.kind === 'chain' ? matchChain(object.object, code.object, bindings, env) : matchNode(object, code.object, bindings, env);
  return flatMapSolutions(objects, (state) => matchMemberProperty(pattern, code, state, env));
}

/** `$O.foo(). ... .bar()`: the part before the ellipsis matches after skipping any members and calls. */
function matchChain(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  let current: TSESTree.Node = code;
  for (let step = 0; step <= MAX_CHAIN_STEPS; step += 1) {
    const solutions = matchNode(pattern, current, bindings, env);
    if (solutions.length > 0) return solutions;
    const inner = unwrapExpression(current);
    if (inner.type === 'CallExpression') current = inner.callee;
    else if (inner.type === 'MemberExpression') current = inner.object;
    else return NONE;
  }
  return NONE;
}

function matchMemberProperty(pattern: TSESTree.MemberExpression, code: TSESTree.MemberExpression, bindings: Bindings, env: MatchEnv): Solutions {
  const property = pattern.property;
  if (pattern.computed) {
    if (code.computed) return matchNode(property, code.property, bindings, env);
    // `a['b']` in a pattern is `a.b` in code.
    return property.type === 'Literal' && staticPropertyName(code) === property.value ? [bindings] : NONE;
  }
  if (property.type !== 'Identifier') return NONE;
  if (markerOf(property) !== null) {
    const isStaticKey = !code.computed || staticPropertyName(code) !== null;
    return isStaticKey ? matchNode(property, code.property, bindings, env) : NONE;
  }
  return staticPropertyName(code) === property.name ? [bindings] : NONE;
}

export function matchProperty(pattern: TSESTree.Property, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  if (code.type !== 'Property') return NONE;
  if (pattern.kind !== 'init' && pattern.kind !== code.kind) return NONE;
  const keys = matchPropertyKey(pattern, code, bindings, env);
  return flatMapSolutions(keys, (state) => matchNode(pattern.value, code.value, state, env));
}

function matchPropertyKey(pattern: TSESTree.Property, code: TSESTree.Property, bindings: Bindings, env: MatchEnv): Solutions {
  const key = pattern.key;
  if (pattern.computed) return code.computed ? matchNode(key, code.key, bindings, env) : NONE;
  if (key.type === 'Identifier' && markerOf(key) !== null) return matchNode(key, code.key, bindings, env);
  const name = staticPropertyName(pattern);
  return name !== null && name === staticPropertyName(code) ? [bindings] : NONE;
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function matchFunction(pattern: FunctionNode, code: FunctionNode, bindings: Bindings, env: MatchEnv): Solutions {
  if ((pattern.async && !code.async) || (pattern.generator && !code.generator)) return NONE;
  let states: Solutions = [bindings];
  const patternName = pattern.id;
  if (patternName !== null && patternName !== undefined) {
    const codeName = code.id;
    if (codeName === null || codeName === undefined) {
      if (markerOf(patternName)?.kind !== 'ellipsis') return NONE;
    } else states = matchNode(patternName, codeName, bindings, env);
  }
  states = flatMapSolutions(states, (state) => sequenceMatches(pattern.params, code.params, 0, state, env, { statements: false, openEnd: false }).map((end) => end.bindings));
  const returnType = pattern.returnType;
  if (returnType !== undefined) {
    const codeReturnType = code.returnType;
    if (codeReturnType === undefined) return NONE;
    states = flatMapSolutions(states, (state) => matchNode(returnType, codeReturnType, state, env));
  }
  return flatMapSolutions(states, (state) => matchFunctionBody(pattern.body, code.body, state, env));
}

/** A block body against an arrow's expression body reads the expression as `return <expression>`. */
function matchFunctionBody(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  if (pattern.type === 'BlockStatement') {
    const only = pattern.body.length === 1 ? pattern.body[0] : undefined;
    if (only !== undefined && only.type === 'ExpressionStatement' && markerOf(only.expression)?.kind === 'ellipsis') return [bindings];
    if (code.type === 'BlockStatement') return matchNode(pattern, code, bindings, env);
    return only?.type === 'ReturnStatement' && only.argument !== null ? matchNode(only.argument, code, bindings, env) : NONE;
  }
  if (code.type === 'BlockStatement') {
    const only = code.body.length === 1 ? code.body[0] : undefined;
    return only?.type === 'ReturnStatement' && only.argument !== null ? matchNode(pattern, only.argument, bindings, env) : NONE;
  }
  return matchNode(pattern, code, bindings, env);
}

/** Matches that the syntax does not show: through imports, and through constants. */
export function matchByMeaning(pattern: TSESTree.Node, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  const path = modulePathOf(pattern);
  if (path !== null) {
    if (code.type !== 'Identifier' && code.type !== 'MemberExpression' && code.type !== 'CallExpression') return NONE;
    const reference = env.file.origins.referenceOf(code);
    if (reference === null || normalizeModule(reference.module) !== path.module || reference.steps.length !== path.steps.length) return NONE;
    let state: Bindings | null = bindings;
    path.steps.forEach((step, index) => {
      const actual = reference.steps[index] ?? '';
      // A metavariable step binds the member's name as the module spells it (`exec`, even when imported as `run`).
      if (typeof step !== 'string') state = state === null ? null : bind(state, step.metavariable, { kind: 'text', text: actual, node: code });
      else if (step !== actual) state = null;
    });
    return orNone(state);
  }
  if (pattern.type === 'Literal' && (code.type === 'Identifier' || code.type === 'BinaryExpression' || code.type === 'TemplateLiteral' || code.type === 'MemberExpression')) {
    return matchConstant(pattern, code, bindings, env);
  }
  return NONE;
}

/** Semgrep's constant propagation: `'md5'` matches a name whose only value is the constant `'md5'`. */
function matchConstant(pattern: TSESTree.Literal, code: TSESTree.Node, bindings: Bindings, env: MatchEnv): Solutions {
  if ('regex' in pattern && pattern.regex !== undefined) return NONE;
  const folded = env.file.values.valueOf(code);
  if (folded === null) return NONE;
  const value = folded.value;
  const marker = stringMarkerOf(pattern);
  if (marker?.kind === 'any-string') return typeof value === 'string' ? [bindings] : NONE;
  if (marker?.kind === 'string-metavariable') return typeof value === 'string' ? orNone(bind(bindings, marker.name, { kind: 'text', text: value, node: code })) : NONE;
  return value === pattern.value ? [bindings] : NONE;
}
