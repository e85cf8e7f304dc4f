/**
 * Every page that tells a user how to run rampart installs a pinned release of the scoped package: a bare
 * `npx rampart` would download and run whatever someone later publishes under the unscoped name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const PAGES = [join(ROOT, 'README.md'), join(ROOT, 'action.yml'), ...markdownFiles(join(ROOT, 'docs'))];

/** The ways a page could run rampart without naming an exact release of the scoped package. */
const UNPINNED: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'npx of rampart', pattern: /\bnpx\s+(?:--?\S+\s+)*(?:@rampart-security\/)?rampart\b/ },
  { what: 'npm exec of rampart without an exact version', pattern: /npm exec\b[^\n]*--package=@rampart-security\/rampart(?!@\d+\.\d+\.\d+)/ },
  { what: 'the unscoped package', pattern: /\bnpm (?:i|install)\b[^\n]*\srampart(?:@|\s|$)/m },
  { what: 'a moving major tag of the action', pattern: /rampart-security\/rampart@v\d+(?![.\d])/ },
];

describe('install instructions', () => {
  it('always name an exact release of @rampart-security/rampart', () => {
    const offences = PAGES.flatMap((page) => {
      const lines = readFileSync(page, 'utf8').split('\n');
      return lines.flatMap((line, index) =>
        UNPINNED.filter(({ pattern }) => pattern.test(line) && !/never a bare `npx rampart`/.test(line)).map(({ what }) => `${relative(ROOT, page)}:${index + 1}: ${what}`),
      );
    });
    expect(offences).toEqual([]);
  });

  it('recognise each unpinned form the check exists for', () => {
    const samples = ['npx rampart .', 'npx --yes @rampart-security/rampart', 'npm exec --package=@rampart-security/rampart -- rampart', 'npm i -D rampart', 'uses: rampart-security/rampart@v1'];
    expect(samples.map((sample) => UNPINNED.some(({ pattern }) => pattern.test(sample)))).toEqual([true, true, true, true, true]);
    const pinned = ['npm exec --yes --package=@rampart-security/rampart@0.2.0 -- rampart', 'npm i -D --save-exact @rampart-security/rampart@0.2.0', 'uses: rampart-security/rampart@v0.2.0'];
    expect(pinned.map((sample) => UNPINNED.some(({ pattern }) => pattern.test(sample)))).toEqual([false, false, false]);
  });
});
