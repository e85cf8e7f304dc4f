/**
 * Parsing: typescript-estree for the AST (ranges only; lines come from SourceText) and
 * @typescript-eslint/scope-manager for bindings. Expected failures (syntax errors, nesting too deep for the
 * parser's recursion) come back as a `parse-failed` problem so the scan goes on.
 */
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import type { ScopeManagerLike } from '../analysis/scope/scope-types.js';
import { languageOf } from './language.js';
import { fail, ok, type Result, type ScanProblem } from './problems.js';
import { SourceText } from './source-text.js';

export interface ParsedSource {
  readonly path: string;
  readonly source: SourceText;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
}

interface ParserErrorShape {
  readonly message: string;
  readonly lineNumber?: number;
  readonly column?: number;
}

function isParserError(error: unknown): error is Error & ParserErrorShape {
  return error instanceof Error && typeof (error as Partial<ParserErrorShape>).lineNumber === 'number';
}

export function parseSource(path: string, rawText: string): Result<ParsedSource> {
  const source = new SourceText(rawText);
  const language = languageOf(path);
  try {
    const ast = parse(source.text, {
      filePath: path,
      jsx: language.jsx,
      range: true,
      loc: false,
      comment: true,
      tokens: false,
      jsDocParsingMode: 'none',
      sourceType: language.sourceType,
      loggerFn: false,
    });
    const scopeManager = analyze(ast, {
      sourceType: language.sourceType,
      globalReturn: language.sourceType === 'script',
      // No lib globals: rampart treats an unresolved name as global, which is all a rule needs, and the
      // esnext lib adds a thousand variables to every file's global scope.
      lib: [],
    }) as unknown as ScopeManagerLike;
    return ok({ path, source, ast, scopeManager });
  } catch (error: unknown) {
    return fail(toParseProblem(path, error));
  }
}

function toParseProblem(path: string, error: unknown): ScanProblem {
  if (isParserError(error)) {
    return { kind: 'parse-failed', file: path, line: error.lineNumber ?? 1, column: error.column ?? 0, message: error.message };
  }
  if (error instanceof RangeError) {
    // The parser and scope analysis recurse per nesting level; pathological nesting exhausts the stack.
    return { kind: 'parse-failed', file: path, line: 1, column: 0, message: `nesting too deep to analyze (${error.message})` };
  }
  throw error;
}
