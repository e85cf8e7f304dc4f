/**
 * Which project functions receive the request when an expression is registered as a handler: the function
 * itself or a reference to one (`ctrl.login`, a class controller's method, another module's export), a bound
 * method (`ctrl.login.bind(ctrl)`), what a handler factory returns (`app.post('/login', login())`), and what a
 * wrapper hands the request to (`asyncHandler(fn)`, nested to any depth up to a bound). A project wrapper counts
 * only when the function it returns passes its own request parameter on to the wrapped function
 * (`(req, res, next) => fn(req, res, next)`); a library wrapper (unknown code) is assumed to.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { moduleOfValue, resolveCallee, resolveFunctionValue } from './callee-resolver.js';
import { exportedValue, importedFile, importedName, isReassigned, singleDefinition } from './module-exports.js';
import type { FunctionTarget } from './taint-types.js';

/** Wrapper calls unwrapped around one handler (`wrap(catchErrors(limit(fn)))`); deeper nesting is not followed. */
const MAX_WRAPPER_DEPTH = 6;

/** The project functions that receive the request in parameter `requestIndex` when `node` is registered. */
export function handlerTargets(file: FileContext, node: TSESTree.Node, requestIndex: number, depth = 0): FunctionTarget[] {
  if (depth > MAX_WRAPPER_DEPTH) return [];
  const value = unwrapExpression(node);
  const direct = resolveFunctionValue(file, value);
  if (direct !== null) return [direct];
  if (value.type === 'Identifier' || value.type === 'MemberExpression') {
    // `const login = asyncHandler(...)`, `exports.login = asyncHandler(...)`: what the name is bound to.
    const held = heldValue(file, value);
    return held === null ? [] : handlerTargets(held.file, held.node, requestIndex, depth + 1);
  }
  if (value.type !== 'CallExpression') return [];
  const callee = unwrapExpression(value.callee);
  // `ctrl.login.bind(ctrl)`: the same function with `this` fixed; bound leading arguments would shift the parameters.
  if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'bind' && value.arguments.length <= 1) {
    return handlerTargets(file, callee.object, requestIndex, depth + 1);
  }
  const wrapper = resolveCallee(file, value);
  if (wrapper !== null) return wrappedHandlers(file, value, wrapper, requestIndex, depth);
  if (file.origins.requiredModule(value) !== null) return [];
  // A library wrapper (`asyncHandler(fn)` from express-async-handler): its function arguments are the handlers.
  const found: FunctionTarget[] = [];
  for (const argument of value.arguments) {
    if (argument.type !== 'SpreadElement') found.push(...handlerTargets(file, argument, requestIndex, depth + 1));
  }
  return found;
}

/**
 * `wrapper(args)` where the wrapper is project code: each function it returns is a handler (a factory), and an
 * argument is one too when that function calls the wrapper's parameter holding it with its own request parameter.
 */
function wrappedHandlers(file: FileContext, call: TSESTree.CallExpression, wrapper: FunctionTarget, requestIndex: number, depth: number): FunctionTarget[] {
  const found: FunctionTarget[] = [];
  for (const returned of wrapper.file.taint.functionFacts(wrapper.fn).returns) {
    // `(fn) => fn`, after logging or checks: the argument itself is registered.
    const parameter = parameterIndex(wrapper, returned);
    const passed = parameter === null ? undefined : call.arguments[parameter];
    if (passed !== undefined && passed.type !== 'SpreadElement') found.push(...handlerTargets(file, passed, requestIndex, depth + 1));
    const handler = resolveFunctionValue(wrapper.file, returned);
    if (handler === null || found.some((known) => known.fn === handler.fn)) continue;
    found.push(handler);
    for (const index of passedThrough(wrapper, handler, requestIndex)) {
      const argument = call.arguments[index];
      if (argument !== undefined && argument.type !== 'SpreadElement') found.push(...handlerTargets(file, argument, requestIndex, depth + 1));
    }
  }
  return found;
}

/** Parameters of `wrapper` that `handler` calls with its own request parameter in the same position. */
function passedThrough(wrapper: FunctionTarget, handler: FunctionTarget, requestIndex: number): number[] {
  const scope = wrapper.file.scope;
  const request = handler.fn.params[requestIndex];
  if (request?.type !== 'Identifier') return [];
  const requestVariable = scope.variableOf(request);
  const indexes: number[] = [];
  for (const inner of handler.file.taint.functionFacts(handler.fn).calls) {
    const callee = unwrapExpression(inner.callee);
    const passed = inner.arguments[requestIndex];
    if (callee.type !== 'Identifier' || passed === undefined || passed.type !== 'Identifier' || scope.variableOf(passed) !== requestVariable) continue;
    const definition = scope.variableOf(callee)?.defs[0];
    if (definition?.type !== 'Parameter' || definition.node !== wrapper.fn) continue;
    const index = wrapper.fn.params.indexOf(definition.name as TSESTree.Parameter);
    if (index >= 0 && !indexes.includes(index)) indexes.push(index);
  }
  return indexes;
}

/** The index of `wrapper`'s parameter that `node` reads, or null. */
function parameterIndex(wrapper: FunctionTarget, node: TSESTree.Node): number | null {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return null;
  const definition = singleDefinition(wrapper.file.scope.variableOf(value));
  if (definition?.type !== 'Parameter' || definition.node !== wrapper.fn) return null;
  const index = wrapper.fn.params.indexOf(definition.name as TSESTree.Parameter);
  return index < 0 ? null : index;
}

/** The expression a constant, an import, an exports member or an object literal's member is bound to. */
function heldValue(file: FileContext, node: TSESTree.Identifier | TSESTree.MemberExpression): { file: FileContext; node: TSESTree.Node } | null {
  if (node.type === 'MemberExpression') {
    const name = staticPropertyName(node);
    const object = unwrapExpression(node.object);
    if (name === null) return null;
    const module = moduleOfValue(file, object);
    if (module !== null) return exportedValue(module, name, 1);
    const owner = object.type === 'Identifier' ? heldValue(file, object) : null;
    const literal = owner === null ? null : unwrapExpression(owner.node);
    const property = literal?.type === 'ObjectExpression' ? findProperty(literal, name) : null;
    return owner === null || property === null ? null : { file: owner.file, node: property.value };
  }
  const variable = file.scope.variableOf(node);
  const definition = singleDefinition(variable);
  if (definition === null || variable === null || isReassigned(variable)) return null;
  if (definition.type === 'ImportBinding') {
    const imported = importedName(definition.node);
    const target = imported === null || imported.name === '*' ? null : importedFile(file, imported.specifier);
    return target === null || imported === null ? null : exportedValue(target, imported.name, 1);
  }
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
    return { file, node: definition.node.init };
  }
  return null;
}
