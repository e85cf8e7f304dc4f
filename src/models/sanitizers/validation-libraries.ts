/**
 * Validation and formatting libraries whose effect on taint depends on how they are called: class-validator
 * decorators on DTO fields, ajv's compiled schemas (json-schema.ts), pg-format's placeholders.
 */
import { SANITIZER_KINDS, type LibraryModel } from '../concepts.js';

/**
 * class-validator (https://github.com/typestack/class-validator#validation-decorators): under NestJS's
 * ValidationPipe (https://docs.nestjs.com/techniques/validation), a request rejected by a field's decorators
 * never reaches the handler. These decorators admit only numbers, booleans, dates, enum members, uuids and
 * alphanumerics. rampart assumes the pipe is installed when a DTO carries them (it is usually global, in main.ts).
 */
export const classValidator: LibraryModel = {
  name: 'class-validator',
  modules: ['class-validator'],
  docs: 'https://github.com/typestack/class-validator#validation-decorators',
  rows: [
    {
      concept: 'field-validator',
      path: '{IsInt,IsNumber,IsPositive,IsNegative,IsBoolean,IsDate,IsEnum,IsIn,IsUUID,IsMongoId,IsAlphanumeric,IsAlpha,IsNumberString,IsBooleanString,IsDateString,IsISO8601,IsHexadecimal,IsPort,IsLatitude,IsLongitude}',
      kinds: SANITIZER_KINDS,
    },
  ],
};

/** class-validator's functions (`isUUID(value)`) check like its decorators: where one held, the value is safe. */
export const classValidatorFunctions: LibraryModel = {
  name: 'class-validator functions',
  modules: ['class-validator'],
  docs: 'https://github.com/typestack/class-validator#manual-validation',
  rows: [
    {
      concept: 'validator',
      path: '{isInt,isNumber,isPositive,isNegative,isBoolean,isDate,isEnum,isIn,isUUID,isMongoId,isAlphanumeric,isAlpha,isNumberString,isBooleanString,isISO8601,isHexadecimal,isPort}',
      argument: 0,
      kinds: SANITIZER_KINDS,
    },
  ],
};

/** uuid's `validate(s)` (https://github.com/uuidjs/uuid#uuidvalidatestr): hex digits and dashes only. */
export const uuid: LibraryModel = {
  name: 'uuid',
  modules: ['uuid'],
  docs: 'https://github.com/uuidjs/uuid#uuidvalidatestr',
  rows: [{ concept: 'validator', path: 'validate', argument: 0, kinds: SANITIZER_KINDS }],
};

/**
 * pg-format (https://github.com/datalanche/node-pg-format#formatfmt-args): `%L` quotes a literal and `%I` an
 * identifier; `%s` inserts the value as is.
 */
export const pgFormatTemplates: LibraryModel = {
  name: 'pg-format',
  modules: ['pg-format'],
  docs: 'https://github.com/datalanche/node-pg-format#formatfmt-args',
  rows: [
    { concept: 'format-string', path: '', argument: 0, escapes: { L: ['sql'], I: ['sql'] } },
    { concept: 'format-string', path: 'format', argument: 0, escapes: { L: ['sql'], I: ['sql'] } },
  ],
};
