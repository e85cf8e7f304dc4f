/**
 * Semgrep's regexes are PCRE (pattern-regex) and Python `re` (metavariable-regex); rampart runs them as
 * JavaScript RegExps after translating what differs and is common in rules: leading inline flags `(?i)`,
 * named groups `(?P<NAME>...)` and back-references `(?P=NAME)`, `\A` and `\Z`. What JavaScript cannot express
 * (possessive quantifiers, atomic groups, `(?x)`) is a load error, never a silently different regex.
 */

export class RegexSyntaxError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'RegexSyntaxError';
  }
}

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;

function translate(source: string): { source: string; flags: string } {
  let flags = '';
  let body = source;
  const inline = INLINE_FLAGS.exec(body);
  if (inline !== null) {
    for (const flag of inline[1] ?? '') {
      if (flag === 'i' || flag === 's' || flag === 'm') flags += flags.includes(flag) ? '' : flag;
      else throw new RegexSyntaxError(`inline flag (?${flag}) has no JavaScript equivalent`);
    }
    body = body.slice(inline[0].length);
  }
  if (/\(\?>/.test(body)) throw new RegexSyntaxError('atomic groups (?>...) are not supported by JavaScript regular expressions');
  if (/(?<!\\)[*+?}]\+/.test(body)) throw new RegexSyntaxError('possessive quantifiers (*+, ++, ?+) are not supported by JavaScript regular expressions');
  body = body
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/(?<!\\)\\A/g, '(?<![\\s\\S])')
    .replace(/(?<!\\)\\[Zz]/g, '(?![\\s\\S])');
  return { source: body, flags };
}

function compile(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error: unknown) {
    if (error instanceof SyntaxError) throw new RegexSyntaxError(error.message.replace(/^Invalid regular expression: /, ''));
    throw error;
  }
}

/** `pattern-regex`, `pattern-not-regex`: searched anywhere, `^`/`$` at line ends (PCRE multiline, as Semgrep compiles them). */
export function searchRegex(source: string): RegExp {
  const translated = translate(source);
  return compile(translated.source, `${translated.flags.replace('m', '')}gm`);
}

/** `metavariable-regex`: anchored at the start only, as Python's `re.match`. */
export function leftAnchoredRegex(source: string): RegExp {
  const translated = translate(source);
  return compile(`^(?:${translated.source})`, translated.flags.replace('m', ''));
}

/** Named groups that are metavariable names bind `$NAME`, as in Semgrep. */
export function namedGroups(match: RegExpExecArray): ReadonlyMap<string, string> {
  const groups = new Map<string, string>();
  for (const [name, value] of Object.entries(match.groups ?? {})) {
    if (value !== undefined && /^[A-Z_][A-Z0-9_]*$/.test(name)) groups.set(`$${name}`, value);
  }
  return groups;
}
