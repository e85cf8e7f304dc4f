/**
 * Schema parses (zod, joi, yup; models/sanitizers/schemas.ts): the parsed value is the input, read field by
 * field through the schema. A field whose schema is a number, enum, literal or safe string format is clean
 * for every sink; any other field keeps the input's taint. Schemas are followed through `const` bindings
 * and method chains (`z.object({...}).strict()`, `Joi.object().keys({...})`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { CALL, type ApiReference } from '../modules/api-reference.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { SCHEMA_LIBRARIES, type SchemaLibraryModel } from '../../models/sanitizers/schemas.js';
import type { TaintEvaluator } from './evaluator.js';
import { asText, CLEAN, through } from './origins.js';
import type { Origin } from './taint-types.js';

/** Schema chains followed this deep (methods, bindings, nested fields). */
const MAX_SCHEMA_DEPTH = 12;

function libraryOf(module: string): SchemaLibraryModel | null {
  return SCHEMA_LIBRARIES.find((library) => library.modules.includes(module)) ?? null;
}

/** The value of `schema.parse(input)` read at `path`; null when the call is no modeled schema parse. */
export function schemaParseValue(ev: TaintEvaluator, call: TSESTree.CallExpression, reference: ApiReference, path: readonly string[], depth: number): readonly Origin[] | null {
  const library = libraryOf(reference.module);
  const method = reference.steps[reference.steps.length - 1];
  const parser = library?.parsers.find((candidate) => candidate.method === method);
  const callee = unwrapExpression(call.callee);
  const input = call.arguments[0];
  if (library === undefined || library === null || parser === undefined || callee.type !== 'MemberExpression' || input === undefined || input.type === 'SpreadElement') return null;
  if (parser.result.some((step, index) => path[index] !== undefined && path[index] !== step)) return CLEAN; // `.error`, `.success`
  const fieldPath = path.slice(parser.result.length);
  if (path.length >= parser.result.length && isSafeAt(ev, library, callee.object, fieldPath, 0)) return CLEAN;
  const parsed = ev.valueAt(input, fieldPath, depth);
  // `z.string()` admits no object: the field is text, clean for operator injection (not for quotes).
  const value = path.length >= parser.result.length && isSafeAt(ev, library, callee.object, fieldPath, 0, admitsOnlyText) ? asText(parsed) : parsed;
  return through(value, call, `validated by ${library.name} ${method}(): a schema check, not a sanitizer for this field`, ev.file);
}

function resolveBinding(ev: TaintEvaluator, node: TSESTree.Node): TSESTree.Node {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return value;
  const variable = ev.file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name || definition.node.init === null) return value;
  return unwrapExpression(definition.node.init);
}

interface SchemaChain {
  readonly builder: string;
  readonly builderCall: TSESTree.CallExpression;
  readonly methods: readonly string[];
  readonly shapes: readonly TSESTree.Node[];
}

/** `z.object({...}).strict()` → builder `object`, its call, the methods after it, and shape arguments. */
function peelSchema(ev: TaintEvaluator, library: SchemaLibraryModel, raw: TSESTree.Node, depth: number): SchemaChain | null {
  const methods: string[] = [];
  const shapes: TSESTree.Node[] = [];
  let node = resolveBinding(ev, raw);
  for (let steps = 0; steps < MAX_SCHEMA_DEPTH && depth < MAX_SCHEMA_DEPTH; steps += 1) {
    if (node.type !== 'CallExpression') return null;
    const reference = ev.file.origins.referenceOf(node.callee);
    if (reference !== null && library.modules.includes(reference.module)) {
      const rest = reference.steps.filter((step) => !library.roots.includes(step));
      if (rest.length === 1 && rest[0] !== CALL) return { builder: rest[0] as string, builderCall: node, methods, shapes };
    }
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'MemberExpression') return null;
    const method = staticPropertyName(callee);
    if (method === null) return null;
    methods.unshift(method);
    if (library.shapeMethods.includes(method) && node.arguments[0] !== undefined) shapes.push(node.arguments[0]);
    node = resolveBinding(ev, callee.object);
  }
  return null;
}

/** A schema that admits nothing able to carry injection text: numbers, enums, safe formats. */
function admitsNoText(library: SchemaLibraryModel, chain: SchemaChain): boolean {
  return library.safeBuilders.includes(chain.builder) || chain.methods.some((method) => library.safeRefinements.includes(method));
}

/** A schema that admits only text (or safe values): no object passes it. */
function admitsOnlyText(library: SchemaLibraryModel, chain: SchemaChain): boolean {
  return admitsNoText(library, chain) || (library.textBuilders ?? []).includes(chain.builder);
}

function isSafeAt(ev: TaintEvaluator, library: SchemaLibraryModel, schema: TSESTree.Node, path: readonly string[], depth: number, admits = admitsNoText): boolean {
  const chain = peelSchema(ev, library, schema, depth);
  if (chain === null) return false;
  const [head, ...rest] = path;
  if (head === undefined) return admits(library, chain);
  if (library.arrayBuilders.includes(chain.builder)) {
    const element = chain.builderCall.arguments[0];
    return element !== undefined && /^\d+$|^\*$/.test(head) && isSafeAt(ev, library, element, rest, depth + 1, admits);
  }
  if (!library.objectBuilders.includes(chain.builder)) return false;
  const shapes = [chain.builderCall.arguments[0], ...chain.shapes];
  for (const shape of shapes.reverse()) {
    const object = shape === undefined ? null : resolveBinding(ev, shape);
    if (object?.type !== 'ObjectExpression') continue;
    const field = findProperty(object, head);
    if (field !== null) return isSafeAt(ev, library, field.value, rest, depth + 1, admits);
  }
  return false;
}
