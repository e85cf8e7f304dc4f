/**
 * JSON Schema validators (ajv) and what a JSON schema proves about a value: `type: 'integer'`, `number`,
 * `boolean`, an `enum` or `const`, or a string `format` without quotes or separators (uuid, date, date-time)
 * admit nothing that can carry injection text. `type: 'string'` alone, `format: 'email'` and `uri` do.
 */
import type { LibraryModel } from '../concepts.js';

export const SAFE_JSON_TYPES: readonly string[] = ['integer', 'number', 'boolean', 'null'];
export const SAFE_JSON_FORMATS: readonly string[] = ['uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double'];

export const ajv: LibraryModel = {
  name: 'ajv',
  modules: ['ajv', 'ajv/dist/2019', 'ajv/dist/2020'],
  docs: 'https://ajv.js.org/guide/getting-started.html',
  rows: [
    // `import Ajv from 'ajv'; const ajv = new Ajv()` (the documented form).
    { concept: 'json-schema-validator', path: '().compile', argument: 0 },
    { concept: 'json-schema-validator', path: '().validate', argument: 0, dataArgument: 1 },
  ],
};
