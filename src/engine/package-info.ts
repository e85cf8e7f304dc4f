/** rampart's own package: its root (for docs and schema files shipped with it) and version. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
}

/** The published name: a scope the project controls, so `npm exec --package=` can never fetch a squatter's package. */
export const PACKAGE_NAME = '@rampart-security/rampart';

let cachedRoot: string | null = null;

/** Walks up from this module (src/ when run from source, dist/src/ when built) to rampart's package.json. */
export function packageRoot(): string {
  if (cachedRoot !== null) return cachedRoot;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson).name === PACKAGE_NAME) {
      cachedRoot = directory;
      return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error('rampart: cannot find its own package.json');
    directory = parent;
  }
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  return manifest.version ?? '0.0.0';
}

export const DOCS_BASE_URL = 'https://github.com/rampart-security/rampart/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** The rule's docs page (markdown), or null when the package ships none for it. */
export function ruleDocsMarkdown(ruleId: string): string | null {
  const path = join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
