/** The SQL tokenizer that decides whether a query call on an unknown receiver runs SQL (analysis/values/sql-text.ts). */
import { describe, expect, it } from 'vitest';
import { HOLE, sqlStatementKeyword, sqlTokens } from '../src/analysis/values/sql-text.js';

describe('sqlTokens', () => {
  it('skips whitespace, line comments (-- and #) and block comments, nested ones included', () => {
    const tokens = sqlTokens("  -- header\n# mysql note\n/* outer /* inner */ still comment */ SELECT 1");
    expect(tokens.map((token) => token.text)).toEqual(['SELECT', '1']);
  });

  it('reads strings with doubled and backslashed quotes as one token', () => {
    const tokens = sqlTokens("SELECT 'it''s -- not a comment' , 'a\\'b' FROM t");
    expect(tokens.map((token) => token.kind)).toEqual(['word', 'string', 'symbol', 'string', 'word', 'word']);
    expect(tokens[1]?.text).toBe("'it''s -- not a comment'");
    expect(tokens[3]?.text).toBe("'a\\'b'");
  });

  it('reads quoted identifiers ("x", `x`, [x]) and dollar-quoted strings as one token', () => {
    const tokens = sqlTokens('SELECT "from", `select`, [order by], $body$ FROM x $body$ FROM t');
    expect(tokens.map((token) => `${token.kind}:${token.text}`)).toEqual([
      'word:SELECT',
      'quoted-identifier:"from"',
      'symbol:,',
      'quoted-identifier:`select`',
      'symbol:,',
      'quoted-identifier:[order by]',
      'symbol:,',
      'string:$body$ FROM x $body$',
      'word:FROM',
      'word:T',
    ]);
  });

  it('keeps a $1 placeholder apart from dollar quoting, and reads a hole as its own token', () => {
    expect(sqlTokens(`SELECT $1, ${HOLE}`).map((token) => token.kind)).toEqual(['word', 'symbol', 'number', 'symbol', 'hole']);
  });

  it('stops at an unterminated string or comment', () => {
    expect(sqlTokens("SELECT 'open").map((token) => token.text)).toEqual(['SELECT']);
    expect(sqlTokens('SELECT /* open').map((token) => token.text)).toEqual(['SELECT']);
  });
});

describe('sqlStatementKeyword', () => {
  it.each([
    ['SELECT * FROM users WHERE id = ', 'SELECT'],
    ['select id, name from users', 'SELECT'],
    [`SELECT ${HOLE} FROM users`, 'SELECT'],
    ['(SELECT a FROM t) UNION (SELECT a FROM u)', 'SELECT'],
    ['/* report */ -- tenant\n  WITH recent AS (SELECT * FROM orders) SELECT * FROM recent', 'WITH'],
    ['WITH RECURSIVE tree(id) AS (', 'WITH'],
    ['INSERT INTO users (name) VALUES (', 'INSERT'],
    ['INSERT OR REPLACE INTO kv VALUES (', 'INSERT'],
    ['UPDATE users SET name = ', 'UPDATE'],
    [`UPDATE ${HOLE} SET name = `, 'UPDATE'],
    ['DELETE FROM sessions WHERE token = ', 'DELETE'],
    ['REPLACE INTO kv VALUES (', 'REPLACE'],
    ['MERGE INTO target USING source ON ', 'MERGE'],
    ['CREATE TABLE IF NOT EXISTS ', 'CREATE'],
    ['DROP TABLE ', 'DROP'],
    ['ALTER TABLE users ADD COLUMN ', 'ALTER'],
    ['TRUNCATE TABLE logs', 'TRUNCATE'],
    ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN'],
    ['PRAGMA table_info(', 'PRAGMA'],
  ])('%j opens a %s statement', (text, keyword) => {
    expect(sqlStatementKeyword(text)).toBe(keyword);
  });

  it.each([
    ['select-user:'],
    ['update:'],
    ['delete-'],
    ['Select an option for '],
    ['Update your profile, '],
    ['Delete the draft '],
    ['insert coin'],
    ['with love, '],
    ['create a new account'],
    ["'SELECT * FROM users WHERE name = "],
    ['"SELECT" * FROM users'],
    ['-- SELECT * FROM users\nhello'],
    ['/* SELECT * FROM users */ hello'],
    ['user:42'],
    [''],
    [HOLE],
    ['SELECTED FROM users'],
    ['selection FROM users'],
  ])('%j is not a statement', (text) => {
    expect(sqlStatementKeyword(text)).toBeNull();
  });
});
