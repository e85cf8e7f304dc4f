/**
 * Which parameters receive request data, from the source models (models/sources/*): a handler registered on
 * an app or router gets the request object; a typed `req: Request` is one; a NestJS `@Body()` parameter is
 * input itself; Next.js route exports and server actions by convention; GraphQL resolvers' `args`.
 * Handler registration is found from the function's uses: passed to a modeled registration call directly,
 * inside an array, through one wrapper call (`asyncHandler(fn)`), or as an options property (`{ handler }`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { ApiReference } from '../modules/api-reference.js';
import { CALL, isProjectSpecifier, isRelativeSpecifier } from '../modules/api-reference.js';
import { unwrapExpression } from '../node-shapes.js';
import type { RequestInputKind, RequestShapeId } from '../../models/concepts.js';
import { nextExportConventions, SERVER_ACTION_DIRECTIVE, SERVER_ACTION_INPUT } from '../../models/sources/next.js';
import { entryConventionRole, mayFollowProjectConvention } from './entry-conventions.js';
import { isResolverArgument, resolverField } from './graphql-resolvers.js';
import type { FunctionNode } from './taint-types.js';

export type ParameterRole =
  | { readonly role: 'request'; readonly shape: RequestShapeId; readonly recognition: 'registration' | 'type' | 'shape' }
  | { readonly role: 'input'; readonly kind: RequestInputKind; readonly label: string; readonly graphqlField?: string }
  | { readonly role: 'response'; readonly reference: ApiReference };

export function parameterRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  const parameter = fn.params[index];
  if (parameter === undefined) return null;
  return (
    decoratedRole(file, parameter) ??
    annotatedRole(file, parameter) ??
    registeredRole(file, fn, index) ??
    conventionRole(file, fn, index) ??
    entryConventionRole(file, fn, index) ??
    serverActionRole(fn, parameter) ??
    (isResolverArgument(file, fn, index) ? resolverArgumentRole(fn, parameter) : null)
  );
}

function resolverArgumentRole(fn: FunctionNode, parameter: TSESTree.Parameter): ParameterRole {
  const field = resolverField(fn);
  return { role: 'input', kind: 'parameter', label: `${parameterName(parameter)} (GraphQL arguments)`, ...(field !== null ? { graphqlField: field } : {}) };
}

export function parameterName(parameter: TSESTree.Node): string {
  const inner = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type === 'AssignmentPattern' && inner.left.type === 'Identifier') return inner.left.name;
  return '{…}';
}

function decoratedRole(file: FileContext, parameter: TSESTree.Parameter): ParameterRole | null {
  const decorators = parameter.type === 'TSParameterProperty' ? parameter.decorators : 'decorators' in parameter ? parameter.decorators : undefined;
  for (const decorator of decorators ?? []) {
    const expression = unwrapExpression(decorator.expression);
    const callee = expression.type === 'CallExpression' ? expression.callee : expression;
    const match = file.concepts.valueIs(callee, 'request-decorator');
    if (match === null) continue;
    if (match.row.request !== undefined) return { role: 'request', shape: match.row.request, recognition: 'registration' };
    if (match.row.input !== null) return { role: 'input', kind: match.row.input, label: `${file.source.slice(decorator.range)} ${parameterName(parameter)}` };
  }
  return null;
}

function annotatedRole(file: FileContext, parameter: TSESTree.Parameter): ParameterRole | null {
  const inner = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  const name = inner.type === 'AssignmentPattern' ? inner.left : inner;
  if (!('typeAnnotation' in name) || name.typeAnnotation === undefined) return null;
  const variable = name.type === 'Identifier' ? file.scope.variableOf(name) : null;
  const reference = variable !== null ? file.origins.variableReference(variable, 0) : null;
  if (reference === null) return null;
  const match = file.project.conceptIndex.match(reference, 'request-type');
  return match === null ? null : { role: 'request', shape: match.row.request, recognition: 'type' };
}

function registeredRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  for (const { row, module } of file.taint.registrations(fn)) {
    if (row.parameter === index) return { role: 'request', shape: row.request, recognition: 'registration' };
    if (row.response?.parameter === index) return { role: 'response', reference: { module, steps: simplePathSteps(row.response.type) } };
  }
  return null;
}

/** The response type of a parameter that is the request too (Koa's `ctx`, Hono's `c`): a row's `response` on the same parameter. */
export function contextResponseType(file: FileContext, fn: FunctionNode, index: number): ApiReference | null {
  for (const { row, module } of file.taint.registrations(fn)) {
    if (row.parameter === index && row.response?.parameter === index) return { module, steps: simplePathSteps(row.response.type) };
  }
  return null;
}

