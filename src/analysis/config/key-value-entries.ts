/**
 * `KEY=value` entries of line-based configuration files: dotenv files (`.env`, as the `dotenv` package reads
 * them: an optional `export `, single, double or backtick quotes that may span lines, `#` starting a comment
 * after an unquoted value) and `.npmrc` (ini: `key = value`, `;` or `#` comments). Each entry keeps the
 * offsets of its key and of its value's text (inside the quotes), so a finding points at the value itself.
 */
import type { SourceText } from '../../engine/source-text.js';

export interface KeyValueEntry {
  readonly key: string;
  readonly keyRange: readonly [number, number];
  /** The value as written between its quotes (escapes are not decoded: offsets stay true to the text). */
  readonly value: string;
  readonly valueRange: readonly [number, number];
}

export type KeyValueSyntax = 'dotenv' | 'ini';

/** dotenv keys are identifiers (`dotenv` accepts `[\w.-]`); ini keys are anything before `=` (`//host/:_authToken`). */
const DOTENV_KEY = /^[ \t]*(?:export[ \t]+)?([\w.-]+)[ \t]*=[ \t]*/;
const INI_KEY = /^[ \t]*([^=;#\s][^=]*?)[ \t]*=[ \t]*/;
const QUOTES = new Set(['"', "'", '`']);

export function keyValueEntries(source: SourceText, syntax: KeyValueSyntax): KeyValueEntry[] {
  const text = source.text;
  const entries: KeyValueEntry[] = [];
  const keyPattern = syntax === 'dotenv' ? DOTENV_KEY : INI_KEY;
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = endOfLine(text, lineStart);
    const match = keyPattern.exec(text.slice(lineStart, lineEnd));
    let next = lineEnd + 1;
    if (match !== null && match[1] !== undefined) {
      const keyStart = lineStart + match[0].indexOf(match[1]);
      const valueStart = lineStart + match[0].length;
      const value = readValue(text, valueStart, lineEnd, syntax);
      entries.push({ key: match[1], keyRange: [keyStart, keyStart + match[1].length], value: text.slice(value.start, value.end), valueRange: [value.start, value.end] });
      next = Math.max(next, endOfLine(text, value.end) + 1);
    }
    lineStart = next;
  }
  return entries;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

/** The value's text span: inside its quotes (a dotenv quote may close on a later line), or up to a comment. */
function readValue(text: string, start: number, lineEnd: number, syntax: KeyValueSyntax): { start: number; end: number } {
  const quote = text[start] ?? '';
  if (QUOTES.has(quote) && (syntax === 'dotenv' || quote !== '`')) {
    const limit = syntax === 'dotenv' ? text.length : lineEnd;
    const close = closingQuote(text, start + 1, quote, limit);
    if (close !== -1) return { start: start + 1, end: close };
  }
  let end = lineEnd;
  for (let index = start; index < lineEnd; index += 1) {
    const character = text[index];
    const startsComment = character === '#' || (syntax === 'ini' && character === ';');
    // dotenv ends an unquoted value at any `#`; ini at a `;` or `#` that follows whitespace or starts the value.
    if (startsComment && (syntax === 'dotenv' || index === start || /\s/.test(text[index - 1] ?? ''))) {
      end = index;
      break;
    }
  }
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

function closingQuote(text: string, from: number, quote: string, limit: number): number {
  for (let index = from; index < limit; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === quote) return index;
  }
  return -1;
}
