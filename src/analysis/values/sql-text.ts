/**
 * Is this text an SQL statement? A small SQL tokenizer, used where no model knows the receiver of a query call
 * (an untyped `connection` from nowhere rampart can read): only text that opens like a statement makes the call
 * an SQL sink, never the method name alone. Whitespace and comments (`-- …`, `# …` (MySQL), `/* … *\/`, nested as
 * PostgreSQL allows) are skipped; strings (`'…'` with `''` and `\'`), quoted identifiers (`"…"`, `` `…` ``,
 * `[…]`) and dollar-quoted strings are single tokens, so a keyword inside them is not a keyword. The first
 * word must be a statement keyword, and the tokens after it must fit that statement (`INSERT INTO`,
 * `CREATE TABLE`, `SELECT … FROM`), so `'delete-' + id` or `'update:' + key` is not a statement.
 *
 * A template or concatenation is read as its constant parts with a hole for each value spliced in (HOLE): a
 * statement's head (`'SELECT * FROM users WHERE id = ' + id`) is known even when its tail is not.
 */

/** Stands for a value spliced into the text. Not a character SQL text contains. */
export const HOLE = '\u0000';

export type SqlTokenKind = 'word' | 'string' | 'quoted-identifier' | 'number' | 'hole' | 'symbol';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  /** Words are upper-cased; other tokens keep their text. */
  readonly text: string;
}

/** Tokens read to see how a statement opens: enough for a select list of a dozen columns before its FROM. */
const MAX_TOKENS = 64;

/** The first tokens of `text`, comments and whitespace skipped; stops at `limit` tokens or an unterminated token. */
export function sqlTokens(text: string, limit = MAX_TOKENS): SqlToken[] {
  const tokens: SqlToken[] = [];
  let at = 0;
  while (at < text.length && tokens.length < limit) {
    const skipped = skipTrivia(text, at);
    if (skipped === null) break;
    at = skipped;
    if (at >= text.length) break;
    const token = readToken(text, at);
    if (token === null) break;
    tokens.push(token.token);
    at = token.end;
  }
  return tokens;
}

/** Past whitespace and comments from `at`; null inside an unterminated block comment. */
function skipTrivia(text: string, start: number): number | null {
  let at = start;
  for (;;) {
    const char = text[at];
    if (char === undefined) return at;
    if (/\s/.test(char)) {
      at += 1;
    } else if ((char === '-' && text[at + 1] === '-') || char === '#') {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    } else if (char === '/' && text[at + 1] === '*') {
      const end = blockCommentEnd(text, at);
      if (end === null) return null;
      at = end;
    } else {
      return at;
    }
  }
}

/** The end of a `/* … *\/` comment opened at `start`, counting nested ones (PostgreSQL); null when unterminated. */
function blockCommentEnd(text: string, start: number): number | null {
  let depth = 0;
  let at = start;
  while (at < text.length) {
    if (text[at] === '/' && text[at + 1] === '*') {
      depth += 1;
      at += 2;
    } else if (text[at] === '*' && text[at + 1] === '/') {
      depth -= 1;
      at += 2;
      if (depth === 0) return at;
    } else {
      at += 1;
    }
  }
  return null;
}

const CLOSING_QUOTE: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

function readToken(text: string, at: number): { token: SqlToken; end: number } | null {
  const char = text[at] ?? '';
  if (char === HOLE) return { token: { kind: 'hole', text: HOLE }, end: at + 1 };
  const closing = CLOSING_QUOTE[char];
  if (closing !== undefined) {
    const end = quotedEnd(text, at, closing, char === "'");
    if (end === null) return null;
    return { token: { kind: char === "'" ? 'string' : 'quoted-identifier', text: text.slice(at, end) }, end };
  }
  if (char === '$') {
    const dollar = dollarQuotedEnd(text, at);
    if (dollar !== null) return { token: { kind: 'string', text: text.slice(at, dollar) }, end: dollar };
  }
  const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(at, at + 128));
  if (word !== null) return { token: { kind: 'word', text: word[0].toUpperCase() }, end: at + word[0].length };
  const number = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(at, at + 64));
  if (number !== null) return { token: { kind: 'number', text: number[0] }, end: at + number[0].length };
  return { token: { kind: 'symbol', text: char }, end: at + 1 };
}

