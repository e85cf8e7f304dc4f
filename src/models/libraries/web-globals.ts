/**
 * Sinks that are globals rather than imports: `fetch` (Node 18+, https://nodejs.org/api/globals.html#fetch)
 * sends a request to its first argument; `console.*` (https://nodejs.org/api/console.html) writes its
 * arguments as text, one entry a line, to stdout/stderr, where log collectors split entries at newlines. It
 * formats them with util.format (https://nodejs.org/api/console.html#consolelogdata-args): a string goes out as
 * it is, an object literal through util.inspect, which escapes CR/LF.
 */
import type { ConceptKind, PrintfFormat } from '../concepts.js';
import { UTIL_FORMAT } from './node-path.js';

export interface GlobalSinkRow {
  readonly concept: ConceptKind;
  /** The global's name; with `members`, a method of it (`console.log`). */
  readonly global: string;
  readonly members?: readonly string[];
  /** The argument that must not carry request data, or every argument. */
  readonly argument: number | 'all';
  /** The arguments are formatted this way first (console.* formats with util.format): only what it writes raw is a sink. */
  readonly format?: PrintfFormat;
}

export const GLOBAL_API_SINKS: readonly GlobalSinkRow[] = [
  { concept: 'server-request', global: 'fetch', argument: 0 },
  { concept: 'log-write', global: 'console', members: ['log', 'info', 'warn', 'error', 'debug', 'trace'], argument: 'all', format: UTIL_FORMAT },
];
