/**
 * Every call of a project function the project shows: in its own file (through the name it is bound to) and,
 * when it is exported, in the files that import its module (through the import or `require` binding, checked
 * by resolving the callee back to the same function). Null when the function escapes: passed as a value,
 * stored, called through `.call`/`.apply`, or re-exported, since its callers can then be anywhere.
 * A class is called through `new` of its name, and its constructor's parameters are what `new` passes.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import { resolveFunctionValue } from '../taint/callee-resolver.js';
import { classOfName } from '../taint/class-resolver.js';
import type { VariableLike } from '../scope/scope-types.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface CallSite {
  readonly file: FileContext;
  readonly call: CallNode;
}

/** Beyond this many importers or calls, a function is a library of the project and its callers are not weighed. */
const MAX_IMPORTERS = 32;
const MAX_CALL_SITES = 64;
/** `mod.a.b(...)`: member chains from an import binding to a call are followed this far. */
const MAX_MEMBER_CHAIN = 3;

interface Callable {
  /** What the callers call: the function, or the class whose constructor it is. */
  readonly value: FunctionNode | ClassNode;
  /** The name it is bound to in its file, or null when it is exported directly (`module.exports = function`). */
  readonly name: TSESTree.Identifier | null;
  readonly exportedDirectly: boolean;
}

interface Collected {
  readonly sites: CallSite[];
  exported: boolean;
}

export function callSitesOf(file: FileContext, fn: FunctionNode): CallSite[] | null {
  const callable = callableOf(fn);
  if (callable === null) return null;
  const collected: Collected = { sites: [], exported: callable.exportedDirectly };
  if (callable.name !== null) {
    const variable = file.scope.variableOf(callable.name);
    if (variable === null || !collectLocalUses(file, variable, collected)) return null;
  }
  if (collected.exported && !collectImporterSites(file, callable.value, collected)) return null;
  return collected.sites.length > MAX_CALL_SITES ? null : collected.sites;
}

function callableOf(fn: FunctionNode): Callable | null {
  const parent = fn.parent;
  if (parent?.type === 'MethodDefinition' && parent.kind === 'constructor') {
    const cls = parent.parent.parent;
    return cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression' ? valueBinding(cls) : null;
  }
  if (fn.type === 'FunctionDeclaration') {
    if (fn.id !== null) return { value: fn, name: fn.id, exportedDirectly: false };
    return parent?.type === 'ExportDefaultDeclaration' ? { value: fn, name: null, exportedDirectly: true } : null;
  }
  return valueBinding(fn);
}

/** How a function or class expression is bound: a declaration's name, a `const` it initialises, or an export slot. */
function valueBinding(value: FunctionNode | ClassNode): Callable | null {
  if (value.type === 'ClassDeclaration' && value.id !== null) return { value, name: value.id, exportedDirectly: false };
  const parent = value.parent;
  if (parent?.type === 'ExportDefaultDeclaration') return { value, name: null, exportedDirectly: true };
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') return { value, name: parent.id, exportedDirectly: false };
  if (parent?.type === 'AssignmentExpression' && parent.right === value && isExportTarget(parent.left)) return { value, name: null, exportedDirectly: true };
  return null;
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isExportTarget(node: TSESTree.Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const object = node.object;
  if (object.type === 'Identifier') return (object.name === 'module' && staticPropertyName(node) === 'exports') || object.name === 'exports';
  return object.type === 'MemberExpression' && object.object.type === 'Identifier' && object.object.name === 'module' && staticPropertyName(object) === 'exports';
}

/** Reads of the function's name in its file; false when one lets it escape. */
function collectLocalUses(file: FileContext, variable: VariableLike, collected: Collected): boolean {
  if (variable.defs.some((definition) => isExportedDeclaration(definition.node))) collected.exported = true;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const use = reference.identifier;
    const parent = use.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === use) collected.sites.push({ file, call: parent });
    else if (isExportPosition(use)) collected.exported = true;
    else if (!isHarmlessUse(use)) return false;
  }
  return true;
}

function isExportedDeclaration(node: TSESTree.Node): boolean {
  // ESLint gives the Program a null parent, our traversal an undefined one.
  let current: TSESTree.Node | null | undefined = node;
  for (let level = 0; level < 3 && current !== undefined && current !== null; level += 1) {
    if (current.type === 'ExportNamedDeclaration' || current.type === 'ExportDefaultDeclaration') return true;
    current = current.parent;
  }
  return false;
}

/** `module.exports = X`, `exports.X = X`, `module.exports = { X }`, `export { X }`, `export default X`. */
function isExportPosition(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'AssignmentExpression') return parent.right === use && isExportTarget(parent.left);
  if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return true;
  if (parent?.type === 'Property' && parent.value === use && parent.parent.type === 'ObjectExpression') {
    const assignment = parent.parent.parent;
    return assignment?.type === 'AssignmentExpression' && assignment.right === parent.parent && isExportTarget(assignment.left);
  }
  return false;
}

