/**
 * Hand-written regular-expression escapers: `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` (MDN's form, and the
 * same class in another order or with `-` and `/` added) puts a backslash before every character that has a
 * meaning in a pattern, so the result matches its input literally. Recognized only when the class holds every
 * metacharacter, escapes nothing that a backslash would give a meaning (`\d`, a digit: `\1` is a
 * backreference), the flag is `g` and the replacement is exactly `\$&`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';

/** Every character with a meaning in a JavaScript pattern outside a character class. */
const METACHARACTERS = '\\^$.*+?()[]{}|';
/** Characters a backslash leaves literal (non-letters, non-digits); an escaped letter or digit may mean something. */
const LITERAL_WHEN_ESCAPED = /^[^A-Za-z0-9]$/;

/** The characters a `[...]` class body admits, or null when it holds a range, a class escape or a negation. */
export function classCharacters(body: string): ReadonlySet<string> | null {
  if (body.startsWith('^')) return null;
  const characters = new Set<string>();
  for (let index = 0; index < body.length; index += 1) {
    let character = body[index] ?? '';
    if (character === '\\') {
      index += 1;
      character = body[index] ?? '';
      if (!LITERAL_WHEN_ESCAPED.test(character)) return null;
    } else if (character === '-' && index > 0 && index < body.length - 1) {
      return null; // a range such as `!-~`
    } else if (character === '[' || character === ']') {
      // `[` is literal in a class; an unescaped `]` would have closed it (the caller matched the whole body).
      if (character === ']') return null;
    }
    if (!LITERAL_WHEN_ESCAPED.test(character)) return null;
    characters.add(character);
  }
  return characters;
}

/** True for a pattern source `[...]` whose class admits every metacharacter and nothing a backslash would change. */
export function isMetacharacterClass(pattern: string): boolean {
  const whole = /^\[(.*)\]$/s.exec(pattern);
  if (whole === null) return false;
  const characters = classCharacters(whole[1] ?? '');
  return characters !== null && [...METACHARACTERS].every((character) => characters.has(character));
}

/** `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: the result is `s` escaped for use inside a pattern. */
export function isRegexMetacharacterEscape(ev: TaintEvaluator, call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (first === undefined) return false;
  const literal = unwrapExpression(first);
  if (literal.type !== 'Literal' || !('regex' in literal) || literal.regex === undefined) return false;
  if (!literal.regex.flags.includes('g') || !isMetacharacterClass(literal.regex.pattern)) return false;
  const replacement = call.arguments[1] === undefined ? null : ev.file.values.stringOf(call.arguments[1]);
  return replacement === '\\$&';
}
