/**
 * Is the app served? A call that serves what it is given (`http.createServer(app)`, `serve({ fetch: app.fetch })`,
 * `Bun.serve`), or a default export of the app's request handler (`export default { fetch: app.fetch }`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { GLOBAL_SERVE_APIS } from '../../models/libraries/node-http-serve.js';
import { isModuleExports } from './declarations.js';
import type { HttpAppFacts } from './http-app-facts.js';
import { climbTransparent, memberChain } from './syntax.js';

export function isServeCall(call: TSESTree.CallExpression | TSESTree.NewExpression, facts: HttpAppFacts): boolean {
  if (facts.file.concepts.callTo(call, 'http-serve') !== null) return true;
  const chain = memberChain(call.callee);
  if (chain === null || !facts.file.scope.isGlobalReference(chain.root)) return false;
  return GLOBAL_SERVE_APIS.includes([chain.root.name, ...chain.members].join('.'));
}

/** `http.createServer(app.callback())`, `serve({ fetch: app.fetch })`, `export default { fetch: app.fetch }`. */
export function servesFrom(node: TSESTree.Node, facts: HttpAppFacts): boolean {
  let current = climbTransparent(node);
  for (let steps = 0; steps < 4; steps += 1) {
    const parent = current.parent;
    if (parent === undefined) return false;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee !== current) return isServeCall(parent, facts);
    if (parent.type === 'ExportDefaultDeclaration') return true;
    if (parent.type === 'AssignmentExpression') return parent.right === current && isModuleExports(parent.left);
    if (parent.type === 'Property' && parent.value === current && parent.parent.type === 'ObjectExpression') {
      current = climbTransparent(parent.parent);
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === current && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      // `app.fetch.bind(app)`
      current = climbTransparent(parent.parent);
      continue;
    }
    return false;
  }
  return false;
}
