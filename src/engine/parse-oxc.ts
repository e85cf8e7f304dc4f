/**
 * The fast parser path: oxc-parser (an optional dependency with a native binding) asked for a TS-ESTree AST
 * with ranges, then normalized to what typescript-estree gives, so everything downstream (scope analysis, the
 * walk, every rule) sees one AST shape whichever parser ran.
 *
 * Measured differences on typeorm, outline, NodeGoat, dvna, nodejs-goof and a file of every TS construct (see
 * test/parser-equivalence.test.ts), each handled below:
 * - absent optional children (`typeAnnotation`, `typeArguments`, `returnType`, `accessibility`, ...) are `null`
 *   in oxc and `undefined` in typescript-estree (rules test `!== undefined`);
 * - comments come apart from the program, with `start`/`end` instead of `range`;
 * - `Program.hashbang` exists only in oxc (typescript-estree drops the line), and CommonJS files report
 *   `sourceType: 'commonjs'`;
 * - regex flags are sorted by oxc, kept in source order by typescript-estree;
 * - HTML entities in JSX text and JSX attribute strings are decoded by typescript-estree only.
 * Everything else (node types, ranges, ChainExpression, ImportExpression, TemplateElement values, decorators,
 * TSParameterProperty, PrivateIdentifier, bigint and regex Literals, no ParenthesizedExpression with
 * `preserveParens: false`) is already the same.
 */
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { XHTML_ENTITIES } from './xhtml-entities.js';

/** The part of oxc-parser's API rampart uses (`parseSync(filename, text, options)`, oxc-parser 0.159). */
interface OxcComment {
  readonly type: 'Line' | 'Block';
  readonly value: string;
  readonly start: number;
  readonly end: number;
}
interface OxcError {
  readonly severity: string;
  readonly message: string;
  readonly labels: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}
interface OxcParseResult {
  readonly program: unknown;
  readonly comments: readonly OxcComment[];
  readonly errors: readonly OxcError[];
}
interface OxcParserOptions {
  readonly lang: 'js' | 'jsx' | 'ts' | 'tsx';
  readonly sourceType: 'module' | 'commonjs';
  readonly astType: 'ts';
  readonly range: true;
  readonly preserveParens: false;
}
interface OxcModule {
  readonly parseSync: (filename: string, sourceText: string, options: OxcParserOptions) => OxcParseResult;
}

function isOxcModule(value: unknown): value is OxcModule {
  return typeof value === 'object' && value !== null && typeof (value as { parseSync?: unknown }).parseSync === 'function';
}

let oxcModule: OxcModule | null | undefined;

/** oxc-parser when it is installed with a binding for this platform; null otherwise (the caller falls back). */
export function loadOxc(): OxcModule | null {
  if (oxcModule !== undefined) return oxcModule;
  try {
    // require(), not import(): the engine is synchronous, and oxc-parser's ESM entry has no top-level await.
    const loaded: unknown = createRequire(import.meta.url)('oxc-parser');
    oxcModule = isOxcModule(loaded) ? loaded : null;
  } catch (error: unknown) {
    // Documented fallback: an optional dependency that is absent, or present without a native binding for
    // this platform, means typescript-estree parses every file. Anything else is a bug worth seeing.
    if (!isModuleLoadFailure(error)) throw error;
    oxcModule = null;
  }
  return oxcModule;
}

function isModuleLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // napi-rs loaders throw a plain Error ("Cannot find native binding") when no binding matches the platform.
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_DLOPEN_FAILED' || /native binding/i.test(error.message);
}

export interface OxcSyntaxError {
  readonly message: string;
  /** Offset of the first label, where the parser stopped. */
  readonly offset: number;
}

export type OxcOutcome = { readonly ok: true; readonly ast: TSESTree.Program } | { readonly ok: false; readonly error: OxcSyntaxError };

export interface OxcFileOptions {
  readonly jsx: boolean;
  readonly typescript: boolean;
  readonly sourceType: 'module' | 'script';
}

export function parseWithOxc(oxc: OxcModule, path: string, text: string, file: OxcFileOptions): OxcOutcome {
  const lang = file.typescript ? (file.jsx ? 'tsx' : 'ts') : file.jsx ? 'jsx' : 'js';
  // 'commonjs', not 'script': typescript-estree accepts a top-level `return` in a script, as Node runs CommonJS.
  const sourceType = file.sourceType === 'script' ? 'commonjs' : 'module';
  const result = oxc.parseSync(path, text, { lang, sourceType, astType: 'ts', range: true, preserveParens: false });
  const firstError = result.errors.find((error) => error.severity === 'Error');
  if (firstError !== undefined) {
    return { ok: false, error: { message: firstError.message, offset: firstError.labels[0]?.start ?? 0 } };
  }
  const program = result.program as TSESTree.Program & { hashbang?: unknown; comments?: TSESTree.Comment[] };
  delete program.hashbang;
  (program as { sourceType: string }).sourceType = file.sourceType;
  program.comments = result.comments.map(
    (comment) => ({ type: comment.type, value: comment.value, range: [comment.start, comment.end] }) as TSESTree.Comment,
  );
  normalize(program);
  return { ok: true, ast: program };
}

