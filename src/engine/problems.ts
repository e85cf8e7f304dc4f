/** Expected failures of a scan are values, not exceptions: every report lists them and the scan goes on. */

/** Why a file was not scanned; every one is named in every report. */
export type SkipReason = 'too-large' | 'binary' | 'unreadable' | 'outside-root' | 'not-a-file';

export type ScanProblem =
  | { readonly kind: 'parse-failed'; readonly file: string; readonly line: number; readonly column: number; readonly message: string }
  | { readonly kind: 'skipped'; readonly file: string; readonly reason: SkipReason; readonly message: string }
  /**
   * A bound stopped part of the work on a file (a time or step budget, a pattern count): what was found
   * before it is kept, and the report says which bound so the user can tell a clean result from a cut one.
   */
  | { readonly kind: 'limit-reached'; readonly file: string; readonly bound: string; readonly message: string }
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

/** What a Node file-system error code means, without the absolute path Node puts in its message. */
const FS_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EAGAIN: 'resource temporarily unavailable',
  EFBIG: 'file too large',
};

/**
 * One line about an error for a report. File-system errors are described by their code, because Node's
 * message embeds the absolute path, and a report must read the same from any working directory.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `${FS_ERRORS[code] ?? 'file-system error'} (${code})`;
    return error.message;
  }
  return String(error);
}