/** `Response()` → ['Response', '()']: the simple paths (no braces or wildcards) a model uses to name a type. */
export function simplePathSteps(path: string): string[] {
  const steps: string[] = [];
  for (const segment of path.split('.')) {
    const name = segment.endsWith(CALL) ? segment.slice(0, -CALL.length) : segment;
    if (name !== '') steps.push(name);
    if (segment.endsWith(CALL)) steps.push(CALL);
  }
  return steps;
}

function exportedName(fn: FunctionNode): string | null {
  const parent = fn.parent;
  if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  if (fn.type === 'FunctionDeclaration' && parent?.type === 'ExportNamedDeclaration') return fn.id?.name ?? null;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.parent.parent?.type === 'ExportNamedDeclaration') return parent.id.name;
  return null;
}

function conventionRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  const name = exportedName(fn);
  if (name === null) return null;
  for (const convention of nextExportConventions) {
    if (!convention.files.test(file.path) || !convention.exports.includes(name)) continue;
    const parameter = convention.parameters.find((candidate) => candidate.index === index);
    if (parameter?.request !== undefined) return { role: 'request', shape: parameter.request, recognition: 'registration' };
    if (parameter?.input !== undefined) return { role: 'input', kind: parameter.input, label: `${parameterName(fn.params[index] as TSESTree.Node)} (${name} route parameters)` };
  }
  return null;
}

function hasDirective(statements: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of statements) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/** A server action: an exported function of a `'use server'` module, or a function whose body starts with the directive. */
function serverActionRole(fn: FunctionNode, parameter: TSESTree.Parameter): ParameterRole | null {
  const ownDirective = fn.body.type === 'BlockStatement' && hasDirective(fn.body.body, SERVER_ACTION_DIRECTIVE);
  let isAction = ownDirective;
  if (!isAction && exportedName(fn) !== null) {
    let program: TSESTree.Node | undefined = fn;
    while (program !== undefined && program.type !== 'Program') program = program.parent;
    isAction = program?.type === 'Program' && hasDirective(program.body, SERVER_ACTION_DIRECTIVE);
  }
  return isAction ? { role: 'input', kind: SERVER_ACTION_INPUT, label: `${parameterName(parameter)} (server action argument)` } : null;
}

/** True when the file can receive request data at all: it loads a framework with source rows, or follows an entry convention. */
export function maySeeRequestData(file: FileContext): boolean {
  const index = file.project.conceptIndex;
  const wanted = [
    index.modulesFor('request-handler'),
    index.modulesFor('request-type'),
    index.modulesFor('handler-type'),
    index.modulesFor('request-reader'),
    index.modulesFor('request-decorator'),
    index.modulesFor('graphql-resolvers'),
  ];
  for (const module of file.importedModules) if (wanted.some((modules) => modules.has(module))) return true;
  // A config's own sources: in a package it names, or in a project module (any project import may reach one).
  const configured = index.modulesFor('request-input');
  if (configured.size > 0) {
    const projectSources = [...configured].some(isRelativeSpecifier);
    for (const module of file.importedModules) if (configured.has(module) || (projectSources && isProjectSpecifier(module))) return true;
  }
  if (nextExportConventions.some((convention) => convention.files.test(file.path))) return true;
  if (file.source.text.includes(SERVER_ACTION_DIRECTIVE) && containsServerDirective(file.ast)) return true;
  return mayFollowProjectConvention(file);
}

function containsServerDirective(program: TSESTree.Program): boolean {
  if (hasDirective(program.body, SERVER_ACTION_DIRECTIVE)) return true;
  // Function-level directives: only functions at the top of the module or exported are candidates.
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && hasDirective(declaration.body.body, SERVER_ACTION_DIRECTIVE)) return true;
  }
  return false;
}


