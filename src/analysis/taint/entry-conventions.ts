/**
 * Entry points a framework calls because of where a function is exported from, in projects whose own
 * package.json names the framework (models/sources/lambda.ts, file-routers.ts, h3.ts): an exported Lambda
 * `handler(event, context)`, SvelteKit, Remix and Astro route exports, Nitro's `export default
 * defineEventHandler(...)`; and functions held by a variable typed as a handler (`const handler: SQSHandler`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { fileRouterConventions } from '../../models/sources/file-routers.js';
import { NITRO_AUTO_IMPORT_MODULE, nitroConvention } from '../../models/sources/h3.js';
import type { ApiReference } from '../modules/api-reference.js';
import { LAMBDA_PARAMETER_NAMES, LAMBDA_PROJECT_SIGNALS } from '../../models/sources/lambda.js';
import type { ExportConvention } from '../../models/sources/next.js';
import { isTestPath } from '../files/test-paths.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { exportedValueNames } from './exported-values.js';
import type { ParameterRole } from './request-sources.js';
import type { FunctionNode } from './taint-types.js';

const PROJECT_CONVENTIONS: readonly ExportConvention[] = [...fileRouterConventions, nitroConvention];

function namesAny(file: FileContext, packages: readonly string[]): boolean {
  const dependencies = file.project.manifests.dependenciesOf(file.absolutePath);
  return packages.some((name) => dependencies.has(name));
}

/** A Lambda project: its package.json names Lambda tooling, or a deployment descriptor above the file declares functions. */
function isLambdaProject(file: FileContext): boolean {
  return namesAny(file, LAMBDA_PROJECT_SIGNALS) || file.project.manifests.deploysLambdas(file.absolutePath);
}

/** The role of parameter `index` of `fn` under a project convention, a handler type, or null. */
export function entryConventionRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  return handlerTypeRole(file, fn, index) ?? projectConventionRole(file, fn, index) ?? lambdaRole(file, fn, index);
}

/** `export const handler: APIGatewayProxyHandler = async (event) => ...`: the variable's type says what `fn` receives. */
function handlerTypeRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  const declarator = fn.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== fn || declarator.id.type !== 'Identifier' || declarator.id.typeAnnotation === undefined) return null;
  const variable = file.scope.variableOf(declarator.id);
  const reference = variable === null ? null : file.origins.variableReference(variable, 0);
  const match = reference === null ? null : file.project.conceptIndex.match(reference, 'handler-type');
  return match === null || match.row.parameter !== index ? null : { role: 'request', shape: match.row.request, recognition: 'type' };
}

function projectConventionRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  for (const convention of PROJECT_CONVENTIONS) {
    if (!convention.files.test(file.path)) continue;
    const parameter = convention.parameters.find((candidate) => candidate.index === index);
    if (parameter?.request === undefined || !isConventionExport(file, fn, convention)) continue;
    if (convention.requires !== undefined && !namesAny(file, convention.requires)) continue;
    return { role: 'request', shape: parameter.request, recognition: 'registration' };
  }
  return null;
}

function isConventionExport(file: FileContext, fn: FunctionNode, convention: ExportConvention): boolean {
  const wrappers = convention.wrappers ?? [];
  // `export default defineEventHandler(fn)`: the definer is an auto-imported global here (imported, it is a registration).
  const call = fn.parent;
  const wrapped = call?.type === 'CallExpression' && call.arguments[0] === fn && isGlobalCall(file, call, wrappers) ? call : null;
  if (wrappers.length > 0) return wrapped !== null && exportedValueNames(file, wrapped).some((name) => convention.exports.includes(name));
  if (exportedValueNames(file, fn).some((name) => convention.exports.includes(name))) return true;
  // `export const actions = { default: async (event) => ... }`
  const property = fn.parent;
  const object = property?.type === 'Property' && property.value === fn ? property.parent : null;
  return object?.type === 'ObjectExpression' && exportedValueNames(file, object).some((name) => (convention.memberExports ?? []).includes(name));
}

