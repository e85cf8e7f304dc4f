/**
 * Reading one file into a FileContext: read, parse, analyse scopes, walk once (parents). Shared by the scan
 * loop and the module linker so a file parsed for linking is not parsed again for scanning.
 */
import { readCodeFile, type FileLimits } from './file-access.js';
import { FileContext, type ProjectServices } from './file-context.js';
import { parseSource, type ParserName } from './parse.js';
import { fail, ok, type Result } from './problems.js';
import { traverse, type Traversal } from './traverse.js';

export interface LoadedFile {
  readonly context: FileContext;
  readonly traversal: Traversal;
}

/** Reads under `limits` (root containment, regular files only, size cap, binary sniff: see file-access.ts). */
export function loadFile(absolutePath: string, path: string, project: ProjectServices, limits: FileLimits, parser?: ParserName): Result<LoadedFile> {
  const read = readCodeFile(absolutePath, limits);
  if (!read.ok) return fail({ kind: 'skipped', file: path, reason: read.reason, message: read.message });
  const parsed = parseSource(absolutePath, read.text, parser);
  if (!parsed.ok) return fail({ ...parsed.error, file: path });
  const { source, ast, scopeManager } = parsed.value;
  const traversal = traverse(ast);
  return ok({ context: new FileContext(path, absolutePath, source, ast, scopeManager, project), traversal });
}
