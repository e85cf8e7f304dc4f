/**
 * A pattern snippet becomes a TS-ESTree tree, parsed by typescript-estree (the parser rampart's engine falls
 * back to, so pattern and code trees have one shape). Semgrep patterns are fragments, so several wrappings are
 * tried in order: the snippet as a program (an expression, a statement, a sequence of statements), as a
 * parenthesized expression (object literals), as a generator body (`return $X`, `yield`), as a class member
 * (`$M(...) { ... }`) and as an object property (`$KEY: $VALUE`). The first parse's error is the one reported.
 */
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { ELLIPSIS_PREFIX, rewritePattern } from './pattern-syntax.js';

export type PatternShape =
  | { readonly kind: 'node'; readonly root: TSESTree.Node }
  | { readonly kind: 'sequence'; readonly statements: readonly TSESTree.Statement[] };

/** A pattern that does not parse; `offset` is in the pattern as written. */
export class PatternSyntaxError extends Error {
  readonly offset: number;
  readonly problem: string;

  constructor(offset: number, problem: string) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
    this.name = 'PatternSyntaxError';
  }
}

type TypeScriptEstree = typeof import('@typescript-eslint/typescript-estree');
let estree: TypeScriptEstree | null = null;

/** Loaded on first use, as the engine does: it brings the TypeScript compiler, which runs without custom rules never need. */
function loadEstree(): TypeScriptEstree {
  estree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as TypeScriptEstree;
  return estree;
}

interface Wrapping {
  readonly open: string;
  readonly close: string;
  /** Statement wrappings read `{ a: 1 }` as a block and `a: $X` as a label; later wrappings get a chance first. */
  readonly readsStatements: boolean;
  readonly extract: (program: TSESTree.Program) => PatternShape | null;
}

const WRAPPINGS: readonly Wrapping[] = [
  { open: '', close: '', readsStatements: true, extract: (program) => shapeOfStatements(program.body) },
  { open: '(\n', close: '\n)', readsStatements: false, extract: (program) => expressionOf(program.body[0]) },
  { open: 'async function* __rampart_body() {\n', close: '\n}', readsStatements: true, extract: (program) => functionBodyOf(program.body[0]) },
  { open: 'class __rampart_class {\n', close: '\n}', readsStatements: false, extract: (program) => classMemberOf(program.body[0]) },
  { open: '({\n', close: '\n})', readsStatements: false, extract: (program) => propertyOf(program.body[0]) },
];

export function parsePattern(pattern: string): PatternShape {
  if (pattern.trim() === '') throw new PatternSyntaxError(0, 'empty pattern');
  const rewritten = rewritePattern(pattern);
  let firstError: PatternSyntaxError | null = null;
  const shapes: PatternShape[] = [];
  for (const wrapping of WRAPPINGS) {
    const text = `${wrapping.open}${rewritten.text}${wrapping.close}`;
    const parsed = tryParse(text);
    if (!parsed.ok) {
      if (firstError === null) {
        const offset = Math.max(0, Math.min(rewritten.text.length, parsed.index - wrapping.open.length));
        firstError = new PatternSyntaxError(rewritten.originalOffset(offset), parsed.message);
      }
      continue;
    }
    const shape = wrapping.extract(parsed.program);
    if (shape !== null) shapes.push(shape);
    // A program is the answer unless it is a block or a label, which Semgrep reads as an object or a property.
    if (shape !== null && !(wrapping.readsStatements && isAmbiguousStatement(shape))) return checked(shape);
  }
  const fallback = shapes[0];
  if (fallback !== undefined) return checked(fallback);
  throw firstError ?? new PatternSyntaxError(0, 'cannot parse the pattern');
}

/** `{ a: 1 }` parses as a block with a label, `a: $X` as a labelled statement: both mean object syntax in a pattern. */
function isAmbiguousStatement(shape: PatternShape): boolean {
  return shape.kind === 'node' && (shape.root.type === 'BlockStatement' || shape.root.type === 'LabeledStatement');
}

function checked(shape: PatternShape): PatternShape {
  if (shape.kind === 'node' && shape.root.type === 'Identifier' && shape.root.name.startsWith(ELLIPSIS_PREFIX)) {
    throw new PatternSyntaxError(0, 'a pattern of only `...` would match everything; say what to look for');
  }
  return shape;
}

type ParseAttempt = { readonly ok: true; readonly program: TSESTree.Program } | { readonly ok: false; readonly index: number; readonly message: string };

function tryParse(text: string): ParseAttempt {
  const parser = loadEstree();
  let typescriptError: ParseAttempt | null = null;
  for (const jsx of [false, true]) {
    try {
      const program = parser.parse(text, { jsx, range: true, loc: false, comment: false, tokens: false, filePath: jsx ? 'pattern.tsx' : 'pattern.ts', loggerFn: false, jsDocParsingMode: 'none' });
      return { ok: true, program };
    } catch (error: unknown) {
      if (!(error instanceof Error) || typeof (error as { index?: unknown }).index !== 'number') throw error;
      typescriptError ??= { ok: false, index: (error as Error & { index: number }).index, message: error.message };
    }
  }
  return typescriptError ?? { ok: false, index: 0, message: 'cannot parse the pattern' };
}

function shapeOfStatements(body: readonly TSESTree.Statement[]): PatternShape | null {
  const statements = body.filter((statement) => statement.type !== 'EmptyStatement');
  const only = statements.length === 1 ? statements[0] : undefined;
  if (statements.length === 0) return null;
  if (only === undefined) return { kind: 'sequence', statements };
  return only.type === 'ExpressionStatement' ? { kind: 'node', root: only.expression } : { kind: 'node', root: only };
}

function expressionOf(statement: TSESTree.Statement | undefined): PatternShape | null {
  return statement?.type === 'ExpressionStatement' ? { kind: 'node', root: statement.expression } : null;
}

function functionBodyOf(statement: TSESTree.Statement | undefined): PatternShape | null {
  if (statement?.type !== 'FunctionDeclaration') return null;
  return shapeOfStatements(statement.body.body);
}

/** Statement keywords that a class body would read as method names: `for (...) { ... }` is not a method. */
const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set(['for', 'while', 'if', 'switch', 'with', 'catch', 'do', 'function']);

function classMemberOf(statement: TSESTree.Statement | undefined): PatternShape | null {
  if (statement?.type !== 'ClassDeclaration' || statement.body.body.length !== 1) return null;
  const member = statement.body.body[0];
  if (member === undefined) return null;
  if (isStatementKeyword(member)) return null;
  // `key: $VALUE` is a typed field to a class body; a pattern means the object property (next wrapping).
  if (member.type === 'PropertyDefinition' && member.value === null && member.typeAnnotation !== undefined) return null;
  return { kind: 'node', root: member };
}

function isStatementKeyword(member: TSESTree.Node): boolean {
  const key = 'key' in member ? member.key : null;
  return key?.type === 'Identifier' && STATEMENT_KEYWORDS.has(key.name);
}

function propertyOf(statement: TSESTree.Statement | undefined): PatternShape | null {
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'ObjectExpression') return null;
  const properties = statement.expression.properties;
  const only = properties.length === 1 ? properties[0] : undefined;
  return only === undefined || isStatementKeyword(only) ? null : { kind: 'node', root: only };
}