/** Keys whose absence typescript-estree writes as `undefined` on every node type that has them. */
const ABSENT_AS_UNDEFINED = ['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType', 'superTypeArguments', 'accessibility'] as const;

/** The one node type on which typescript-estree also writes `null` for the key (`asserts x`, `import('m')`). */
const NULL_KEPT: Readonly<Partial<Record<(typeof ABSENT_AS_UNDEFINED)[number], string>>> = {
  typeAnnotation: 'TSTypePredicate',
  typeArguments: 'TSImportType',
};

/** Keys that are `undefined` when absent only on some node types (elsewhere `null` is typescript-estree's value too). */
const ABSENT_AS_UNDEFINED_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  ExpressionStatement: ['directive'],
  TSTypeParameter: ['default', 'constraint'],
  RestElement: ['value'],
  TSDeclareFunction: ['body'],
  TSMappedType: ['readonly'],
  TSEnumMember: ['initializer'],
};

type NodeRecord = Record<string, unknown> & { type: string };

function isNode(value: unknown): value is NodeRecord {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Node types with an `accessibility` key (not a child, so not in the visitor keys). */
const HAS_ACCESSIBILITY = new Set([
  'MethodDefinition', 'TSAbstractMethodDefinition', 'PropertyDefinition', 'TSAbstractPropertyDefinition', 'AccessorProperty',
  'TSAbstractAccessorProperty', 'TSMethodSignature', 'TSPropertySignature', 'TSIndexSignature', 'TSParameterProperty',
]);

interface NodePlan {
  /** Keys to turn from `null` into `undefined` on this node type. */
  readonly absentKeys: readonly string[];
  readonly childKeys: readonly string[];
}

/** Per node type, computed once per process: checking only the keys a type can have keeps the pass cheap. */
const plans = new Map<string, NodePlan>();

function planFor(type: string): NodePlan {
  let plan = plans.get(type);
  if (plan === undefined) {
    const childKeys: readonly string[] = visitorKeys[type as keyof typeof visitorKeys] ?? [];
    const absentKeys = ABSENT_AS_UNDEFINED.filter(
      (key) => NULL_KEPT[key] !== type && (childKeys.includes(key) || (key === 'accessibility' && HAS_ACCESSIBILITY.has(type))),
    ) as string[];
    absentKeys.push(...(ABSENT_AS_UNDEFINED_BY_TYPE[type] ?? []));
    plan = { absentKeys, childKeys };
    plans.set(type, plan);
  }
  return plan;
}

/** One iterative pass (deep nesting cannot overflow the stack) over every node, fixing the differences above. */
function normalize(program: TSESTree.Program): void {
  const stack: NodeRecord[] = [program as unknown as NodeRecord];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const plan = planFor(node.type);
    for (const key of plan.absentKeys) if (node[key] === null) node[key] = undefined;
    if (node.type === 'Literal') fixRegexFlags(node);
    // typescript-estree writes `computed` only on computed enum members (`[key] = 1`).
    else if (node.type === 'TSEnumMember' && node['computed'] === false) node['computed'] = undefined;
    else if (node.type === 'JSXText') node['value'] = decodeEntities(String(node['raw']));
    else if (node.type === 'JSXAttribute') {
      const value = node['value'];
      if (isNode(value) && value.type === 'Literal' && typeof value['value'] === 'string') value['value'] = decodeEntities(value['value']);
    }
    for (const key of plan.childKeys) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const element of child) if (isNode(element)) stack.push(element);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function fixRegexFlags(literal: NodeRecord): void {
  const regex = literal['regex'];
  if (typeof regex !== 'object' || regex === null) return;
  const raw = String(literal['raw']);
  (regex as { flags: string }).flags = raw.slice(raw.lastIndexOf('/') + 1);
}

const ENTITY = /&(?:#\d+|#x[\da-fA-F]+|[0-9a-zA-Z]+);/g;

/** typescript-estree's unescapeStringLiteralText: numeric and XHTML named references, others left as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replaceAll(ENTITY, (entity) => {
    const name = entity.slice(1, -1);
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return codePoint > 0x10ffff ? entity : String.fromCodePoint(codePoint);
    }
    return Object.hasOwn(XHTML_ENTITIES, name) ? String.fromCodePoint(XHTML_ENTITIES[name] ?? 0) : entity;
  });
}
