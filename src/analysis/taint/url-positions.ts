/**
 * Where a concatenated part lands in a URL, from the constant text before it (the semgrep model for SSRF and
 * open redirects): after a fixed `https://host/` (or `?`, `#`) it lands in the path, query or fragment and
 * cannot choose the host; right after `https://`, or after a host with no `/` (`'https://api.example.com' + x`,
 * where `x = '@evil.com'` or `'.evil.com'` moves it), it lands in the authority; as the first part it is the
 * whole URL. A part in the path is clean for `url` sinks; a part in the authority is not, even when
 * `encodeURIComponent` escaped it (it leaves `.` and letters, which is all a host needs).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import { kindBit, sanitize } from './origins.js';
import type { Origin } from './taint-types.js';

export type UrlPosition = 'whole' | 'authority' | 'path';

/** Stands for a part whose text is unknown (a clean, non-constant value) in a prefix. */
export const UNKNOWN_TEXT = '\u0000';
/** Concatenations nested deeper than this read as unknown text. */
const MAX_PREFIX_DEPTH = 8;

const SCHEME = /^(?:[A-Za-z][A-Za-z\d+.-]*|\u0000+):/;
const HOST_END = /[/?#\\]/;

/** The position of a part placed right after `prefix` (constant text, unknown parts as UNKNOWN_TEXT). */
export function urlPositionAfter(prefix: string): UrlPosition {
  if (prefix === '') return 'whole';
  const scheme = SCHEME.exec(prefix);
  const rest = scheme === null ? prefix : prefix.slice(scheme[0].length);
  if (rest.startsWith('//') || rest.startsWith('\\\\')) return HOST_END.test(rest.slice(2)) ? 'path' : 'authority';
  // `'http:' + x` with x = '//evil.com'; `'/' + x` with x = '/evil.com' (protocol-relative `//evil.com`).
  if (scheme !== null) return rest === '' || rest === '/' || rest === '\\' ? 'authority' : 'path';
  if (rest.startsWith('/') || rest.startsWith('\\')) return /^[/\\][^/\\\u0000]/.test(rest) ? 'path' : 'authority';
  // A relative reference: once a `/`, `?` or `#` ends the first segment, no scheme can follow; before that,
  // the part could still complete one (`'java' + 'script:...'`). A clean unknown start is the server's own base.
  const boundary = rest.search(/[/?#]/);
  if (boundary < 0) return 'whole';
  return rest.slice(0, boundary).includes(':') ? 'whole' : 'path';
}

/** The text before `part` inside a concatenation or template, as far as constants tell. */
export function prefixText(values: { stringOf(node: TSESTree.Node): string | null }, node: TSESTree.Node, depth = 0): string {
  const value = unwrapExpression(node);
  if (depth > MAX_PREFIX_DEPTH) return UNKNOWN_TEXT;
  const constant = values.stringOf(value);
  if (constant !== null) return constant;
  if (value.type === 'BinaryExpression' && value.operator === '+') {
    return prefixText(values, value.left, depth + 1) + prefixText(values, value.right, depth + 1);
  }
  if (value.type === 'TemplateLiteral') return templatePrefix(values, value, value.expressions.length, depth + 1);
  return UNKNOWN_TEXT;
}

/** The text of a template literal before its expression `index`. */
export function templatePrefix(values: { stringOf(node: TSESTree.Node): string | null }, template: TSESTree.TemplateLiteral, index: number, depth = 0): string {
  let text = '';
  for (let at = 0; at < index; at += 1) {
    text += template.quasis[at]?.value.cooked ?? UNKNOWN_TEXT;
    const expression = template.expressions[at];
    if (expression !== undefined) text += prefixText(values, expression, depth + 1);
  }
  return text + (template.quasis[index]?.value.cooked ?? '');
}

/** A part's origins at its position: clean for `url` in the path, never clean for `url` in the authority. */
export function placedInUrl(origins: readonly Origin[], prefix: string): readonly Origin[] {
  if (origins.length === 0) return origins;
  const position = urlPositionAfter(prefix);
  const bit = kindBit('url');
  if (position === 'path') return sanitize(origins, bit);
  if (position === 'authority') return origins.map((origin) => ((origin.cleaned & bit) === 0 ? origin : { ...origin, cleaned: origin.cleaned & ~bit }));
  return origins;
}
