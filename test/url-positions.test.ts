import { describe, expect, it } from 'vitest';
import { UNKNOWN_TEXT, urlPositionAfter } from '../src/analysis/taint/url-positions.js';

describe('urlPositionAfter', () => {
  it('puts a first part at the whole URL', () => {
    expect(urlPositionAfter('')).toBe('whole');
  });
  it('puts a part after a fixed host and a slash, ? or # in the path', () => {
    for (const prefix of ['https://api.example.com/', 'https://api.example.com/items/', 'https://a.example.com?q=', 'http://h:8080#', '//cdn.example.com/']) {
      expect(urlPositionAfter(prefix)).toBe('path');
    }
  });
  it('puts a part after a scheme, or a host with no slash, in the authority', () => {
    for (const prefix of ['https://', 'https://api.example.com', 'http:', 'http:/', '//', `${UNKNOWN_TEXT}://`, `https://${UNKNOWN_TEXT}`]) {
      expect(urlPositionAfter(prefix)).toBe('authority');
    }
  });
  it('treats a lone leading slash as able to become protocol-relative', () => {
    expect(urlPositionAfter('/')).toBe('authority');
    expect(urlPositionAfter('/\\')).toBe('authority');
    expect(urlPositionAfter('/login?next=')).toBe('path');
    expect(urlPositionAfter('/users/')).toBe('path');
  });
  it('reads relative references by their first segment', () => {
    expect(urlPositionAfter('users/')).toBe('path');
    expect(urlPositionAfter('?q=')).toBe('path');
    expect(urlPositionAfter('java')).toBe('whole');
    expect(urlPositionAfter(`${UNKNOWN_TEXT}/users/`)).toBe('path');
    expect(urlPositionAfter(UNKNOWN_TEXT)).toBe('whole');
  });
});
