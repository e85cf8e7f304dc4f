/**
 * Which node types a pattern can match at (its anchors). A compiled rule listens only on these types, so the
 * engine's dispatcher, which buckets listeners by type, never shows it any other node: `exec($X)` is tried at
 * call expressions only, a statement sequence at blocks only.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PatternShape } from './pattern-parse.js';
import { deepPatternOf, markerOf, modulePathOf } from './pattern-markers.js';

/** Nodes that hold statement lists, where a sequence pattern is tried at every start. */
export const BLOCK_TYPES: readonly string[] = ['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase'];

/** Where a bare `$X` (or `<... P ...>`) may match: every expression. */
export const EXPRESSION_TYPES: readonly string[] = [
  'Identifier', 'ThisExpression', 'Super', 'Literal', 'TemplateLiteral', 'TaggedTemplateExpression', 'MemberExpression', 'CallExpression',
  'NewExpression', 'ImportExpression', 'ArrayExpression', 'ObjectExpression', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression',
  'UnaryExpression', 'UpdateExpression', 'BinaryExpression', 'LogicalExpression', 'ConditionalExpression', 'AssignmentExpression',
  'SequenceExpression', 'AwaitExpression', 'YieldExpression', 'ChainExpression', 'MetaProperty', 'JSXElement', 'JSXFragment',
  'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion',
];

const FUNCTION_TYPES = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'];
const CLASS_TYPES = ['ClassDeclaration', 'ClassExpression'];

export interface PatternAnchors {
  readonly types: ReadonlySet<string>;
  /** A bare metavariable or deep expression: it must also sit where an expression is read (not a declared name). */
  readonly expressionsOnly: boolean;
}

export function anchorsOf(shape: PatternShape): PatternAnchors {
  if (shape.kind === 'sequence') return { types: new Set(BLOCK_TYPES), expressionsOnly: false };
  const root = shape.root;
  if (markerOf(root) !== null || deepPatternOf(root) !== null) return { types: new Set(EXPRESSION_TYPES), expressionsOnly: true };
  return { types: new Set(nodeAnchorTypes(root)), expressionsOnly: false };
}

function nodeAnchorTypes(root: TSESTree.Node): readonly string[] {
  switch (root.type) {
    case 'Identifier':
      return ['Identifier', 'JSXIdentifier'];
    // A module-rooted chain also matches a name imported from that module (`exec` from child_process).
    case 'MemberExpression':
      return modulePathOf(root) !== null ? ['MemberExpression', 'Identifier'] : ['MemberExpression'];
    case 'AssignmentExpression':
      return root.operator === '=' ? ['AssignmentExpression', 'VariableDeclarator'] : ['AssignmentExpression'];
    case 'Literal':
    case 'TemplateLiteral':
      return ['Literal', 'TemplateLiteral'];
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return FUNCTION_TYPES;
    case 'ClassDeclaration':
    case 'ClassExpression':
      return CLASS_TYPES;
    default:
      return [root.type];
  }
}

/** The statements of a block-like node, or null. */
export function statementsOf(node: TSESTree.Node): readonly TSESTree.Statement[] | null {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      return node.body as readonly TSESTree.Statement[];
    case 'SwitchCase':
      return node.consequent;
    default:
      return null;
  }
}

/** Is `node` read as a value here, rather than declared or named (`const x`, `a.x`, `{ x: 1 }`, a type)? */
export function isExpressionPosition(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || parent.computed;
    case 'Property':
      return parent.parent?.type !== 'ObjectPattern' && (parent.value === node || (parent.computed && parent.key === node));
    case 'VariableDeclarator':
      return parent.init === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.body === node;
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.superClass === node;
    case 'PropertyDefinition':
      return parent.value === node;
    case 'AssignmentPattern':
      return parent.right === node;
    case 'MethodDefinition':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'CatchClause':
    case 'RestElement':
    case 'ArrayPattern':
    case 'ObjectPattern':
    case 'JSXAttribute':
      return false;
    default:
      return !parent.type.startsWith('TS') || EXPRESSION_TYPES.includes(parent.type);
  }
}
