/**
 * Metavariable bindings: what `$X` stood for in one match. A metavariable bound twice must stand for the same
 * code both times (Semgrep's consistent rebinding), compared structurally: `req.query.id` equals itself
 * written with other spacing, and `a.b` never equals `a.c`. Bindings are small immutable maps, copied on write.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type Binding =
  | { readonly kind: 'node'; readonly node: TSESTree.Node }
  | { readonly kind: 'nodes'; readonly nodes: readonly TSESTree.Node[] }
  /** Text without a node of its own: a regex group, the content of a string matched by `"$X"`. */
  | { readonly kind: 'text'; readonly text: string; readonly node: TSESTree.Node | null };

export type Bindings = ReadonlyMap<string, Binding>;

export const NO_BINDINGS: Bindings = new Map();

export function bind(bindings: Bindings, name: string, value: Binding): Bindings | null {
  const existing = bindings.get(name);
  if (existing !== undefined) return sameBinding(existing, value) ? bindings : null;
  const next = new Map(bindings);
  next.set(name, value);
  return next;
}

/** The union of two binding sets, or null when they disagree on a metavariable both bind. */
export function mergeBindings(first: Bindings, second: Bindings): Bindings | null {
  if (second.size === 0) return first;
  if (first.size === 0) return second;
  let merged: Bindings = first;
  for (const [name, value] of second) {
    const next = bind(merged, name, value);
    if (next === null) return null;
    merged = next;
  }
  return merged;
}

function sameBinding(first: Binding, second: Binding): boolean {
  if (first.kind === 'node' && second.kind === 'node') return sameCode(first.node, second.node);
  if (first.kind === 'nodes' && second.kind === 'nodes') {
    return first.nodes.length === second.nodes.length && first.nodes.every((node, index) => {
      const other = second.nodes[index];
      return other !== undefined && sameCode(node, other);
    });
  }
  if (first.kind === 'text' && second.kind === 'text') return first.text === second.text;
  // A name bound through an import (text) and the same name written in the code (an identifier) agree.
  const text = first.kind === 'text' ? first : second.kind === 'text' ? second : null;
  const node = first.kind === 'node' ? first.node : second.kind === 'node' ? second.node : null;
  return text !== null && node?.type === 'Identifier' && node.name === text.text;
}

const IGNORED_KEYS: ReadonlySet<string> = new Set(['parent', 'range', 'loc', 'start', 'end', 'raw', 'optional']);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Structural equality of two code trees, ignoring positions, spelling of literals and optional chaining. */
export function sameCode(first: TSESTree.Node, second: TSESTree.Node): boolean {
  if (first === second) return true;
  if (first.type !== second.type) return false;
  if (first.type === 'Literal' && second.type === 'Literal') return literalKey(first) === literalKey(second);
  const children = visitorKeys[first.type] ?? [];
  for (const key of Object.keys(first)) {
    if (IGNORED_KEYS.has(key) || children.includes(key)) continue;
    const value: unknown = (first as unknown as Record<string, unknown>)[key];
    const other: unknown = (second as unknown as Record<string, unknown>)[key];
    if (typeof value !== 'object' && value !== other && !(isAbsent(value) && isAbsent(other))) return false;
  }
  for (const key of children) {
    const value: unknown = (first as unknown as Record<string, unknown>)[key];
    const other: unknown = (second as unknown as Record<string, unknown>)[key];
    if (!sameChild(value, other)) return false;
  }
  return true;
}

function sameChild(value: unknown, other: unknown): boolean {
  if (Array.isArray(value)) {
    if (!Array.isArray(other) || value.length !== other.length) return isAbsent(value) && isAbsent(other);
    return value.every((item: unknown, index) => sameChild(item, other[index]));
  }
  if (isNode(value)) return isNode(other) && sameCode(value, other);
  return isAbsent(value) ? isAbsent(other) : value === other;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0);
}

/** A literal's identity: its type and value (`'a'` and `"a"` are the same string). */
export function literalKey(literal: TSESTree.Literal): string {
  if ('regex' in literal && literal.regex !== undefined && literal.regex !== null) return `regex:${literal.regex.pattern}/${literal.regex.flags}`;
  if ('bigint' in literal && typeof literal.bigint === 'string') return `bigint:${literal.bigint}`;
  return `${typeof literal.value}:${String(literal.value)}`;
}

/** The source text a binding stands for: a node's text, a sequence from its first to its last node. */
export function bindingRange(binding: Binding): readonly [number, number] | null {
  switch (binding.kind) {
    case 'node':
      return binding.node.range;
    case 'nodes': {
      const first = binding.nodes[0];
      const last = binding.nodes[binding.nodes.length - 1];
      return first === undefined || last === undefined ? null : [first.range[0], last.range[1]];
    }
    case 'text':
      return binding.node?.range ?? null;
  }
}

export function bindingText(binding: Binding, sourceText: string): string {
  if (binding.kind === 'text') return binding.text;
  const range = bindingRange(binding);
  return range === null ? '' : sourceText.slice(range[0], range[1]);
}
