/**
 * Is a file test code? By the conventions test runners use to find tests (Jest's `__tests__` and
 * `*.test.*`/`*.spec.*`, Mocha's `test/`, Nest's `*.e2e-spec.ts`), read from the path relative to the scan
 * root so that a checkout under `/home/ci/test/` does not make every file a test.
 */

const TEST_DIRECTORIES: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', '__mocks__', 'spec', 'e2e']);
const TEST_FILE = /\.(?:test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/;

export function isTestPath(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/);
  const fileName = segments.pop() ?? '';
  return TEST_FILE.test(fileName) || segments.some((segment) => TEST_DIRECTORIES.has(segment));
}
