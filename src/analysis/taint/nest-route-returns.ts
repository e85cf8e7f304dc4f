/**
 * What a NestJS route method's `return` sends (models/frameworks/nestjs.ts `routeReturns`): Nest writes the
 * returned value itself, so a return is a sink of its own. Under `@Redirect()` the returned `{ url }` is the
 * redirect target; otherwise, on the Express platform, a returned string is sent as `res.send` sends it, as
 * HTML. A returned object becomes JSON (no HTML), so only a value known to be text counts: a method declared
 * to return `string` or `Promise<string>`, or a template or concatenation returned in place.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { NEST_STRUCTURE } from '../../models/frameworks/nestjs.js';
import { unwrapExpression } from '../node-shapes.js';
import { enclosingFunction } from './function-facts.js';
import { classifyContentType } from './html-responses.js';

export interface NestRouteReturn {
  readonly kind: 'redirect' | 'html';
  /** The returned expression; for a redirect, read at `path`. */
  readonly value: TSESTree.Expression;
  readonly path: readonly string[];
  readonly api: string;
}

const RETURNS = NEST_STRUCTURE.routeReturns;

/** The sink a `return` in a Nest route method is, or null (not a route method, or nothing Nest renders as HTML or follows). */
export function nestRouteReturn(file: FileContext, statement: TSESTree.ReturnStatement): NestRouteReturn | null {
  const value = statement.argument;
  if (value === null) return null;
  const fn = enclosingFunction(statement);
  const method = fn?.parent;
  if (fn?.type !== 'FunctionExpression' || method?.type !== 'MethodDefinition' || method.value !== fn || method.static) return null;
  const decorators = nestDecorators(file, method.decorators);
  if (!decorators.some((decorator) => Object.hasOwn(NEST_STRUCTURE.routeDecorators, decorator.name))) return null;
  if (decorators.some((decorator) => decorator.name === RETURNS.redirectDecorator)) {
    return { kind: 'redirect', value, path: [RETURNS.redirectProperty], api: '@Redirect() route' };
  }
  if (decorators.some((decorator) => decorator.name === RETURNS.renderDecorator) || takesResponse(file, fn)) return null;
  const declared = declaredType(file, decorators);
  if (!returnsText(fn, value) || declared === 'other' || (declared === 'none' && onPlainTextPlatform(file))) return null;
  return { kind: 'html', value, path: [], api: 'a NestJS route returning a string (sent as text/html)' };
}

interface NestDecorator {
  readonly name: string;
  readonly call: TSESTree.CallExpression;
}

/** The `@nestjs/common` decorators among `decorators`, by their exported names. */
function nestDecorators(file: FileContext, decorators: readonly TSESTree.Decorator[] | undefined): NestDecorator[] {
  const found: NestDecorator[] = [];
  for (const decorator of decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== 'CallExpression') continue;
    const reference = file.origins.referenceOf(call.callee);
    const name = reference?.module === NEST_STRUCTURE.decoratorModule && reference.steps.length === 1 ? reference.steps[0] : undefined;
    if (name !== undefined) found.push({ name, call });
  }
  return found;
}

/** A parameter decorated `@Res()`/`@Response()`/`@Next()`: the method answers on the response, Nest sends no return value. */
function takesResponse(file: FileContext, fn: TSESTree.FunctionExpression): boolean {
  return fn.params.some((parameter) => {
    const decorators = parameter.type === 'TSParameterProperty' ? parameter.decorators : parameter.decorators;
    return nestDecorators(file, decorators).some((decorator) => RETURNS.responseParameterDecorators.includes(decorator.name));
  });
}

/** `@Header('Content-Type', 'text/plain')`: the type Nest sends the body with; 'none' when no constant one is declared. */
function declaredType(file: FileContext, decorators: readonly NestDecorator[]): 'none' | 'html' | 'other' {
  let declared: 'none' | 'html' | 'other' = 'none';
  for (const decorator of decorators) {
    if (decorator.name !== RETURNS.headerDecorator) continue;
    const [name, value] = decorator.call.arguments;
    if (name === undefined || value === undefined || file.values.stringOf(name)?.toLowerCase() !== 'content-type') continue;
    const type = file.values.stringOf(value);
    // A type that does not fold is not known to be HTML: quiet, as for `res.type(x)`.
    declared = type === null ? 'other' : classifyContentType(type);
  }
  return declared;
}

function returnsText(fn: TSESTree.FunctionExpression, value: TSESTree.Expression): boolean {
  const returned = unwrapExpression(value);
  if (returned.type === 'TemplateLiteral' || (returned.type === 'BinaryExpression' && returned.operator === '+')) return true;
  const annotation = fn.returnType?.typeAnnotation;
  if (annotation === undefined) return false;
  if (annotation.type === 'TSStringKeyword') return true;
  if (annotation.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' || annotation.typeName.name !== 'Promise') return false;
  return annotation.typeArguments?.params.length === 1 && annotation.typeArguments.params[0]?.type === 'TSStringKeyword';
}

/** Nest on Fastify sends a string as text/plain. */
function onPlainTextPlatform(file: FileContext): boolean {
  const dependencies = file.project.manifests.dependenciesOf(file.absolutePath);
  return RETURNS.plainTextPlatforms.some((platform) => dependencies.has(platform));
}
