/**
 * What identifies a finding across edits, for fingerprints and baselines: the enclosing named scopes (class,
 * function, method, route handler) and the flagged code itself, with comments and whitespace removed. Line
 * numbers are deliberately absent, so inserting lines above a finding, reformatting it, or adding a
 * `// rampart-ignore` comment on its line keeps its identity; moving it to another function changes it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { SourceText } from '../engine/source-text.js';
import type { Finding } from '../rules-api/rule-types.js';

export interface FindingIdentity {
  /** Enclosing scopes, outermost first, e.g. `class UserService > find` or `app.get('/users')`. */
  readonly context: string;
  /** The flagged code without comments or whitespace. */
  readonly code: string;
}

/** Bounds the walk from the root to the flagged node; real code nests far less deeply. */
const MAX_DEPTH = 2000;
const MAX_NAME = 80;

export function identifyRange(ast: TSESTree.Program, source: SourceText, range: readonly [number, number]): FindingIdentity {
  const path = nodePath(ast, range);
  const names: string[] = [];
  for (const node of path) {
    const name = scopeName(node, source);
    if (name !== null) names.push(name);
  }
  return { context: names.join(' > '), code: normalizedCode(source, range, ast.comments ?? []) };
}

/** The identity of a finding in a file that is not code (a view): its flagged text, without whitespace; no scopes. */
export function identifyExcerpt(finding: Pick<Finding, 'span' | 'excerpt'>): FindingIdentity {
  const { span, excerpt } = finding;
  const lines = excerpt.lines.slice(span.start.line - excerpt.firstLine, span.end.line - excerpt.firstLine + 1);
  if (lines.length === 0) return { context: '', code: '' };
  const last = lines.length - 1;
  const text = lines.map((line, index) => line.slice(index === 0 ? span.start.column : 0, index === last ? span.end.column : undefined)).join('\n');
  return { context: '', code: text.replace(/\s+/g, '') };
}

/** Nodes from the root down to the innermost one that contains `range`. */
function nodePath(ast: TSESTree.Program, range: readonly [number, number]): TSESTree.Node[] {
  const path: TSESTree.Node[] = [ast];
  let current: TSESTree.Node = ast;
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const child = childContaining(current, range);
    if (child === null) break;
    path.push(child);
    current = child;
  }
  return path;
}

function childContaining(node: TSESTree.Node, range: readonly [number, number]): TSESTree.Node | null {
  const record = node as unknown as Record<string, unknown>;
  for (const key of visitorKeys[node.type] ?? []) {
    const value = record[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isNode(child) && child.range[0] <= range[0] && range[1] <= child.range[1]) return child;
    }
  }
  return null;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && Array.isArray((value as { range?: unknown }).range) && typeof (value as { type?: unknown }).type === 'string';
}

function scopeName(node: TSESTree.Node, source: SourceText): string | null {
  switch (node.type) {
    case 'ClassDeclaration':
    case 'ClassExpression':
      return `class ${node.id?.name ?? bindingName(node.parent, source) ?? '(anonymous)'}`;
    case 'TSModuleDeclaration':
      return `namespace ${node.id.type === 'Identifier' ? node.id.name : compact(source.slice(node.id.range))}`;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      // A method's FunctionExpression is named by its MethodDefinition parent, handled below.
      if (node.parent?.type === 'MethodDefinition' || node.parent?.type === 'TSAbstractMethodDefinition') return null;
      return (node.type !== 'ArrowFunctionExpression' ? node.id?.name : undefined) ?? bindingName(node.parent, source) ?? callSiteName(node, source);
    case 'MethodDefinition':
    case 'TSAbstractMethodDefinition':
      return propertyKeyName(node.key, node.computed, source);
    default:
      return null;
  }
}

/** The name a function or class expression is bound to: `const handler = () => ...`, `{ find() {} }`, `exports.run = ...`. */
function bindingName(parent: TSESTree.Node | undefined, source: SourceText): string | null {
  if (parent === undefined) return null;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : null;
    case 'Property':
    case 'PropertyDefinition':
      return propertyKeyName(parent.key, parent.computed, source);
    case 'AssignmentExpression':
      return compact(source.slice(parent.left.range));
    default:
      return null;
  }
}

/** An anonymous callback is named by the call it is passed to: `app.get('/users')`, `router.use()`. */
function callSiteName(node: TSESTree.Node, source: SourceText): string {
  const call = node.parent;
  if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return '(anonymous)';
  const label = call.arguments.find((argument): argument is TSESTree.StringLiteral => argument.type === 'Literal' && typeof argument.value === 'string');
  return `${compact(source.slice(call.callee.range))}(${label !== undefined ? compact(source.slice(label.range)) : ''})`;
}

function propertyKeyName(key: TSESTree.Node, computed: boolean, source: SourceText): string {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal') return String(key.value);
  return `[${compact(source.slice(key.range))}]`;
}

function compact(text: string): string {
  // Only the first MAX_NAME non-space characters are kept, so squeeze a bounded prefix: a callee can be a
  // whole bundled module (an IIFE), and squeezing megabytes per finding made large files take minutes.
  const squeezed = text.slice(0, MAX_NAME * 8).replace(/\s+/g, '');
  return squeezed.length > MAX_NAME ? squeezed.slice(0, MAX_NAME) : squeezed;
}

/** The flagged text with every comment inside it cut out and all whitespace removed (formatting-proof). */
export function normalizedCode(source: SourceText, range: readonly [number, number], comments: readonly TSESTree.Comment[]): string {
  let text = '';
  let cursor = range[0];
  for (const comment of comments) {
    if (comment.range[1] <= cursor || comment.range[0] >= range[1]) continue;
    text += source.text.slice(cursor, Math.max(cursor, comment.range[0]));
    cursor = Math.min(range[1], comment.range[1]);
  }
  text += source.text.slice(cursor, range[1]);
  return text.replace(/\s+/g, '');
}

/** Identity of a comment-located finding (unused-suppression): its enclosing scopes and the comment text itself. */
export function identifyComment(ast: TSESTree.Program, source: SourceText, range: readonly [number, number]): FindingIdentity {
  const scoped = identifyRange(ast, source, range);
  return { context: scoped.context, code: source.slice(range).replace(/\s+/g, '') };
}

/**
 * First line of the innermost statement or declaration holding `range`: a suppression above a statement
 * covers findings anywhere in it, so a multi-line call can be suppressed from the line above it.
 */
export function statementStartLine(ast: TSESTree.Program, source: SourceText, range: readonly [number, number]): number | null {
  const path = nodePath(ast, range);
  for (let index = path.length - 1; index > 0; index -= 1) {
    const node = path[index];
    if (node !== undefined && isStatementLike(node)) return source.positionAt(node.range[0]).line;
  }
  return null;
}

function isStatementLike(node: TSESTree.Node): boolean {
  if (node.type === 'BlockStatement' || node.type === 'StaticBlock') return false;
  return node.type.endsWith('Statement') || node.type === 'VariableDeclaration' || node.type === 'PropertyDefinition' || node.type === 'ExportNamedDeclaration';
}
