/**
 * Which project files import a module: the reverse of the linker's `resolve`, so an analysis can find every
 * caller of an exported function (what a parameter holds when all callers pass one library value). Built once
 * per linker, on the first question, from the project's file list.
 *
 * Reading every file's AST to learn its imports would parse the whole project up front, so the index is read
 * from text: each file's module specifiers (`from '…'`, `require('…')`, `import('…')`) are listed by a small
 * scanner and filed under their last path segment. That only narrows the candidates: a question is answered by
 * resolving the candidates' specifiers through the linker, and the caller then reads the importer's AST, so a
 * specifier-looking string in a comment costs a lookup, never a wrong answer. What the scanner cannot see is a
 * specifier built at run time (`require('./' + name)`), which no static caller search could follow anyway.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { isProjectSpecifier } from '../analysis/modules/api-reference.js';

/** A file past this size is not read for specifiers: the scan skips such files too (DEFAULT_MAX_FILE_SIZE). */
const MAX_INDEXED_FILE_BYTES = 1024 * 1024;

/** `from 'x'`, `require('x')`, `import('x')`, with the quote kinds JavaScript allows for a plain specifier. */
const SPECIFIER = /\bfrom\s*(['"])([^'"\n]{1,512})\1|\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]{1,512})\3\s*\)/g;

interface IndexedSpecifier {
  readonly file: string;
  readonly specifier: string;
}

export class ImporterIndex {
  private readonly listFiles: () => readonly string[];
  private readonly resolve: (fromFile: string, specifier: string) => string | null;
  private byStem: Map<string, IndexedSpecifier[]> | null = null;
  private readonly answers = new Map<string, readonly string[]>();

  constructor(listFiles: () => readonly string[], resolve: (fromFile: string, specifier: string) => string | null) {
    this.listFiles = listFiles;
    this.resolve = resolve;
  }

  /** Absolute paths of the project files with an import or require that resolves to `modulePath`. */
  importersOf(modulePath: string): readonly string[] {
    const known = this.answers.get(modulePath);
    if (known !== undefined) return known;
    const importers = new Set<string>();
    for (const entry of this.index().get(moduleStem(modulePath)) ?? []) {
      if (entry.file !== modulePath && !importers.has(entry.file) && this.resolve(entry.file, entry.specifier) === modulePath) importers.add(entry.file);
    }
    const answer = [...importers].sort();
    this.answers.set(modulePath, answer);
    return answer;
  }

  private index(): Map<string, IndexedSpecifier[]> {
    if (this.byStem !== null) return this.byStem;
    const byStem = new Map<string, IndexedSpecifier[]>();
    for (const file of this.listFiles()) {
      const text = readIfSmall(file);
      if (text === null) continue;
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[2] ?? match[4];
        if (specifier === undefined || !isProjectSpecifier(specifier)) continue;
        // `require('..')` names a directory whose name only resolution can tell.
        const stem = /(^|\/)\.\.?$/.test(specifier) ? moduleStem(this.resolve(file, specifier) ?? '') : specifierStem(specifier);
        const entries = byStem.get(stem);
        if (entries === undefined) byStem.set(stem, [{ file, specifier }]);
        else entries.push({ file, specifier });
      }
    }
    this.byStem = byStem;
    return byStem;
  }
}

/**
 * What a specifier naming `modulePath` ends with: its file name without extension, or its directory's name for
 * an index file (`./models` names `models/index.js`).
 */
export function moduleStem(modulePath: string): string {
  const name = basename(modulePath, extname(modulePath));
  return name === 'index' ? basename(dirname(modulePath)) : name;
}

/** The last segment of a specifier, extension and a trailing `/index` dropped: `../data/dao.js` → `dao`. */
export function specifierStem(specifier: string): string {
  const segments = specifier.split('/').filter((segment) => segment !== '' && segment !== '.');
  while (segments.length > 1 && /^index(\.[cm]?[jt]sx?)?$/.test(segments[segments.length - 1] ?? '')) segments.pop();
  const last = segments[segments.length - 1] ?? '';
  return last.replace(/\.[cm]?[jt]sx?$/, '');
}

function readIfSmall(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > MAX_INDEXED_FILE_BYTES ? null : text;
  } catch (error: unknown) {
    // A file that vanished or cannot be read imports nothing we could analyse; the scan reports it on its own.
    if (error instanceof Error && 'code' in error) return null;
    throw error;
  }
}
