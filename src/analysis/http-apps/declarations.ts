/**
 * What a name is declared as, following imports into project files: a function, a class, a value (the
 * initializer, so `authRouter` in another file resolves to its `express.Router()` call) or a whole project
 * module. Library imports are not followed here (ApiOrigins answers for those). Exports are read from the AST
 * (ESM and CommonJS); every chase is bounded.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isProjectSpecifier } from '../modules/api-reference.js';
import { findProperty, isFunctionNode, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { resolveFunctionValue } from '../taint/callee-resolver.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { ClassNode, FunctionNode } from './http-types.js';
import { isReassigned } from '../scope/scope-facts.js';

export type Declaration =
  | { readonly kind: 'function'; readonly node: FunctionNode; readonly facts: HttpAppFacts }
  | { readonly kind: 'class'; readonly node: ClassNode; readonly facts: HttpAppFacts }
  | { readonly kind: 'value'; readonly node: TSESTree.Node; readonly facts: HttpAppFacts }
  | { readonly kind: 'module'; readonly facts: HttpAppFacts };

/** Chasing declarations through bindings and files stops here. */
export const MAX_DECLARATION_DEPTH = 12;

export function declarationOf(facts: HttpAppFacts, node: TSESTree.Node, depth = 0): Declaration | null {
  if (depth > MAX_DECLARATION_DEPTH) return null;
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return { kind: 'function', node: expression, facts };
  if (expression.type === 'ClassExpression' || expression.type === 'ClassDeclaration') return { kind: 'class', node: expression, facts };
  if (expression.type === 'Identifier') return identifierDeclaration(facts, expression, depth + 1);
  if (expression.type === 'MemberExpression') {
    const name = staticPropertyName(expression);
    const owner = name === null ? null : declarationOf(facts, expression.object, depth + 1);
    const member = owner === null || name === null ? null : memberDeclaration(owner, name, depth + 1);
    return member ?? projectMethod(facts, expression);
  }
  if (expression.type === 'ImportExpression') {
    const specifier = expression.source.type === 'Literal' && typeof expression.source.value === 'string' ? expression.source.value : null;
    const linked = specifier !== null && isProjectSpecifier(specifier) ? facts.linked(specifier) : null;
    return linked === null ? null : { kind: 'module', facts: linked };
  }
  if (expression.type === 'CallExpression') {
    const module = relativeRequire(facts, expression);
    return module !== null ? module : { kind: 'value', node: expression, facts };
  }
  return { kind: 'value', node: expression, facts };
}

function identifierDeclaration(facts: HttpAppFacts, identifier: TSESTree.Identifier, depth: number): Declaration | null {
  const variable = facts.file.scope.variableOf(identifier);
  if (variable === null || variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  if (definition === undefined) return null;
  switch (definition.type) {
    case 'FunctionName':
      return definition.node.type === 'FunctionDeclaration' ? { kind: 'function', node: definition.node, facts } : null;
    case 'ClassName':
      return definition.node.type === 'ClassDeclaration' ? { kind: 'class', node: definition.node, facts } : null;
    case 'ImportBinding':
      return importDeclaration(facts, definition.node, depth);
    case 'Variable': {
      const declarator = definition.node;
      if (declarator.type !== 'VariableDeclarator' || declarator.init === null) return null;
      if (isReassigned(variable)) return null;
      if (declarator.id === definition.name) return declarationOf(facts, declarator.init, depth);
      const key = destructuredKey(declarator.id, definition.name);
      const module = key === null ? null : declarationOf(facts, declarator.init, depth);
      return module === null || key === null ? null : memberDeclaration(module, key, depth);
    }
    default:
      return null;
  }
}

/**
 * Member `name` of what `owner` declares: an export of a module, or a property of an object literal
 * (`require('./errors').errorHandler` of `module.exports = { errorHandler }`).
 */
function memberDeclaration(owner: Declaration, name: string, depth: number): Declaration | null {
  if (owner.kind === 'module') return exportedDeclaration(owner.facts, name, depth);
  const literal = owner.kind === 'value' ? unwrapExpression(owner.node) : null;
  const property = literal?.type === 'ObjectExpression' ? findProperty(literal, name) : null;
  return property === null ? null : declarationOf(owner.facts, property.value, depth);
}

/** `const { authLimiter } = require('./limits')`: the key naming `target` in a one-level object pattern. */
function destructuredKey(pattern: TSESTree.Node, target: TSESTree.Node): string | null {
  if (pattern.type !== 'ObjectPattern') return null;
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value === target) return staticPropertyName(property);
  }
  return null;
}

