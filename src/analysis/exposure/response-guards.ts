/**
 * Conditions a response sits under that change what it may show: a development check (`NODE_ENV`,
 * `app.get('env')`, `isDev`) makes details a developer aid, and a test of the error itself (`err instanceof
 * HttpError`, `err.expose`, `err.status < 500`) means the code chose which errors to describe.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { childNodes } from '../node-children.js';
import { isFunctionNode, staticPropertyName, stringLiteralValue } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';

/** Bounds the look into one condition. */
const MAX_TEST_NODES = 60;
/** Names of flags and settings that say which environment runs. */
const ENVIRONMENT_NAME = /^(?:NODE_ENV|env|ENV|environment)$|dev|debug|prod|verbose/i;
const ENVIRONMENT_VALUE = /^(?:development|dev|production|prod|test|local|debug)$/;

/** The conditions `node` runs under inside its function: tests of enclosing ifs, conditionals, `&&` and switches. */
function enclosingTests(node: TSESTree.Node): TSESTree.Node[] {
  const tests: TSESTree.Node[] = [];
  // ESLint gives the Program a null parent.
  for (let child = node, parent: TSESTree.Node | null | undefined = node.parent; parent !== undefined && parent !== null && !isFunctionNode(child); child = parent, parent = parent.parent) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test !== child) tests.push(parent.test);
    if (parent.type === 'LogicalExpression' && parent.right === child) tests.push(parent.left);
    if (parent.type === 'SwitchStatement' && parent.discriminant !== child) tests.push(parent.discriminant);
  }
  return tests;
}

function someNode(root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): boolean {
  const pending = [root];
  for (let seen = 0; pending.length > 0 && seen < MAX_TEST_NODES; seen += 1) {
    const node = pending.pop();
    if (node === undefined) break;
    if (predicate(node)) return true;
    pending.push(...childNodes(node));
  }
  return false;
}

function namesEnvironment(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return ENVIRONMENT_NAME.test(node.name);
  if (node.type === 'MemberExpression') return ENVIRONMENT_NAME.test(staticPropertyName(node) ?? '');
  const text = stringLiteralValue(node);
  return text !== null && ENVIRONMENT_VALUE.test(text);
}

/** True when `node` runs only under a check of the environment (development-only error details). */
export function isEnvironmentGuarded(node: TSESTree.Node): boolean {
  return enclosingTests(node).some((test) => someNode(test, namesEnvironment));
}

/** True when `node` runs under a test of the error `variable` holds (its type, status or `expose` flag). */
export function isErrorClassified(file: FileContext, node: TSESTree.Node, variable: VariableLike): boolean {
  return enclosingTests(node).some((test) => someNode(test, (part) => part.type === 'Identifier' && file.scope.variableOf(part) === variable));
}
