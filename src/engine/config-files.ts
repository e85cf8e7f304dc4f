/**
 * Configuration and supply-chain files scanned beside the code: GitHub Actions workflows, Dockerfiles,
 * docker-compose files, `.env` files and `.npmrc`. Each is read under the same limits as a code file (file-access.ts),
 * parsed once into a `ConfigFile` (YAML through the `yaml` package, whose ranges are offsets into the text,
 * so lines and columns come from `SourceText` as for code), and handed to the rules that declare a
 * `configFile` check. Comments are collected as `TSESTree.Comment`-shaped records so the gate reads
 * `# rampart-ignore-next-line` directives exactly as it reads `//` ones.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import { SourceText } from './source-text.js';
import { fail, ok, type Result, type ScanProblem } from './problems.js';

export type ConfigKind = 'github-workflow' | 'dockerfile' | 'compose' | 'env' | 'npmrc';

export interface ConfigFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly kind: ConfigKind;
  readonly source: SourceText;
  /** `#` comments, with ranges into `source.text`. */
  readonly comments: readonly TSESTree.Comment[];
  /** The parsed document for YAML kinds; null for line-based formats. */
  readonly yaml: Document.Parsed | null;
}

/** Which kind of config file a path is, by name (and, for workflows, by directory); null: not one. */
export function configKindOf(path: string): ConfigKind | null {
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  const lower = name.toLowerCase();
  const isYaml = lower.endsWith('.yml') || lower.endsWith('.yaml');
  if (isYaml && parts[parts.length - 2] === 'workflows' && parts[parts.length - 3] === '.github') return 'github-workflow';
  if (isYaml && (lower.startsWith('docker-compose') || lower.startsWith('compose'))) return 'compose';
  if (name === 'Dockerfile' || name.startsWith('Dockerfile.') || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (name === '.env' || name.startsWith('.env.')) return 'env';
  if (name === '.npmrc') return 'npmrc';
  return null;
}

/** A dot-named entry the walk still enters or reads: `.github` (workflows), `.env*` files and `.npmrc`. */
export function isConfigDotEntry(name: string, isDirectory: boolean): boolean {
  return isDirectory ? name === '.github' : name === '.env' || name.startsWith('.env.') || name === '.npmrc';
}

export function parseConfigFile(absolutePath: string, path: string, kind: ConfigKind, raw: string): Result<ConfigFile> {
  const source = new SourceText(raw);
  if (kind === 'dockerfile' || kind === 'env' || kind === 'npmrc') {
    return ok({ path, absolutePath, kind, source, comments: lineComments(source), yaml: null });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error !== undefined) {
    const position = lineCounter.linePos(error.pos[0]);
    const problem: ScanProblem = { kind: 'parse-failed', file: path, line: position.line, column: position.col, message: `YAML: ${error.message.split('\n')[0] ?? error.code}` };
    return fail(problem);
  }
  return ok({ path, absolutePath, kind, source, comments: yamlComments(source), yaml: document });
}

/** Full-line `#` comments (Dockerfile and .env treat only those as comments; .npmrc's `;` ones carry no directives). */
function lineComments(source: SourceText): TSESTree.Comment[] {
  const comments: TSESTree.Comment[] = [];
  let offset = 0;
  for (let line = 1; line <= source.lineCount; line += 1) {
    const text = source.lineText(line);
    const hash = text.search(/\S/);
    if (hash !== -1 && text[hash] === '#') comments.push(comment(source, offset + hash, text.slice(hash + 1)));
    const next = source.text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return comments;
}

/** Comment tokens from the YAML lexer, so a `#` inside a quoted or block scalar is not a comment. */
function yamlComments(source: SourceText): TSESTree.Comment[] {
  const comments: TSESTree.Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source.text)) {
    if (token.startsWith('#')) comments.push(comment(source, offset, token.slice(1)));
    // Control tokens (document, flow and scalar markers) are not text and take no room.
    if (token.length > 1 || (token.charCodeAt(0) ?? 0) >= 0x20 || token === '\n' || token === '\t') offset += token.length;
  }
  return comments;
}

function comment(source: SourceText, start: number, value: string): TSESTree.Comment {
  const range: [number, number] = [start, start + value.length + 1];
  const span = source.spanOf(range);
  return { type: 'Line', value, range, loc: { start: span.start, end: span.end } } as TSESTree.Comment;
}
