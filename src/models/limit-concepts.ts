/**
 * Row kinds for request body and upload limits (rules/body-and-upload-limits.ts): where a body parser or an
 * upload middleware takes its size limits, what it does when one is left out, and where an upload's storage
 * takes its destination and file name.
 */
interface LimitRowBase {
  readonly path: string;
  readonly argument: number;
  readonly property?: string;
}

/** What a body holds: parsed into memory (`parsed`: JSON, forms, text) or buffered as bytes or files (`bytes`). */
export type BodyKind = 'parsed' | 'bytes';

/** One size option: its dotted name inside the options object, and what the library allows without it (bytes; null: no limit). */
export interface SizeOption {
  readonly option: string;
  readonly body: BodyKind;
  readonly defaultBytes: number | null;
}

/**
 * Reads a request body or upload into memory or disk under size options (`express.json({ limit })`,
 * `multer({ limits: { fileSize } })`, `Fastify({ bodyLimit })`). A `null` default means no limit at all: the
 * call is reported when its options are known and leave that option out.
 */
export interface BodyLimitRow extends LimitRowBase {
  readonly concept: 'body-limit';
  readonly sizes: readonly SizeOption[];
}

/**
 * Stores uploads on disk with functions the code supplies (`multer.diskStorage({ destination, filename })`):
 * each is called with the request and the file and answers through a callback `(error, value)`.
 */
export interface UploadStorageRow extends LimitRowBase {
  readonly concept: 'upload-storage';
  readonly destination: string;
  readonly filename: string;
}

/** Options of a JSON Schema validator (`new Ajv({ allErrors: true })`); `allErrors` makes it collect every error. */
export interface SchemaValidatorOptionsRow extends LimitRowBase {
  readonly concept: 'schema-validator-options';
}

export type LimitRow = BodyLimitRow | UploadStorageRow | SchemaValidatorOptionsRow;
