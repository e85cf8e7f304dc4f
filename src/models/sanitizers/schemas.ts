/**
 * Schema validators as data. A schema parse returns its input (CodeQL's zod model: Argument[0] to
 * ReturnValue): a string that passed `z.string()` still holds its quotes, so parsing cleans a value only
 * where the schema admits nothing that can carry injection text: numbers, booleans, dates, enums and literal
 * allow-lists, and strings refined to a format without quotes, separators or metacharacters (uuid, cuid,
 * ulid). Object and array schemas are read field by field: `parse(body).age` is clean under `age: z.number()`
 * while `parse(body).name` under `name: z.string()` is not.
 */
export interface SchemaParser {
  readonly method: string;
  /** Where the parsed value sits in the result: `[]` (the result), `['data']` (zod safeParse), `['value']` (joi validate). */
  readonly result: readonly string[];
}

export interface SchemaLibraryModel {
  readonly name: string;
  readonly modules: readonly string[];
  readonly docs: string;
  /** Leading reference steps that only reach the builders (`z` in `z.string()`, `coerce` in `z.coerce.number()`). */
  readonly roots: readonly string[];
  /** Builders whose values cannot carry text. */
  readonly safeBuilders: readonly string[];
  /** Builders whose values are always text (no object passes them): clean for the kinds only an object trips. */
  readonly textBuilders?: readonly string[];
  /** Methods on a schema that restrict it to a safe format or a fixed set of values. */
  readonly safeRefinements: readonly string[];
  /** Builders of object schemas; the first argument, when an object literal, is the shape. */
  readonly objectBuilders: readonly string[];
  /** Methods adding fields to an object schema from their first argument. */
  readonly shapeMethods: readonly string[];
  /** Builders of array schemas; the first argument is the element schema. */
  readonly arrayBuilders: readonly string[];
  readonly parsers: readonly SchemaParser[];
}

const SAFE_STRING_FORMATS = ['uuid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'guid', 'hex', 'base64url', 'alphanum', 'isoDate', 'ipv4', 'ip'];

export const zod: SchemaLibraryModel = {
  name: 'zod',
  modules: ['zod', 'zod/v4', 'zod/v3', 'zod/mini'],
  docs: 'https://zod.dev/api',
  roots: ['z', 'coerce'],
  safeBuilders: ['number', 'bigint', 'boolean', 'date', 'enum', 'nativeEnum', 'literal', 'nan', 'int', 'uuid', 'cuid', 'cuid2', 'ulid', 'stringbool'],
  textBuilders: ['string', 'email', 'url'],
  safeRefinements: [...SAFE_STRING_FORMATS, 'int'],
  objectBuilders: ['object', 'strictObject', 'looseObject'],
  shapeMethods: ['extend', 'merge', 'safeExtend'],
  arrayBuilders: ['array'],
  parsers: [
    { method: 'parse', result: [] },
    { method: 'parseAsync', result: [] },
    { method: 'safeParse', result: ['data'] },
    { method: 'safeParseAsync', result: ['data'] },
    { method: 'spa', result: ['data'] },
  ],
};

export const joi: SchemaLibraryModel = {
  name: 'joi',
  modules: ['joi', '@hapi/joi'],
  docs: 'https://joi.dev/api/',
  roots: ['Joi'],
  safeBuilders: ['number', 'boolean', 'date'],
  textBuilders: ['string'],
  safeRefinements: [...SAFE_STRING_FORMATS, 'valid', 'equal', 'integer', 'port'],
  objectBuilders: ['object'],
  shapeMethods: ['keys', 'append'],
  arrayBuilders: ['array'],
  parsers: [
    { method: 'validate', result: ['value'] },
    { method: 'validateAsync', result: [] },
    { method: 'attempt', result: [] },
  ],
};

export const yup: SchemaLibraryModel = {
  name: 'yup',
  modules: ['yup'],
  docs: 'https://github.com/jquense/yup#api',
  roots: ['yup'],
  safeBuilders: ['number', 'boolean', 'date', 'bool'],
  textBuilders: ['string'],
  safeRefinements: ['uuid', 'oneOf', 'integer'],
  objectBuilders: ['object'],
  shapeMethods: ['shape', 'concat'],
  arrayBuilders: ['array'],
  parsers: [
    { method: 'validate', result: [] },
    { method: 'validateSync', result: [] },
    { method: 'cast', result: [] },
  ],
};

export const SCHEMA_LIBRARIES: readonly SchemaLibraryModel[] = [zod, joi, yup];