function isGlobalCall(file: FileContext, call: TSESTree.CallExpression, names: readonly string[]): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'Identifier' && names.includes(callee.name) && file.scope.isGlobalReference(callee);
}

/** An exported `(event[, context[, callback]])`, untyped, in a Lambda project: the invocation event. */
function lambdaRole(file: FileContext, fn: FunctionNode, index: number): ParameterRole | null {
  if (index !== 0 || !hasLambdaParameters(fn) || isTestPath(file.path) || !isLambdaProject(file)) return null;
  return isExportedThroughWrappers(file, fn) ? { role: 'request', shape: 'lambda-event', recognition: 'registration' } : null;
}

function hasLambdaParameters(fn: FunctionNode): boolean {
  if (fn.params.length === 0 || fn.params.length > LAMBDA_PARAMETER_NAMES.length) return false;
  return fn.params.every((parameter, position) => parameter.type === 'Identifier' && parameter.typeAnnotation === undefined && (LAMBDA_PARAMETER_NAMES[position] ?? []).includes(parameter.name));
}

/** Wrapper calls climbed from a handler to its export (`middy(fn).use(parser())`). */
const MAX_WRAPPERS = 4;

/** `exports.handler = fn`, `export const handler = middy(fn).use(...)`: exported itself or inside wrapper calls. */
function isExportedThroughWrappers(file: FileContext, fn: FunctionNode): boolean {
  for (const use of functionUses(file, fn)) {
    let value: TSESTree.Node = use;
    for (let level = 0; level <= MAX_WRAPPERS; level += 1) {
      if (exportedValueNames(file, value).length > 0) return true;
      const outer = wrappingCall(value);
      if (outer === null) break;
      value = outer;
    }
  }
  return false;
}

function wrappingCall(value: TSESTree.Node): TSESTree.Node | null {
  const parent = value.parent;
  if (parent?.type !== 'CallExpression' || !(parent.arguments as readonly TSESTree.Node[]).includes(value)) return null;
  // Climb a builder chain on the wrapper's result: `middy(fn).use(a).use(b)`.
  let outer: TSESTree.Node = parent;
  while (outer.parent?.type === 'MemberExpression' && outer.parent.object === outer && outer.parent.parent?.type === 'CallExpression' && staticPropertyName(outer.parent) !== null) {
    outer = outer.parent.parent;
  }
  return outer;
}

/** The function itself and every read of the name it is declared or assigned under. */
function functionUses(file: FileContext, fn: FunctionNode): TSESTree.Node[] {
  const uses: TSESTree.Node[] = [fn];
  const name = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent.id : null;
  if (name?.type === 'Identifier') {
    for (const reference of file.scope.variableOf(name)?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
  }
  return uses;
}

/** True when a project convention could apply to this file: the cheap prefilter of `maySeeRequestData`. */
export function mayFollowProjectConvention(file: FileContext): boolean {
  if (PROJECT_CONVENTIONS.some((convention) => convention.files.test(file.path) && (convention.requires === undefined || namesAny(file, convention.requires)))) return true;
  return /\b(event|evt)\b/.test(file.source.text) && !isTestPath(file.path) && isLambdaProject(file);
}

/** `getQuery(event)` in a Nitro server file, where Nuxt and Nitro auto-import h3: the global is h3's export. */
export function autoImportedReference(file: FileContext, callee: TSESTree.Node): ApiReference | null {
  const name = unwrapExpression(callee);
  if (name.type !== 'Identifier' || !nitroConvention.files.test(file.path) || !file.scope.isGlobalReference(name)) return null;
  return nitroConvention.requires !== undefined && namesAny(file, nitroConvention.requires) ? { module: NITRO_AUTO_IMPORT_MODULE, steps: [name.name] } : null;
}
