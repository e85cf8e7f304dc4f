/**
 * Semgrep's pattern operators are not JavaScript: `foo(...)`, `$...ARGS`, `<... $X ...>` and `$O.a(). ... .b()`
 * do not parse. This pass rewrites each operator into a reserved identifier that does parse in every position
 * the operator may take (an argument, a statement, a shorthand property, a parameter, a member name), so the
 * project's own parser reads the pattern and the matcher recognises the markers by name. Strings, template
 * text and comments are copied untouched (`"..."` stays a string literal: the matcher treats it as any string).
 * Offsets of the rewritten text map back to the original for error messages.
 */

/** Reserved names: lower case, so no metavariable (`$` + upper case) can collide with them. */
export const ELLIPSIS_PREFIX = '__rampart_ellipsis_';
export const CHAIN_PREFIX = '__rampart_chain_';
export const SEQUENCE_PREFIX = '__rampart_seq_';
export const DEEP_CALLEE = '__rampart_deep';

/** `$X`, `$REQ_2`: Semgrep's metavariable names (upper case, digits, underscore). `$_` matches without binding. */
export const METAVARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;
export const ANONYMOUS_METAVARIABLE = '$_';

export interface RewrittenPattern {
  readonly text: string;
  /** Offset in the original pattern of an offset in `text`. */
  originalOffset(offset: number): number;
}

interface Replacement {
  readonly at: number;
  readonly length: number;
  readonly originalAt: number;
  readonly originalLength: number;
}

const IDENTIFIER_START = /[A-Za-z_$(\[{]/;

/** `f(...args)`, `[...items]`, `{ ...rest }`: JavaScript's spread, where an element begins and an operand follows. */
function isSpread(before: string, next: string): boolean {
  return IDENTIFIER_START.test(next) && /[(\[{,]$/.test(before.trimEnd());
}

export function rewritePattern(pattern: string): RewrittenPattern {
  const replacements: Replacement[] = [];
  let out = '';
  let counter = 0;
  let deepDepth = 0;
  /** Open template literals: the brace depth at which each `${` began. */
  const templates: number[] = [];
  let braceDepth = 0;
  const replace = (originalAt: number, originalLength: number, text: string): void => {
    replacements.push({ at: out.length, length: text.length, originalAt, originalLength });
    out += text;
  };

  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] ?? '';
    const rest = pattern.slice(index, index + 4);
    if (char === '"' || char === "'") {
      const end = quotedEnd(pattern, index, char);
      out += pattern.slice(index, end);
      index = end;
    } else if (char === '`' || (char === '}' && templates.length > 0 && templates[templates.length - 1] === braceDepth)) {
      if (char === '}') templates.pop();
      const end = templateTextEnd(pattern, index + 1);
      out += pattern.slice(index, end.index);
      if (end.opensExpression) templates.push(braceDepth);
      index = end.index;
    } else if (rest.startsWith('//') || rest.startsWith('/*')) {
      const end = rest.startsWith('//') ? lineEnd(pattern, index) : blockCommentEnd(pattern, index);
      out += pattern.slice(index, end);
      index = end;
    } else if (rest === '$...' && /[A-Z_]/.test(pattern[index + 4] ?? '')) {
      const name = /^[A-Z_][A-Z0-9_]*/.exec(pattern.slice(index + 4))?.[0] ?? '';
      replace(index, 4 + name.length, `${SEQUENCE_PREFIX}${name}`);
      index += 4 + name.length;
    } else if (rest === '<...') {
      replace(index, 4, `${DEEP_CALLEE}(`);
      deepDepth += 1;
      index += 4;
    } else if (rest === '...>' && deepDepth > 0) {
      replace(index, 4, ')');
      deepDepth -= 1;
      index += 4;
    } else if (rest.startsWith('...') && !isSpread(out, pattern[index + 3] ?? '')) {
      const previous = out.trimEnd().slice(-1);
      // `$O.foo(). ... .bar()`: after a dot the ellipsis stands for any chain of members and calls.
      replace(index, 3, previous === '.' ? `${CHAIN_PREFIX}${counter}` : `${ELLIPSIS_PREFIX}${counter}`);
      counter += 1;
      index += 3;
    } else {
      if (char === '{') braceDepth += 1;
      if (char === '}') braceDepth -= 1;
      out += char;
      index += 1;
    }
  }
  return { text: out, originalOffset: (offset) => mapBack(replacements, offset) };
}

function mapBack(replacements: readonly Replacement[], offset: number): number {
  let shift = 0;
  for (const replacement of replacements) {
    if (offset < replacement.at) break;
    if (offset < replacement.at + replacement.length) return replacement.originalAt;
    shift += replacement.originalLength - replacement.length;
  }
  return offset + shift;
}

function quotedEnd(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === quote || char === '\n') return index + 1;
    else index += 1;
  }
  return text.length;
}

/** From inside a template's text: the end of the text run, and whether it stopped at a `${`. */
function templateTextEnd(text: string, start: number): { index: number; opensExpression: boolean } {
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '`') return { index: index + 1, opensExpression: false };
    else if (char === '$' && text[index + 1] === '{') return { index: index + 2, opensExpression: true };
    else index += 1;
  }
  return { index: text.length, opensExpression: false };
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

function blockCommentEnd(text: string, start: number): number {
  const end = text.indexOf('*/', start + 2);
  return end === -1 ? text.length : end + 2;
}

export function isMetavariableName(name: string): boolean {
  return METAVARIABLE.test(name);
}
