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

/**
 * Computes a fast digest (MD5, SHA-1, SHA-2, SHA-3, HMAC) of the argument: right for checksums, ETags and
 * high-entropy tokens, far too cheap for passwords (billions of guesses per second on one GPU).
 */
export interface FastHashRow extends RowBase {
  readonly concept: 'fast-hash';
  readonly argument: number;
}

/** The tunable parameters of password hashing functions, each in its algorithm's own unit. */
export type WorkFactorParameter =
  | 'bcrypt-rounds'
  | 'pbkdf2-iterations'
  | 'pbkdf2-digest'
  | 'scrypt-cost'
  | 'scrypt-block-size'
  | 'scrypt-parallelization'
  | 'argon2-memory-kib'
  | 'argon2-passes';

/** Where a call takes one work-factor parameter: an argument, or a property of an options-object argument. */
export interface WorkFactor {
  readonly parameter: WorkFactorParameter;
  readonly argument: number;
  readonly property?: string;
  /** The library's documented value when the call leaves the parameter out. */
  readonly default?: number;
}

/**
 * Derives a slow, salted hash or key from a password (bcrypt, argon2, PBKDF2, scrypt). `argument` is the
 * password (absent for salt generators such as `genSalt(rounds)`); `workFactors` say where the cost is set.
 */
export interface PasswordHashRow extends RowBase {
  readonly concept: 'password-hash';
  readonly algorithm: 'bcrypt' | 'argon2' | 'pbkdf2' | 'scrypt';
  readonly workFactors: readonly WorkFactor[];
}

export type ApiRow = SqlExecutionRow | SqlEscapeRow | FastHashRow | PasswordHashRow;

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
