import { describe, expect, it } from 'vitest';
import { isMetacharacterClass } from '../src/analysis/taint/regex-escapes.js';

describe('isMetacharacterClass', () => {
  it('recognizes the standard escaper classes', () => {
    expect(isMetacharacterClass(/[.*+?^${}()|[\]\\]/.source)).toBe(true);
    expect(isMetacharacterClass(/[-\/\\^$*+?.()|[\]{}]/.source)).toBe(true);
    expect(isMetacharacterClass(/[|\\{}()[\]^$+*?.]/.source)).toBe(true);
    expect(isMetacharacterClass(/[|\\{}()[\]^$+*?.-]/.source)).toBe(true);
  });

  it('rejects classes that miss a metacharacter', () => {
    expect(isMetacharacterClass(/[.*+?^${}()|[\]]/.source)).toBe(false); // no backslash
    expect(isMetacharacterClass(/[.*+?^$()|[\]\\]/.source)).toBe(false); // no braces
    expect(isMetacharacterClass(/[.*+?]/.source)).toBe(false);
  });

  it('rejects negations, ranges and escapes a backslash would give a meaning', () => {
    expect(isMetacharacterClass(/[^.*+?^${}()|[\]\\]/.source)).toBe(false);
    expect(isMetacharacterClass(/[!-~]/.source)).toBe(false);
    expect(isMetacharacterClass(/[.*+?^${}()|[\]\\\d]/.source)).toBe(false);
    expect(isMetacharacterClass(/[.*+?^${}()|[\]\\1]/.source)).toBe(false);
    expect(isMetacharacterClass('.*+?^${}()|[\\]\\\\')).toBe(false);
  });
});