/** The end of a quoted token: a doubled closing quote is part of it, and `\'` too in a string (MySQL). */
function quotedEnd(text: string, start: number, closing: string, backslashEscapes: boolean): number | null {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (backslashEscapes && char === '\\') {
      at += 2;
    } else if (char === closing) {
      if (text[at + 1] === closing && closing !== ']') at += 2;
      else return at + 1;
    } else {
      at += 1;
    }
  }
  return null;
}

/** `$$ … $$` or `$tag$ … $tag$` (PostgreSQL); null when `$` opens no dollar quote (a `$1` placeholder). */
function dollarQuotedEnd(text: string, start: number): number | null {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(start, start + 64));
  if (tag === null) return null;
  const end = text.indexOf(tag[0], start + tag[0].length);
  return end < 0 ? null : end + tag[0].length;
}

/** `rest` are the tokens after the keyword. */
type StatementCheck = (rest: readonly SqlToken[]) => boolean;

const isWord = (token: SqlToken | undefined, ...words: string[]): boolean => token?.kind === 'word' && (words.length === 0 || words.includes(token.text));
const isName = (token: SqlToken | undefined): boolean => token?.kind === 'word' || token?.kind === 'quoted-identifier' || token?.kind === 'hole';
const hasWord = (rest: readonly SqlToken[], word: string): boolean => rest.some((token) => isWord(token, word));
const OBJECT_KINDS = ['TABLE', 'INDEX', 'VIEW', 'SCHEMA', 'DATABASE', 'SEQUENCE', 'TRIGGER', 'FUNCTION', 'PROCEDURE', 'TYPE', 'EXTENSION', 'USER', 'ROLE'];

/**
 * How each statement keyword must continue; a keyword not listed here does not open a statement. SELECT,
 * UPDATE and DELETE also need their clause word (FROM, SET, FROM) among the first tokens, so an English
 * sentence ("Select an option", "Update your profile") is not a statement.
 */
const STATEMENTS: Readonly<Record<string, StatementCheck>> = {
  // A select list starts with a name, a literal, `*`, a parenthesis or a spliced value (`select-`/`select:` is a key).
  SELECT: ([next, ...rest]) => next !== undefined && (next.kind !== 'symbol' || ['*', '(', '@'].includes(next.text)) && hasWord([next, ...rest], 'FROM'),
  INSERT: ([next]) => isWord(next, 'INTO', 'IGNORE', 'OR', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY'),
  REPLACE: ([next]) => isWord(next, 'INTO', 'LOW_PRIORITY', 'DELAYED'),
  MERGE: ([next]) => isWord(next, 'INTO'),
  // `UPDATE users SET …`, `UPDATE ONLY t …`, `UPDATE schema.t …`, `UPDATE ${table} SET …`.
  UPDATE: (rest) => isName(rest[0]) && hasWord(rest, 'SET'),
  // `DELETE FROM t`, MySQL's `DELETE t1 FROM t1 JOIN …`.
  DELETE: (rest) => (isWord(rest[0], 'FROM') || isName(rest[0])) && hasWord(rest, 'FROM'),
  // `WITH name AS (…)`, `WITH name(cols) AS`, `WITH RECURSIVE name …`.
  WITH: ([next, after]) => isWord(next, 'RECURSIVE') || (isName(next) && (isWord(after, 'AS') || (after?.kind === 'symbol' && after.text === '('))),
  CREATE: ([next]) => isWord(next, ...OBJECT_KINDS, 'UNIQUE', 'TEMPORARY', 'TEMP', 'OR', 'MATERIALIZED', 'VIRTUAL'),
  DROP: ([next]) => isWord(next, ...OBJECT_KINDS, 'MATERIALIZED'),
  ALTER: ([next]) => isWord(next, ...OBJECT_KINDS),
  TRUNCATE: ([next]) => isWord(next, 'TABLE') || isName(next),
  EXPLAIN: ([next]) => isWord(next, 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'ANALYZE', 'QUERY', 'VERBOSE', 'FORMAT'),
  PRAGMA: ([next]) => isName(next),
};

/** The statement keyword `text` opens with (`SELECT`), or null when it is not SQL by its first tokens. */
export function sqlStatementKeyword(text: string): string | null {
  const tokens = sqlTokens(text);
  let first = 0;
  // `(SELECT …) UNION (SELECT …)`.
  while (tokens[first]?.kind === 'symbol' && tokens[first]?.text === '(') first += 1;
  const keyword = tokens[first];
  if (keyword?.kind !== 'word') return null;
  const check = STATEMENTS[keyword.text];
  return check !== undefined && check(tokens.slice(first + 1)) ? keyword.text : null;
}
