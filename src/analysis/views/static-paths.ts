/**
 * The folder a view setting names, read from the code without running it: a constant string (relative to the
 * project directory, as Express resolves it against the working directory), `__dirname`,
 * `import.meta.dirname`, `process.cwd()`, `path.join`/`path.resolve` of those, `+` and template literals, a
 * `const` holding one, or an array of them. Anything else (a config value, an environment variable) is unknown.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';

const PATH_MODULES = new Set(['path', 'node:path', 'path/posix', 'node:path/posix']);
const MAX_DEPTH = 8;

/** Absolute folders `node` names, or null when any is unknown. `workingDirectory` stands for `process.cwd()`. */
export function staticDirectories(file: FileContext, node: TSESTree.Node, workingDirectory: string): string[] | null {
  const value = unwrapExpression(node);
  if (value.type === 'ArrayExpression') {
    const folders: string[] = [];
    for (const element of value.elements) {
      if (element === null || element.type === 'SpreadElement') return null;
      const folder = staticDirectories(file, element, workingDirectory);
      if (folder === null) return null;
      folders.push(...folder);
    }
    return folders;
  }
  const text = pathText(file, value, workingDirectory, 0);
  return text === null ? null : [isAbsolute(text) ? resolve(text) : resolve(workingDirectory, text)];
}

/** The text of a path expression; absolute when it starts from `__dirname` or the working directory. */
export function pathText(file: FileContext, raw: TSESTree.Node, workingDirectory: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrapExpression(raw);
  const constant = file.values.stringOf(node);
  if (constant !== null) return constant;
  switch (node.type) {
    case 'Identifier': {
      if (node.name === '__dirname' && file.scope.isGlobalReference(node)) return dirname(file.absolutePath);
      if (node.name === '__filename' && file.scope.isGlobalReference(node)) return file.absolutePath;
      const init = constInitializer(file, node);
      return init === null ? null : pathText(file, init, workingDirectory, depth + 1);
    }
    case 'MemberExpression':
      // `import.meta.dirname` (Node 20.11+).
      return node.object.type === 'MetaProperty' && staticPropertyName(node) === 'dirname' ? dirname(file.absolutePath) : null;
    case 'BinaryExpression': {
      if (node.operator !== '+') return null;
      const left = pathText(file, node.left, workingDirectory, depth + 1);
      const right = left === null ? null : pathText(file, node.right, workingDirectory, depth + 1);
      return left === null || right === null ? null : left + right;
    }
    case 'TemplateLiteral': {
      let text = node.quasis[0]?.value.cooked ?? '';
      for (let index = 0; index < node.expressions.length; index += 1) {
        const part = pathText(file, node.expressions[index] as TSESTree.Node, workingDirectory, depth + 1);
        if (part === null) return null;
        text += part + (node.quasis[index + 1]?.value.cooked ?? '');
      }
      return text;
    }
    case 'CallExpression':
      return callPath(file, node, workingDirectory, depth);
    default:
      return null;
  }
}

function callPath(file: FileContext, call: TSESTree.CallExpression, workingDirectory: string, depth: number): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'cwd') {
    const object = unwrapExpression(callee.object);
    if (object.type === 'Identifier' && object.name === 'process' && file.scope.isGlobalReference(object)) return workingDirectory;
  }
  const reference = file.origins.referenceOf(call.callee);
  if (reference === null || !PATH_MODULES.has(reference.module)) return null;
  const method = reference.steps[reference.steps.length - 1];
  if (method !== 'join' && method !== 'resolve') return null;
  const parts: string[] = [];
  for (const argument of call.arguments) {
    if (argument.type === 'SpreadElement') return null;
    const part = pathText(file, argument, workingDirectory, depth + 1);
    if (part === null) return null;
    parts.push(part);
  }
  return method === 'join' ? join(...parts) : resolve(workingDirectory, ...parts);
}

function constInitializer(file: FileContext, identifier: TSESTree.Identifier): TSESTree.Node | null {
  const variable = file.scope.variableOf(identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name) return null;
  if (definition.node.init === null || definition.node.init === undefined) return null;
  if (variable !== null && variable !== undefined && variable.references.filter((reference) => reference.isWrite()).length > 1) return null;
  return definition.node.init;
}
