/**
 * Reading one file into a FileContext: read, parse, analyse scopes, walk once (parents). Shared by the scan
 * loop and the module linker so a file parsed for linking is not parsed again for scanning.
 */
import { readFileSync } from 'node:fs';
import { FileContext, type ProjectServices } from './file-context.js';
import { parseSource, type ParserName } from './parse.js';
import { describeError, fail, ok, type Result, type ScanProblem } from './problems.js';
import { traverse, type Traversal } from './traverse.js';

export interface LoadedFile {
  readonly context: FileContext;
  readonly traversal: Traversal;
}

export function loadFile(absolutePath: string, path: string, project: ProjectServices, parser?: ParserName): Result<LoadedFile> {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch (error: unknown) {
    return fail({ kind: 'skipped', file: path, reason: 'unreadable', message: describeError(error) } satisfies ScanProblem);
  }
  const parsed = parseSource(absolutePath, text, parser);
  if (!parsed.ok) return fail({ ...parsed.error, file: path });
  const { source, ast, scopeManager } = parsed.value;
  const traversal = traverse(ast);
  return ok({ context: new FileContext(path, absolutePath, source, ast, scopeManager, project), traversal });
}
