/**
 * `rampart init`: sets a project up in one step. Reads package.json as data (never runs it) to name the
 * frameworks and modelled libraries found, then writes `rampart.config.yaml`, a GitHub code scanning workflow
 * and, when the project has no ESLint config yet, an `eslint.config.mjs` (else it prints the lines to add).
 * An existing file is kept unless --force.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_NAME, packageVersion } from '../engine/package-info.js';
import { describeError, UsageError } from '../engine/problems.js';
import { LIBRARY_MODELS } from '../models/catalog.js';
import { FRAMEWORK_PACKAGES } from '../models/project-stack.js';

export const INIT_HELP = `Usage: rampart init [--force]

Writes rampart.config.yaml, .github/workflows/rampart.yml and (when the project has no ESLint config)
eslint.config.mjs, tailored to the frameworks and libraries package.json names. Existing files are kept
unless --force; an existing ESLint config is never rewritten (the lines to add are printed).`;

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

interface Manifest {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

export interface ProjectStack {
  readonly frameworks: readonly string[];
  readonly libraries: readonly string[];
  readonly hasRampart: boolean;
}

export function detectStack(manifest: Manifest): ProjectStack {
  const names = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const frameworks = Object.entries(FRAMEWORK_PACKAGES)
    .filter(([module]) => names.has(module))
    .map(([, title]) => title);
  const libraries = [
    ...new Set(LIBRARY_MODELS.filter((model) => model.modules.some((module) => names.has(module) && !(module in FRAMEWORK_PACKAGES))).map((model) => model.name)),
  ].sort();
  return { frameworks, libraries, hasRampart: names.has(PACKAGE_NAME) };
}

function readManifest(cwd: string): Manifest {
  const path = join(cwd, 'package.json');
  if (!existsSync(path)) return {};
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Manifest) : {};
  } catch (error: unknown) {
    throw new UsageError(`package.json cannot be read: ${describeError(error)}`);
  }
}

function configYaml(stack: ProjectStack): string {
  const found = [...stack.frameworks, ...stack.libraries];
  return `# rampart configuration: data only (rampart never runs JavaScript from the repository it scans).
# Reference: https://github.com/rampart-security/rampart/blob/main/docs/guides/configuration.md
# yaml-language-server: $schema=./node_modules/${PACKAGE_NAME}/schema/rampart.config.schema.json
${found.length > 0 ? `# Found in package.json, and modelled by rampart: ${found.join(', ')}.\n` : ''}
# Exit 1 on findings at or above this severity (--fail-on overrides it).
failOn: high

# Paths not to scan, in .gitignore syntax (.gitignore files are honoured already).
ignore: []

# Per rule: off, on, or a severity. Rules below high precision run only when named here (or with --all).
rules: {}
`;
}

function workflowYaml(): string {
  return `# GitHub code scanning with rampart: findings as alerts on pull requests and in the Security tab.
name: rampart
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  scan:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v6
        with:
          persist-credentials: false
      - uses: actions/setup-node@v6
        with:
          node-version: 24
      # rampart is a pinned devDependency (npm i -D ${PACKAGE_NAME}@${packageVersion()}), so CI runs exactly that version.
      - run: npm ci
      - name: rampart
        run: ./node_modules/.bin/rampart --format text --format sarif=rampart.sarif --sarif-omit-suppressed
      - uses: github/codeql-action/upload-sarif@v4
        if: always()
        with:
          sarif_file: rampart.sarif
          category: rampart
`;
}

function eslintConfig(): string {
  // Line by line, so this module's own source holds no `export default` statement of its own.
  return [
    `import rampart from '${PACKAGE_NAME}/eslint-plugin';`,
    '',
    '// rampart.configs.typescript adds a TypeScript parser for .ts files; drop it if typescript-eslint is set up already.',
    'export default [rampart.configs.typescript, rampart.configs.recommended];',
    '',
  ].join('\n');
}

export function initProject(argv: readonly string[], cwd: string): { readonly stdout: string } {
  const { values } = parseArgs({ args: [...argv], options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help === true) return { stdout: `${INIT_HELP}\n` };
  const force = values.force === true;
  const stack = detectStack(readManifest(cwd));
  const lines: string[] = [];
  const write = (relativePath: string, text: string): void => {
    const path = join(cwd, relativePath);
    if (existsSync(path) && !force) {
      lines.push(`kept ${relativePath} (it exists; --force overwrites it)`);
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    lines.push(`wrote ${relativePath}`);
  };
  if (stack.frameworks.length > 0 || stack.libraries.length > 0) lines.push(`found ${[...stack.frameworks, ...stack.libraries].join(', ')}`);
  write('rampart.config.yaml', configYaml(stack));
  write('.github/workflows/rampart.yml', workflowYaml());
  // The ESLint config is the project's own, never overwritten, even with --force: rampart only adds to it.
  const existingEslint = ESLINT_CONFIGS.find((name) => existsSync(join(cwd, name)));
  if (existingEslint === undefined) write('eslint.config.mjs', eslintConfig());
  else lines.push(`kept ${existingEslint}; add rampart to it:\n\n${eslintConfig().replace(/^/gm, '    ')}`);
  if (!stack.hasRampart) lines.push(`next: npm i -D ${PACKAGE_NAME}@${packageVersion()}`);
  return { stdout: `${lines.join('\n')}\n` };
}