/** `this instanceof X` (the guard constructor functions open with), `typeof X`, `X.prototype.m = ...`, `X.staticValue`. */
function isHarmlessUse(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'BinaryExpression') return parent.operator === 'instanceof' && parent.right === use;
  if (parent?.type === 'UnaryExpression') return parent.operator === 'typeof';
  if (parent?.type === 'MemberExpression' && parent.object === use) {
    const name = staticPropertyName(parent);
    return name !== null && name !== 'call' && name !== 'apply' && name !== 'bind';
  }
  return false;
}

/** Calls of the export in every importing file; false when an importer lets it escape or there are too many. */
function collectImporterSites(file: FileContext, value: FunctionNode | ClassNode, collected: Collected): boolean {
  const linker = file.project.linker as ImporterLinker | null;
  if (linker === null || typeof linker.importersOf !== 'function' || typeof linker.fileAt !== 'function') return false;
  const importers = linker.importersOf(file.absolutePath);
  if (importers.length > MAX_IMPORTERS) return false;
  for (const path of importers) {
    const importer = linker.fileAt(path);
    if (importer === null) continue;
    for (const handle of moduleHandles(importer, file.absolutePath, linker)) {
      if (!collectHandleUses(importer, handle, value, collected.sites)) return false;
    }
  }
  return true;
}

interface ImporterLinker {
  resolve(fromFile: string, specifier: string): string | null;
  fileAt(modulePath: string): FileContext | null;
  importersOf(modulePath: string): readonly string[];
}

/** Expressions of `importer` that hold the module at `modulePath` or one of its exports. */
function moduleHandles(importer: FileContext, modulePath: string, linker: ImporterLinker): TSESTree.Node[] {
  const handles: TSESTree.Node[] = [];
  const names = (identifier: TSESTree.Node): void => {
    for (const reference of importer.scope.variableOf(identifier)?.references ?? []) if (reference.isRead()) handles.push(reference.identifier);
  };
  for (const statement of importer.ast.body) {
    if (statement.type === 'ImportDeclaration' && linker.resolve(importer.absolutePath, statement.source.value) === modulePath) {
      for (const specifier of statement.specifiers) names(specifier.local);
    }
  }
  for (const reference of importer.scope.globalReferencesTo('require')) {
    const call = reference.identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
    const specifier = stringLiteralValue(call.arguments[0]);
    if (specifier === null || linker.resolve(importer.absolutePath, specifier) !== modulePath) continue;
    // `const X = require(m)`, `const X = require(m).X`, `const { X } = require(m)`: the uses of the bound names.
    const bound = call.parent?.type === 'MemberExpression' && call.parent.object === call ? call.parent : call;
    const declarator = bound.parent;
    if (declarator?.type === 'VariableDeclarator' && declarator.init === bound) {
      if (declarator.id.type === 'Identifier') {
        names(declarator.id);
      } else if (declarator.id.type === 'ObjectPattern') {
        for (const property of declarator.id.properties) if (property.type === 'Property') names(unwrapPattern(property.value));
      } else {
        handles.push(bound);
      }
    } else {
      handles.push(call);
    }
  }
  return handles;
}

function unwrapPattern(node: TSESTree.Node): TSESTree.Node {
  return node.type === 'AssignmentPattern' ? node.left : node;
}

/**
 * From a handle up its member chain (`dao`, `dao.Dao`): a call or `new` whose callee resolves to `value` is a call
 * site; the value itself used any other way (passed on, stored, re-exported) is an escape.
 */
function collectHandleUses(importer: FileContext, handle: TSESTree.Node, value: FunctionNode | ClassNode, sites: CallSite[]): boolean {
  let expression = handle;
  for (let level = 0; level <= MAX_MEMBER_CHAIN; level += 1) {
    const parent = expression.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === expression) {
      if (resolvesTo(importer, expression, value)) sites.push({ file: importer, call: parent });
      return true;
    }
    if (parent?.type === 'MemberExpression' && parent.object === expression) {
      if (staticPropertyName(parent) === 'prototype') return true;
      expression = parent;
      continue;
    }
    if (parent?.type === 'BinaryExpression' && parent.operator === 'instanceof') return true;
    return !resolvesTo(importer, expression, value);
  }
  return true;
}

function resolvesTo(file: FileContext, expression: TSESTree.Node, value: FunctionNode | ClassNode): boolean {
  const node = unwrapExpression(expression);
  if (resolveFunctionValue(file, node)?.fn === value) return true;
  return classOfName(file, node, 0)?.cls === value;
}
