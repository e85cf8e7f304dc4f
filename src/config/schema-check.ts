/**
 * Validation of data files against the JSON Schemas rampart publishes in `schema/`: the same file editors use
 * for completion is the one the CLI enforces. The first violation becomes one ConfigError at the offending
 * key or value, in words a user can act on ("unknown key 'rule' (allowed: rules, failOn, ...)").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ConfigError } from '../engine/problems.js';
import { packageRoot } from '../engine/package-info.js';
import type { DataPath, PositionedDocument } from './positioned-document.js';

export type PublishedSchema = 'rampart.config.schema.json' | 'rampart.baseline.schema.json';

const compiled = new Map<PublishedSchema, ValidateFunction>();

function validatorFor(name: PublishedSchema): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', name), 'utf8')) as object;
    // verbose: errors carry their parent schema, which lists the allowed keys for "unknown key" messages.
    validate = new Ajv({ allErrors: false, verbose: true, strict: true }).compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** Throws a ConfigError at the first violation of `schema` by `value`, which sits at `basePath` in `document`. */
export function checkAgainstSchema(document: PositionedDocument, name: PublishedSchema, value: unknown, basePath: DataPath = []): void {
  const validate = validatorFor(name);
  if (validate(value)) return;
  const error = validate.errors?.[0];
  if (error === undefined) throw document.errorAt(basePath, `does not match ${name}`);
  throw toConfigError(document, error, basePath);
}

function toConfigError(document: PositionedDocument, error: ErrorObject, basePath: DataPath): ConfigError {
  const path = [...basePath, ...pointerSegments(error.instancePath)];
  const label = describePath(path);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return document.errorAt([...path, error.propertyName], `'${error.propertyName}' is not a valid rule id (kebab-case, without a 'rampart/' prefix)`, 'key');
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((name) => name !== '$schema');
      return document.errorAt([...path, key], `unknown key '${key}' in ${label} (allowed: ${allowed.join(', ')})`, 'key');
    }
    case 'enum':
      return document.errorAt(path, `${label} must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}, not ${JSON.stringify(error.data)}`);
    case 'const':
      return document.errorAt(path, `${label} must be ${JSON.stringify(params['allowedValue'])}, not ${JSON.stringify(error.data)}`);
    case 'type':
      return document.errorAt(path, `${label} must be ${article(String(params['type']))}, not ${describeType(error.data)}`);
    case 'required':
      return document.errorAt(path, `${label} is missing '${String(params['missingProperty'])}'`);
    case 'minLength':
      return document.errorAt(path, `${label} must not be empty`);
    default:
      return document.errorAt(path, `${label} ${error.message ?? 'is invalid'}`);
  }
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function describePath(path: DataPath): string {
  if (path.length === 0) return 'the file';
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}
