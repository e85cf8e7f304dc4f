/**
 * Hand-written CR/LF strips: `s.replace(/[\r\n]/g, '')`, `/\r|\n/g`, `/[\r\n]+/g`, `/\s+/g` remove every
 * carriage return and line feed, so the result cannot start a new log line (CWE-117) or a new header line
 * (CWE-113). Recognized only with the `g` flag, when every alternative is a class or escape, the alternatives
 * together cover both `\r` and `\n` one character at a time (`\r\n` alone would leave a lone `\n`), and the
 * replacement folds to text without CR or LF. Nothing else is cleaned: the value may still hold quotes.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';

/** One alternative: a non-negated class of escapes and literals, or one escape, optionally repeated. */
const ALTERNATIVE = /^(?:\[([^\]^][^\]]*)\]|(\\[rnsfv]))[+*]?$/;
/** What each escape matches, of the two characters that matter. */
const LINE_BREAKS_OF: Readonly<Record<string, string>> = { '\\r': '\r', '\\n': '\n', '\\s': '\r\n', '\\v': '', '\\f': '' };

/** The line-break characters (`\r`, `\n`) a class body or escape matches, or null when it is not one we read. */
function lineBreaksMatched(alternative: string): string | null {
  const parts = ALTERNATIVE.exec(alternative);
  if (parts === null) return null;
  if (parts[2] !== undefined) return LINE_BREAKS_OF[parts[2]] ?? '';
  const body = parts[1] ?? '';
  let matched = '';
  for (const escape of body.matchAll(/\\(.)/g)) matched += LINE_BREAKS_OF[`\\${escape[1] ?? ''}`] ?? '';
  // A literal CR or LF written into the class (`new RegExp('[\r\n]')` is not a literal, but `/[<CR><LF>]/` could be).
  for (const character of body.replace(/\\./g, '')) if (character === '\r' || character === '\n') matched += character;
  return matched;
}

/** True for a pattern source whose matches, taken globally, remove every `\r` and every `\n`. */
export function isLineBreakPattern(pattern: string): boolean {
  let matched = '';
  for (const alternative of pattern.split('|')) {
    const breaks = lineBreaksMatched(alternative);
    if (breaks === null) return false;
    matched += breaks;
  }
  return matched.includes('\r') && matched.includes('\n');
}

/** `s.replace(/[\r\n]/g, '')` (or `replaceAll`, or with `' '` as replacement): the result holds no CR or LF. */
export function isLineBreakStrip(ev: TaintEvaluator, call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (first === undefined) return false;
  const literal = unwrapExpression(first);
  if (literal.type !== 'Literal' || !('regex' in literal) || literal.regex === undefined) return false;
  if (!literal.regex.flags.includes('g') || !isLineBreakPattern(literal.regex.pattern)) return false;
  const replacement = call.arguments[1] === undefined ? null : ev.file.values.stringOf(call.arguments[1]);
  return replacement !== null && !/[\r\n]/.test(replacement);
}