function importDeclaration(facts: HttpAppFacts, node: TSESTree.Node, depth: number): Declaration | null {
  const declaration = node.parent;
  if (declaration?.type !== 'ImportDeclaration' || !isProjectSpecifier(declaration.source.value)) return null;
  const linked = facts.linked(declaration.source.value);
  if (linked === null) return null;
  switch (node.type) {
    case 'ImportNamespaceSpecifier':
      return { kind: 'module', facts: linked };
    case 'ImportDefaultSpecifier':
      return exportedDeclaration(linked, 'default', depth);
    case 'ImportSpecifier':
      return exportedDeclaration(linked, node.imported.type === 'Identifier' ? node.imported.name : node.imported.value, depth);
    default:
      return null;
  }
}

function relativeRequire(facts: HttpAppFacts, call: TSESTree.CallExpression): Declaration | null {
  const specifier = facts.file.origins.requiredModule(call);
  if (specifier === null || !isProjectSpecifier(specifier)) return null;
  const linked = facts.linked(specifier);
  if (linked === null) return null;
  const whole = commonJsExport(linked.file.ast, '*');
  // `module.exports = { setupSecurity }` is a module of named exports, read by name (`const { setupSecurity } = require(...)`).
  if (whole === null || unwrapExpression(whole).type === 'ObjectExpression') return { kind: 'module', facts: linked };
  return declarationOf(linked, whole, 1);
}

/** What a project module exports under `name` (`default` for the default export). */
export function exportedDeclaration(facts: HttpAppFacts, name: string, depth: number): Declaration | null {
  if (depth > MAX_DECLARATION_DEPTH) return null;
  const commonJs = commonJsExport(facts.file.ast, name);
  if (commonJs !== null) return declarationOf(facts, commonJs, depth + 1);
  for (const statement of facts.file.ast.body) {
    const found = statementExport(facts, statement, name, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function statementExport(facts: HttpAppFacts, statement: TSESTree.ProgramStatement, name: string, depth: number): Declaration | null {
  if (statement.type === 'ExportDefaultDeclaration') {
    if (name !== 'default') return null;
    const declared = statement.declaration;
    if (declared.type === 'FunctionDeclaration') return { kind: 'function', node: declared, facts };
    if (declared.type === 'ClassDeclaration') return { kind: 'class', node: declared, facts };
    return declarationOf(facts, declared, depth);
  }
  if (statement.type === 'ExportAllDeclaration') {
    if (statement.exported !== null) return null;
    const linked = facts.linked(statement.source.value);
    return linked === null ? null : exportedDeclaration(linked, name, depth);
  }
  if (statement.type !== 'ExportNamedDeclaration') return null;
  const declared = statement.declaration;
  if ((declared?.type === 'FunctionDeclaration' || declared?.type === 'ClassDeclaration') && declared.id?.name === name) {
    return declared.type === 'FunctionDeclaration' ? { kind: 'function', node: declared, facts } : { kind: 'class', node: declared, facts };
  }
  if (declared?.type === 'VariableDeclaration') {
    for (const declarator of declared.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name) return declarationOf(facts, declarator.id, depth);
    }
  }
  for (const specifier of statement.specifiers) {
    const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
    if (exported !== name) continue;
    const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
    if (statement.source !== null) {
      const linked = facts.linked(statement.source.value);
      return linked === null ? null : exportedDeclaration(linked, local, depth);
    }
    return specifier.local.type === 'Identifier' ? declarationOf(facts, specifier.local, depth) : null;
  }
  return null;
}

/**
 * The expression a CommonJS module exports under `name` (`*` or `default` for `module.exports` itself):
 * `module.exports = x`, `module.exports = { name }`, `exports.name = x`, `module.exports.name = x`.
 */
export function commonJsExport(program: TSESTree.Program, name: string): TSESTree.Node | null {
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement') continue;
    const expression = statement.expression;
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || expression.left.type !== 'MemberExpression') continue;
    const target = expression.left;
    const property = staticPropertyName(target);
    if (isModuleExports(target)) {
      if (name === '*' || name === 'default') return expression.right;
      const value = unwrapExpression(expression.right);
      if (value.type === 'ObjectExpression') {
        const found = findProperty(value, name);
        if (found !== null) return found.value;
      }
      continue;
    }
    const object = target.object;
    const onExports = (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && isModuleExports(object));
    if (onExports && property === name) return expression.right;
  }
  return null;
}

export function isModuleExports(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && staticPropertyName(node) === 'exports';
}


/**
 * `sessionHandler.displayWelcomePage` of `new SessionHandler(db)`, `ctrl.login` of an object literal, `this.handle`:
 * a method of a project class, constructor function or object, found as the taint engine finds callees.
 */
function projectMethod(facts: HttpAppFacts, member: TSESTree.MemberExpression): Declaration | null {
  const target = resolveFunctionValue(facts.file, member);
  return target === null ? null : { kind: 'function', node: target.fn, facts: target.file.httpApps };
}
