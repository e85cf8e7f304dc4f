/**
 * Parsing: a TS-ESTree AST with ranges (lines come from SourceText, so any TS-ESTree parser fits) and
 * @typescript-eslint/scope-manager for bindings. Two parsers give that AST:
 * - `oxc` (default): oxc-parser, an optional native dependency, normalized to typescript-estree's shape by
 *   `parse-oxc.ts`; about three times faster. When it is not installed, has no binding for the platform, or
 *   throws, the file is parsed with typescript-estree instead; when it reports a syntax error, typescript-estree
 *   gets the file too, so a file oxc is stricter about is still scanned.
 * - `typescript-estree`: the parser typescript-eslint uses.
 * test/parser-equivalence.test.ts holds both to the same findings on every fixture.
 * Expected failures (syntax errors, nesting too deep for recursion) come back as a `parse-failed` problem so the
 * scan goes on.
 */
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import type { ScopeManagerLike } from '../analysis/scope/scope-types.js';
import { languageOf, type LanguageOptions } from './language.js';
import { loadOxc, parseWithOxc, type OxcSyntaxError } from './parse-oxc.js';
import { fail, ok, type Result, type ScanProblem } from './problems.js';
import { SourceText } from './source-text.js';

export const PARSERS = ['oxc', 'typescript-estree'] as const;
export type ParserName = (typeof PARSERS)[number];
export const DEFAULT_PARSER: ParserName = 'oxc';

export function isParserName(value: string): value is ParserName {
  return (PARSERS as readonly string[]).includes(value);
}

export interface ParsedSource {
  readonly path: string;
  readonly source: SourceText;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  /** The parser that produced `ast`: typescript-estree when oxc was asked for but could not be used. */
  readonly parser: ParserName;
}

interface ParserErrorShape {
  readonly message: string;
  readonly lineNumber?: number;
  readonly column?: number;
}

function isParserError(error: unknown): error is Error & ParserErrorShape {
  return error instanceof Error && typeof (error as Partial<ParserErrorShape>).lineNumber === 'number';
}

function isTypeScriptPath(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}

export function parseSource(path: string, rawText: string, parser: ParserName = DEFAULT_PARSER): Result<ParsedSource> {
  const source = new SourceText(rawText);
  const language = languageOf(path);
  try {
    const parsed = parser === 'oxc' ? parseOxcFirst(path, source, language) : { ok: true as const, ast: parseTypeScriptEstree(path, source, language), parser };
    if (!parsed.ok) return fail(parsed.problem);
    const scopeManager = analyze(parsed.ast, {
      sourceType: language.sourceType,
      globalReturn: language.sourceType === 'script',
      // No lib globals: rampart treats an unresolved name as global, which is all a rule needs, and the
      // esnext lib adds a thousand variables to every file's global scope.
      lib: [],
    }) as unknown as ScopeManagerLike;
    return ok({ path, source, ast: parsed.ast, scopeManager, parser: parsed.parser });
  } catch (error: unknown) {
    return fail(toParseProblem(path, error));
  }
}

type ParseAttempt = { readonly ok: true; readonly ast: TSESTree.Program; readonly parser: ParserName } | { readonly ok: false; readonly problem: ScanProblem };

function parseOxcFirst(path: string, source: SourceText, language: LanguageOptions): ParseAttempt {
  const oxc = loadOxc();
  if (oxc === null || bracketDepth(source.text) > OXC_MAX_BRACKET_DEPTH) {
    return { ok: true, ast: parseTypeScriptEstree(path, source, language), parser: 'typescript-estree' };
  }
  let outcome: ReturnType<typeof parseWithOxc>;
  try {
    outcome = parseWithOxc(oxc, path, source.text, { jsx: language.jsx, typescript: isTypeScriptPath(path), sourceType: language.sourceType });
  } catch (error: unknown) {
    // Documented fallback: a crash inside the native parser (a panic surfaces as an Error) must not drop the
    // file; typescript-estree parses it, and a real syntax error is reported from there.
    if (!(error instanceof Error)) throw error;
    return { ok: true, ast: parseTypeScriptEstree(path, source, language), parser: 'typescript-estree' };
  }
  if (outcome.ok) return { ok: true, ast: outcome.ast, parser: 'oxc' };
  return confirmSyntaxError(path, source, language, outcome.error);
}

/**
 * oxc's parser recurses on the native stack and crashes the process (SIGSEGV) on pathological nesting (about
 * 10,000 levels of `[`), which no catch can turn into a problem; typescript-estree throws a RangeError that
 * becomes `parse-failed`. Files nested deeper than any real code go to typescript-estree.
 * gap: nesting without brackets (10,000+ chained `!`, `x =>`, `a ? b :`, `if (a)`) still reaches oxc.
 */
const OXC_MAX_BRACKET_DEPTH = 1000;

/** Deepest bracket nesting, counted over the raw text (strings included: an overestimate only costs speed). */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if ((code === 0x29 || code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
  }
  return deepest;
}

/** oxc rejected the file: scan it anyway when typescript-estree accepts it, else report oxc's error. */
function confirmSyntaxError(path: string, source: SourceText, language: LanguageOptions, error: OxcSyntaxError): ParseAttempt {
  try {
    return { ok: true, ast: parseTypeScriptEstree(path, source, language), parser: 'typescript-estree' };
  } catch (fallbackError: unknown) {
    if (!isParserError(fallbackError)) throw fallbackError;
    const at = source.positionAt(error.offset);
    return { ok: false, problem: { kind: 'parse-failed', file: path, line: at.line, column: at.column, message: error.message } };
  }
}

type TypeScriptEstree = typeof import('@typescript-eslint/typescript-estree');
let typescriptEstree: TypeScriptEstree | null = null;

/**
 * Loaded on first use: typescript-estree brings the TypeScript compiler (about a quarter of a second to load),
 * which a scan where oxc parses every file never needs.
 */
function loadTypeScriptEstree(): TypeScriptEstree {
  typescriptEstree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as TypeScriptEstree;
  return typescriptEstree;
}

function parseTypeScriptEstree(path: string, source: SourceText, language: LanguageOptions): TSESTree.Program {
  return loadTypeScriptEstree().parse(source.text, {
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
