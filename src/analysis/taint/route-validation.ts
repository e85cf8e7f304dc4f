/**
 * Validation that runs before a handler because of how it is registered: Fastify route schemas in the
 * registration's options, and express-validator chains passed ahead of the handler. A request field that every
 * registration of the handler validates as a number, enum or safe format is clean for every sink.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { findProperty, staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import { expressValidator } from '../../models/sanitizers/express-validator.js';
import type { RouteSchemas } from '../../models/sources/request-shape.js';
import { REQUEST_SHAPES } from '../../models/sources/shapes.js';
import type { RequestShapeId } from '../../models/concepts.js';
import type { TaintEvaluator } from './evaluator.js';
import { isJsonSchemaSafeAt, schemaObject } from './json-schemas.js';
import { ALL_KINDS, kindBits } from './origins.js';
import type { Registration } from './route-registrations.js';
import type { FunctionFacts } from './function-facts.js';
import type { FunctionNode } from './taint-types.js';
import type { VariableLike } from '../scope/scope-types.js';

/** Chain methods followed from a starter (`body('a').trim().isInt().toInt()`). */
const MAX_CHAIN_LENGTH = 16;

/** Kinds the request field at `steps` (read from `fn`'s request parameter) is proven safe for by its registrations. */
export function routeValidatedBits(ev: TaintEvaluator, fn: FunctionNode, shape: RequestShapeId, steps: readonly string[]): number {
  const registrations = ev.taint.registrations(fn);
  if (registrations.length === 0) return 0;
  const facts = ev.taint.functionFacts(fn);
  let bits = ALL_KINDS;
  for (const registration of registrations) {
    bits &= isValidatedBy(ev, registration, facts, shape, steps) ? ALL_KINDS : mountedSanitizerBits(ev, registration);
  }
  return bits;
}

/**
 * Kinds cleaned by request-sanitizing middleware (`app.use(mongoSanitize())`) mounted on the registering app or
 * router, in this file, before the registration: middleware mounted later, or on another router, does not run
 * first and counts for nothing.
 */
function mountedSanitizerBits(ev: TaintEvaluator, registration: Registration): number {
  const callee = unwrapExpression(registration.call.callee);
  const receiver = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : null;
  const variable = receiver?.type === 'Identifier' ? ev.file.scope.variableOf(receiver) : null;
  if (variable === null) return 0;
  let bits = 0;
  for (const mount of sanitizerMounts(ev, variable)) {
    if (mount.position >= registration.call.range[0]) break;
    bits |= mount.bits;
  }
  return bits;
}

interface SanitizerMount {
  readonly position: number;
  readonly bits: number;
}

/**
 * The `app.use(<request sanitizer>)` mounts on one app or router variable, in source order, found once per
 * variable: every route of the app asks, and an app with thousands of routes must not rescan its references
 * for each.
 */
const mountsOf = new WeakMap<VariableLike, readonly SanitizerMount[]>();
function sanitizerMounts(ev: TaintEvaluator, variable: VariableLike): readonly SanitizerMount[] {
  const known = mountsOf.get(variable);
  if (known !== undefined) return known;
  const mounts: SanitizerMount[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const mount = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || staticPropertyName(member) !== 'use') continue;
    if (mount?.type !== 'CallExpression' || mount.callee !== member) continue;
    let bits = 0;
    for (const argument of mount.arguments) {
      const sanitizer = ev.file.concepts.valueIs(argument, 'request-sanitizer');
      if (sanitizer !== null) bits |= kindBits(sanitizer.row.kinds);
    }
    if (bits !== 0) mounts.push({ position: mount.range[0], bits });
  }
  mounts.sort((a, b) => a.position - b.position);
  mountsOf.set(variable, mounts);
  return mounts;
}

/** True when `registration` (in `ev`'s file) validates the request field at `steps` before the handler with `facts` runs. */
export function isValidatedBy(ev: TaintEvaluator, registration: Registration, facts: FunctionFacts, shape: RequestShapeId, steps: readonly string[]): boolean {
  const schemas = REQUEST_SHAPES[shape].routeSchemas;
  return (schemas !== undefined && isSchemaValidated(ev, registration, schemas, steps)) || isChainValidated(ev, registration, facts, steps);
}



