/**
 * Concepts are what rules ask about ("does this call execute SQL?"); models say which library APIs are
 * instances of each concept. A row names an API by access path (see access-path.ts) relative to each of its
 * model's modules, and where the interesting value sits: `argument` (0-based) and, when that argument is an
 * options object, `property`.
 */

interface RowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/** Runs SQL text: the argument (or options property) is the query string. Values passed separately are bound. */
export interface SqlExecutionRow extends RowBase {
  readonly concept: 'sql-execution';
  readonly argument: number;
}

/** Returns its argument escaped for SQL (a quoted literal or identifier): `mysql.escape`, `client.escapeLiteral`. */
export interface SqlEscapeRow extends RowBase {
  readonly concept: 'sql-escape';
}

export type ApiRow = SqlExecutionRow | SqlEscapeRow;

export type ConceptKind = ApiRow['concept'];
export type RowOf<K extends ConceptKind> = Extract<ApiRow, { readonly concept: K }>;

/** What a library is, for the docs and messages, and the API rows it contributes. */
export interface LibraryModel {
  /** A short name used in messages: `pg`, `mysql2`. */
  readonly name: string;
  /** Import specifiers that load it; each row's path applies to every one of them. */
  readonly modules: readonly string[];
  /** The documentation the rows were read from. */
  readonly docs: string;
  readonly rows: readonly ApiRow[];
}
