/** Expected failures of a scan are values, not exceptions: every report lists them and the scan goes on. */

export type ScanProblem =
  | { readonly kind: 'parse-failed'; readonly file: string; readonly line: number; readonly column: number; readonly message: string }
  | { readonly kind: 'skipped'; readonly file: string; readonly reason: 'too-large' | 'binary' | 'unreadable' | 'outside-root'; readonly message: string }
  | { readonly kind: 'internal-error'; readonly file: string; readonly ruleId: string; readonly line: number; readonly message: string };

export type Result<T, E = ScanProblem> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** A configuration or rule file the user must fix; the CLI prints it as `file:line:column: problem` and exits 2. */
export class ConfigError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly problem: string;

  constructor(file: string, line: number, column: number, problem: string) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.name = 'ConfigError';
  }
}

/** A command-line mistake; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
