/**
 * Low-trust inputs of command-line tools: arguments and environment. They are sources only for a rule that
 * asks (`includeLowTrust`) and whose docs say why: on a server the environment is the operator's, not the attacker's.
 */
import type { RequestInputRow } from './request-shape.js';

/** Rows relative to the global `process` (or `node:process`'s default export). */
export const processInputs: readonly RequestInputRow[] = [
  { paths: ['argv'], kind: 'cli-argument' },
  { paths: ['env'], kind: 'environment' },
];

export const PROCESS_MODULES: readonly string[] = ['process', 'node:process'];
