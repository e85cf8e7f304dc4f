/**
 * What a pattern node means beyond its syntax: a metavariable, an ellipsis (alone, in a sequence, in a member
 * chain), a deep expression, a wildcard string, or a module-rooted member chain (`child_process.exec`,
 * `require('child_process').exec`) that may also match code through its imports. Read from reserved names
 * (pattern-syntax.ts), so a marker costs a string comparison.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { ANONYMOUS_METAVARIABLE, CHAIN_PREFIX, DEEP_CALLEE, ELLIPSIS_PREFIX, isMetavariableName, SEQUENCE_PREFIX } from './pattern-syntax.js';

export type IdentifierMarker =
  | { readonly kind: 'metavariable'; readonly name: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'ellipsis' }
  | { readonly kind: 'sequence'; readonly name: string }
  | { readonly kind: 'chain' }
  | null;

export function identifierMarker(name: string): IdentifierMarker {
  if (name.startsWith('$')) {
    if (name === ANONYMOUS_METAVARIABLE) return { kind: 'anonymous' };
    return isMetavariableName(name) ? { kind: 'metavariable', name } : null;
  }
  if (!name.startsWith('__rampart_')) return null;
  if (name.startsWith(ELLIPSIS_PREFIX)) return { kind: 'ellipsis' };
  if (name.startsWith(CHAIN_PREFIX)) return { kind: 'chain' };
  if (name.startsWith(SEQUENCE_PREFIX)) return { kind: 'sequence', name: `$...${name.slice(SEQUENCE_PREFIX.length)}` };
  return null;
}

export function markerOf(node: TSESTree.Node | null | undefined): IdentifierMarker {
  return node?.type === 'Identifier' ? identifierMarker(node.name) : null;
}

/** An element of a sequence (arguments, statements, properties, parameters) that stands for a run of elements. */
export type SequenceMarker = { readonly kind: 'ellipsis' } | { readonly kind: 'sequence'; readonly name: string } | null;

export function sequenceMarkerOf(node: TSESTree.Node | null): SequenceMarker {
  if (node === null) return null;
  const marker = markerOf(sequenceCarrier(node));
  return marker !== null && (marker.kind === 'ellipsis' || marker.kind === 'sequence') ? marker : null;
}

/** The identifier that carries an ellipsis in each sequence position: `...;`, `{ ... }`, `class { ... }`. */
function sequenceCarrier(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case 'Identifier':
      return node;
    case 'ExpressionStatement':
      return node.expression;
    case 'Property':
      return node.shorthand ? node.key : null;
    case 'PropertyDefinition':
      return node.value === null && !node.computed ? node.key : null;
    case 'ImportSpecifier':
      return node.local;
    case 'VariableDeclarator':
      return node.init === null ? node.id : null;
    default:
      return null;
  }
}

/** `<... P ...>`: the inner pattern, or null. */
export function deepPatternOf(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== DEEP_CALLEE) return null;
  return node.arguments[0] ?? null;
}

/** A string literal `"..."` (any string) or `"$X"` (any string, content bound to $X). */
export type StringMarker = { readonly kind: 'any-string' } | { readonly kind: 'string-metavariable'; readonly name: string } | null;

export function stringMarkerOf(literal: TSESTree.Literal): StringMarker {
  if (typeof literal.value !== 'string') return null;
  if (literal.value === '...') return { kind: 'any-string' };
  return isMetavariableName(literal.value) ? { kind: 'string-metavariable', name: literal.value } : null;
}

export function isAnyRegexLiteral(literal: TSESTree.Literal): boolean {
  return 'regex' in literal && literal.regex !== undefined && literal.regex !== null && literal.regex.pattern.startsWith(ELLIPSIS_PREFIX);
}

/** A member step of a module path: a name, or a metavariable standing for any name (`require('fs').$FN`). */
export type ModuleStep = string | { readonly metavariable: string };

/** A member chain rooted at a module: `{ module: 'child_process', steps: ['exec'] }`. */
export interface ModulePath {
  readonly module: string;
  readonly steps: readonly ModuleStep[];
}

const modulePaths = new WeakMap<TSESTree.Node, ModulePath | null>();

/**
 * `a.b.c` rooted at a plain identifier, or `require('m').b`: the path the matcher compares with the code's
 * ApiReference when the syntax differs (`cp.exec` after `const cp = require('child_process')`). At least one
 * member step: a bare name is never read as a module.
 */
export function modulePathOf(node: TSESTree.Node): ModulePath | null {
  const cached = modulePaths.get(node);
  if (cached !== undefined) return cached;
  const path = computeModulePath(node);
  modulePaths.set(node, path);
  return path;
}

function computeModulePath(node: TSESTree.Node): ModulePath | null {
  const steps: ModuleStep[] = [];
  let current = node;
  while (current.type === 'MemberExpression') {
    if (current.computed || current.property.type !== 'Identifier') return null;
    const marker = markerOf(current.property);
    if (marker !== null && marker.kind !== 'metavariable') return null;
    steps.unshift(marker === null ? current.property.name : { metavariable: marker.name });
    current = current.object;
  }
  if (steps.length === 0) return null;
  if (current.type === 'Identifier') return markerOf(current) === null ? { module: normalizeModule(current.name), steps } : null;
  const required = requiredModuleOf(current);
  return required === null ? null : { module: normalizeModule(required), steps };
}

/** `require('m')` in a pattern. */
export function requiredModuleOf(node: TSESTree.Node): string | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return null;
  const argument = node.arguments[0];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

/** `node:fs` and `fs` are one module. */
export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}