function isSchemaValidated(ev: TaintEvaluator, registration: Registration, schemas: RouteSchemas, steps: readonly string[]): boolean {
  const [part, ...rest] = steps;
  const keys = part === undefined ? undefined : schemas.parts[part];
  if (keys === undefined) return false;
  for (const options of optionObjects(ev, registration)) {
    const schema = schemaObject(ev, findProperty(options, schemas.option)?.value);
    if (schema === null) continue;
    for (const key of keys) if (isJsonSchemaSafeAt(ev, findProperty(schema, key)?.value, rest)) return true;
  }
  return false;
}

/** The options objects of a registration: object arguments before the handler, or the object holding `{ handler }`. */
function optionObjects(ev: TaintEvaluator, registration: Registration): TSESTree.ObjectExpression[] {
  const { call, argumentIndex, property } = registration;
  if (property !== null) {
    const holder = schemaObject(ev, call.arguments[argumentIndex]);
    return holder === null ? [] : [holder];
  }
  const objects: TSESTree.ObjectExpression[] = [];
  for (const argument of call.arguments.slice(0, argumentIndex)) {
    const object = schemaObject(ev, argument);
    if (object !== null) objects.push(object);
  }
  return objects;
}

function isChainValidated(ev: TaintEvaluator, registration: Registration, facts: FunctionFacts, steps: readonly string[]): boolean {
  if (registration.property !== null) return false;
  // The handler may be in another module: its calls are resolved there, so compare by imported name.
  const readsResult = facts.calls.some((call) => readsValidationResult(call.callee));
  for (const argument of registration.call.arguments.slice(0, registration.argumentIndex)) {
    const chains = unwrapExpression(argument).type === 'ArrayExpression' ? (unwrapExpression(argument) as TSESTree.ArrayExpression).elements : [argument];
    for (const chain of chains) {
      if (chain === null || chain.type === 'SpreadElement') continue;
      const parsed = parseChain(ev, chain);
      if (parsed === null || !parsed.locations.includes(steps[0] ?? '')) continue;
      const field = steps.slice(1, 1 + parsed.field.length);
      if (field.length !== parsed.field.length || field.some((name, index) => name !== parsed.field[index])) continue;
      if (parsed.methods.some((method) => expressValidator.safeSanitizers.includes(method))) return true;
      if (readsResult && parsed.methods.some((method) => expressValidator.safeValidators.includes(method))) return true;
    }
  }
  return false;
}

function readsValidationResult(callee: TSESTree.Node): boolean {
  const value = unwrapExpression(callee);
  const name = value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? staticPropertyName(value) : null;
  return name !== null && expressValidator.resultReaders.includes(name);
}

function isValidatorFunction(ev: TaintEvaluator, callee: TSESTree.Node, names: readonly string[]): boolean {
  const reference = ev.file.origins.referenceOf(callee);
  const name = reference?.steps[0];
  return reference !== null && reference.steps.length === 1 && expressValidator.modules.includes(reference.module) && name !== undefined && names.includes(name);
}

/** `body('user.age').isInt().toInt()` → locations of `body`, field `user.age`, methods. */
function parseChain(ev: TaintEvaluator, chain: TSESTree.Node): { locations: readonly string[]; field: readonly string[]; methods: readonly string[] } | null {
  const methods: string[] = [];
  let node = unwrapExpression(chain);
  for (let length = 0; length < MAX_CHAIN_LENGTH && node.type === 'CallExpression'; length += 1) {
    const callee = unwrapExpression(node.callee);
    const starter = Object.keys(expressValidator.starters).find((name) => isValidatorFunction(ev, callee, [name]));
    if (starter !== undefined) {
      const field = stringLiteralValue(node.arguments[0]);
      return field === null || field.includes('*') ? null : { locations: expressValidator.starters[starter] ?? [], field: field.split('.'), methods };
    }
    if (callee.type !== 'MemberExpression') return null;
    const method = staticPropertyName(callee);
    if (method === null) return null;
    methods.push(method);
    node = unwrapExpression(callee.object);
  }
  return null;
}
