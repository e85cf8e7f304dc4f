/**
 * Character allow-lists written as regular expressions: `s.replace(/[^\w-]/g, '')` keeps only word
 * characters and `-`, and `/^[a-z0-9_-]+$/i.test(s)` admits only those. Either leaves no quote, separator,
 * dot or shell metacharacter, so the value is safe in every sink. Anything looser is not recognized.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';

/** A class body made only of word characters, digits, letters and `-`. */
const SAFE_CLASS_BODY = /^(?:a-z|A-Z|0-9|\\w|\\d|_|\\-|-)+$/;

function regexOf(node: TSESTree.Node | undefined): { pattern: string; flags: string } | null {
  if (node === undefined) return null;
  const value = unwrapExpression(node);
  return value.type === 'Literal' && 'regex' in value && value.regex !== undefined ? value.regex : null;
}

/** `s.replace(/[^a-z0-9_-]+/g, '')`: every character outside a safe class is removed (or replaced by a safe one). */
export function isCharacterAllowList(ev: TaintEvaluator, call: TSESTree.CallExpression): boolean {
  const regex = regexOf(call.arguments[0]);
  if (regex === null || !regex.flags.includes('g')) return false;
  const negated = /^\[\^(.+)\][+*]?$/.exec(regex.pattern);
  if (negated === null || !SAFE_CLASS_BODY.test(negated[1] ?? '')) return false;
  const replacement = call.arguments[1] === undefined ? null : ev.file.values.stringOf(call.arguments[1]);
  return replacement !== null && /^[\w-]*$/.test(replacement);
}

/** `/^[a-z0-9_-]+$/i` (or with `{m,n}`): a whole-string match of a safe class. */
export function isAnchoredAllowList(node: TSESTree.Node): boolean {
  const regex = regexOf(node);
  return regex !== null && !regex.flags.includes('m') && isAnchoredAllowListSource(regex.pattern);
}

/** The same check on a pattern's source text (a JSON schema `pattern`). */
export function isAnchoredAllowListSource(pattern: string): boolean {
  const anchored = /^\^\[([^\]^][^\]]*)\](?:\+|\*|\{\d+(?:,\d*)?\})\$$/.exec(pattern);
  return anchored !== null && SAFE_CLASS_BODY.test(anchored[1] ?? '');
}
