import { describe, expect, it } from 'vitest';
import { isLineBreakPattern } from '../src/analysis/taint/line-break-strips.js';

describe('isLineBreakPattern', () => {
  it('recognizes classes and alternations that remove both CR and LF', () => {
    expect(isLineBreakPattern(/[\r\n]/.source)).toBe(true);
    expect(isLineBreakPattern(/[\n\r]+/.source)).toBe(true);
    expect(isLineBreakPattern(/\r|\n/.source)).toBe(true);
    expect(isLineBreakPattern(/[\r\n\t]/.source)).toBe(true);
    expect(isLineBreakPattern(/\s+/.source)).toBe(true);
    expect(isLineBreakPattern(/\n|\r/.source)).toBe(true);
  });

  it('rejects patterns that leave a CR or LF behind', () => {
    expect(isLineBreakPattern(/\n/.source)).toBe(false); // a lone CR survives
    expect(isLineBreakPattern(/\r\n/.source)).toBe(false); // only the pair is removed
    expect(isLineBreakPattern(/\r?\n/.source)).toBe(false);
    expect(isLineBreakPattern(/[^\r\n]/.source)).toBe(false); // a negation keeps them
    expect(isLineBreakPattern(/[a-z]/.source)).toBe(false);
    expect(isLineBreakPattern(/(\r|\n)/.source)).toBe(false); // groups are not read
  });
});
