/**
 * Does a regular expression meant to allow a few origins allow more? An origin is `scheme://host[:port]`; a
 * pattern that is not anchored at the end also admits `https://app.example.com.evil.net`, one not anchored
 * at the start (and not starting at a literal `.` or `/`) admits `https://evilexample.com`, and an unescaped
 * `.` before a letter or digit (`app.example.com`) admits any character there (`appXexample.com`).
 */

export type OriginPatternProblem = 'unanchored-end' | 'unanchored-start' | 'unescaped-dot';

export function originPatternProblems(source: string): OriginPatternProblem[] {
  const problems: OriginPatternProblem[] = [];
  const alternatives = topLevelAlternatives(source);
  if (alternatives.some((alternative) => !endsAnchored(alternative))) problems.push('unanchored-end');
  if (alternatives.some((alternative) => !startsAnchored(alternative))) problems.push('unanchored-start');
  if (hasUnescapedLiteralDot(source)) problems.push('unescaped-dot');
  return problems;
}

/** The pattern split at `|` outside groups and character classes. */
/**
 * Calls `visit` for each character of a regex source that is outside a character class and not escaped, with the
 * group depth before it: the one walk both checks below need.
 */
function forEachPatternChar(source: string, visit: (char: string, index: number, depth: number) => boolean | void): void {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index] ?? '';
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (visit(char, index, depth) === true) return;
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
  }
}

function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let start = 0;
  forEachPatternChar(source, (char, index, depth) => {
    if (char === '|' && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
  });
  alternatives.push(source.slice(start));
  return alternatives;
}

function startsAnchored(alternative: string): boolean {
  return alternative.startsWith('^') || alternative.startsWith('\\.') || alternative.startsWith('\\/');
}

function endsAnchored(alternative: string): boolean {
  if (!alternative.endsWith('$')) return false;
  let backslashes = 0;
  for (let index = alternative.length - 2; index >= 0 && alternative[index] === '\\'; index -= 1) backslashes += 1;
  return backslashes % 2 === 0;
}

/** A `.` outside a character class, not escaped, followed by a letter or digit: meant as the dot of a host name. */
function hasUnescapedLiteralDot(source: string): boolean {
  let found = false;
  forEachPatternChar(source, (char, index) => {
    found = char === '.' && /[A-Za-z0-9]/.test(source[index + 1] ?? '');
    return found;
  });
  return found;
}
