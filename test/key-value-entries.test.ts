/** `.env` and `.npmrc` entries keep their key and the value's exact offsets (findings point at the value). */
import { describe, expect, it } from 'vitest';
import { keyValueEntries } from '../src/analysis/config/key-value-entries.js';
import { SourceText } from '../src/engine/source-text.js';

function entries(text: string, syntax: 'dotenv' | 'ini'): { key: string; value: string; at: string }[] {
  const source = new SourceText(text);
  return keyValueEntries(source, syntax).map((entry) => ({ key: entry.key, value: entry.value, at: source.slice([entry.valueRange[0], entry.valueRange[1]]) }));
}

describe('keyValueEntries', () => {
  it('reads dotenv lines: export, quotes, comments after unquoted values, CRLF', () => {
    const text = 'export A=1\r\nB = "two # not a comment"\nC=three # comment\n# D=commented\nE=\nF=\'x\'\n';
    expect(entries(text, 'dotenv').map(({ key, value }) => [key, value])).toEqual([
      ['A', '1'],
      ['B', 'two # not a comment'],
      ['C', 'three'],
      ['E', ''],
      ['F', 'x'],
    ]);
  });

  it('reads a quoted dotenv value across lines and resumes after it', () => {
    const text = 'KEY="-----BEGIN PRIVATE KEY-----\nMIIB==\n-----END PRIVATE KEY-----"\nNEXT=1\n';
    const found = entries(text, 'dotenv');
    expect(found.map((entry) => entry.key)).toEqual(['KEY', 'NEXT']);
    expect(found[0]?.value).toBe('-----BEGIN PRIVATE KEY-----\nMIIB==\n-----END PRIVATE KEY-----');
  });

  it('reads ini keys with registry paths and `;` comments', () => {
    const text = '; a comment\n//registry.npmjs.org/:_authToken = abc123 ; trailing\nregistry=https://r.example/;x\n';
    expect(entries(text, 'ini').map(({ key, value, at }) => [key, value, at])).toEqual([
      ['//registry.npmjs.org/:_authToken', 'abc123', 'abc123'],
      ['registry', 'https://r.example/;x', 'https://r.example/;x'],
    ]);
  });
});
