/**
 * Character allow-lists written as regular expressions: `s.replace(/[^\w-]/g, '')` keeps only word
 * characters and `-`, and `/^[a-z0-9_-]+$/i.test(s)` admits only those. Either leaves no quote, separator,
 * dot or shell metacharacter, so the value is safe in every sink. Anything looser is not recognized.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';

/** Characters a safe class may hold: letters, digits, `_` (and `-`, handled below). */
const SAFE_CHARACTER = /^[A-Za-z0-9_]$/;

/**
 * True when a character class body admits only letters, digits, `_` and `-`: single characters, `\w`, `\d`,
 * `\-`, a `-` at either end, and ranges inside one of a-z, A-Z, 0-9 (`0-z` would span `;`, `\` and `^`).
 */
function isSafeClassBody(body: string): boolean {
  if (body === '') return false;
  for (let index = 0; index < body.length; ) {
    const character = body[index] ?? '';
    const next = body[index + 1];
    if (character === '\\') {
      if (next !== 'w' && next !== 'd' && next !== '-') return false;
      index += 2;
    } else if (next === '-' && index + 2 < body.length) {
      const last = body[index + 2] ?? '';
      const sameClass = [/[a-z]/, /[A-Z]/, /[0-9]/].some((range) => range.test(character) && range.test(last));
      if (!sameClass || last < character) return false;
      index += 3;
    } else if (character === '-' ? index === 0 || index === body.length - 1 : SAFE_CHARACTER.test(character)) {
      index += 1;
    } else {
      return false;
    }
  }
  return true;
}

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
  if (negated === null || !isSafeClassBody(negated[1] ?? '')) return false;
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
  return anchored !== null && isSafeClassBody(anchored[1] ?? '');
}
