/**
 * The two places Pug embeds JavaScript inside other syntax: attribute lists (`a(href=url, class='x')`, which
 * may span lines) and text interpolations (`#{x}` escaped, `!{x}` raw; `\#{` is literal). Both are read with
 * a bracket- and string-aware cursor, as Pug's own lexer finds where an expression ends.
 */

export interface PugExpression {
  readonly start: number;
  readonly code: string;
}

export interface PugAttribute {
  readonly name: string;
  readonly value: PugExpression;
  /** `name!=value`: written without escaping. */
  readonly raw: boolean;
  /** A URL attribute (`href`, `src`, `action`, ...). */
  readonly isUrl: boolean;
}

export interface PugInterpolation {
  readonly expression: PugExpression;
  readonly raw: boolean;
}

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { offset: number; message: string } };

const URL_ATTRIBUTE = /^(?:href|src|action|formaction|xlink:href|poster|background|cite)$/i;
const NEXT_ATTRIBUTE = /^\s+(?:[\w@:.#-]+|'[^']*'|"[^"]*")\s*(?:!?=|[,)\s])/;

/** The attribute list opening at `open` (a `(`), and the offset after its `)`. */
export function readAttributes(template: string, open: number): Read<{ attributes: PugAttribute[]; end: number }> {
  const attributes: PugAttribute[] = [];
  let cursor = open + 1;
  while (cursor < template.length) {
    cursor = skipSeparators(template, cursor);
    if (template[cursor] === ')') return { ok: true, value: { attributes, end: cursor + 1 } };
    const name = /(?:'([^']*)'|"([^"]*)"|([^\s=!,)'"]+))/y;
    name.lastIndex = cursor;
    const found = name.exec(template);
    if (found === null) return { ok: false, error: { offset: cursor, message: 'unreadable attribute list' } };
    const attributeName = found[1] ?? found[2] ?? found[3] ?? '';
    cursor = name.lastIndex;
    const assign = /\s*(!?=)\s*/y;
    assign.lastIndex = cursor;
    const operator = assign.exec(template);
    if (operator === null) continue; // a boolean attribute
    cursor = assign.lastIndex;
    const end = expressionEnd(template, cursor);
    if (end === null) return { ok: false, error: { offset: cursor, message: 'attribute value is never closed' } };
    attributes.push({ name: attributeName, value: { start: cursor, code: template.slice(cursor, end) }, raw: operator[1] === '!=', isUrl: URL_ATTRIBUTE.test(attributeName) });
    cursor = end;
  }
  return { ok: false, error: { offset: open, message: "attribute list is never closed with ')'" } };
}

function skipSeparators(template: string, from: number): number {
  let cursor = from;
  while (cursor < template.length && /[\s,]/.test(template[cursor] ?? '')) cursor += 1;
  return cursor;
}

/** Where an attribute value starting at `from` ends: a top-level `,` or `)`, a line end, or a space before the next attribute. */
function expressionEnd(template: string, from: number): number | null {
  let depth = 0;
  for (let cursor = from; cursor < template.length; cursor += 1) {
    const char = template[cursor] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      const close = stringEnd(template, cursor);
      if (close === null) return null;
      cursor = close;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth -= 1;
    else if (depth === 0 && (char === ',' || char === ')' || char === '\n')) return cursor;
    else if (depth === 0 && /\s/.test(char) && NEXT_ATTRIBUTE.test(template.slice(cursor, cursor + 200)) && !/[-+*/?:&|=<>!]\s*$/.test(template.slice(from, cursor))) return cursor;
  }
  return null;
}

/** The offset of the quote closing the string that opens at `open`. */
function stringEnd(template: string, open: number): number | null {
  const quote = template[open];
  for (let cursor = open + 1; cursor < template.length; cursor += 1) {
    const char = template[cursor];
    if (char === '\\') cursor += 1;
    else if (char === quote) return cursor;
    else if (char === '\n' && quote !== '`') return null;
  }
  return null;
}

/** Every `#{...}` and `!{...}` between `start` and `end`. */
export function readInterpolations(template: string, start: number, end: number): PugInterpolation[] {
  const found: PugInterpolation[] = [];
  for (let cursor = start; cursor < end - 1; cursor += 1) {
    const char = template[cursor];
    if ((char !== '#' && char !== '!') || template[cursor + 1] !== '{' || template[cursor - 1] === '\\') continue;
    const close = braceEnd(template, cursor + 2, end);
    if (close === null) break;
    found.push({ expression: { start: cursor + 2, code: template.slice(cursor + 2, close) }, raw: char === '!' });
    cursor = close;
  }
  return found;
}

function braceEnd(template: string, from: number, end: number): number | null {
  let depth = 0;
  for (let cursor = from; cursor < end; cursor += 1) {
    const char = template[cursor] ?? '';
    if (char === '"' || char === "'" || char === '`') {
      const close = stringEnd(template, cursor);
      if (close === null) return null;
      cursor = close;
    } else if (char === '{') depth += 1;
    else if (char === '}') {
      if (depth === 0) return cursor;
      depth -= 1;
    }
  }
  return null;
}
