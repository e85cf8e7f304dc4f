/** The data a modeled digest takes and where its result goes, across the chain or variable that builds it. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { outermostResult } from '../names/password-evidence.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { DigestAlgorithmRow } from '../../models/crypto-concepts.js';
import type { ApiCall } from './concept-queries.js';
import { objectMethodUses } from './object-method-uses.js';

/** Digest objects whose `update` returns the object itself (Node, crypto-js, forge). */
const RETURNS_SELF: ReadonlySet<string> = new Set(['update']);

export interface DigestChain {
  readonly inputs: readonly TSESTree.Node[];
  readonly result: TSESTree.Node;
}

/**
 * The data a digest takes (the call's input argument and every `update(x)`, chained or on the variable holding
 * it) and the expression carrying its result (the outermost use of `digest()`/`finalize()`, else the call).
 */
export function digestChain(digest: ApiCall<DigestAlgorithmRow>, scope: ScopeFacts): DigestChain {
  const inputs: TSESTree.Node[] = [];
  const direct = digest.row.input === undefined ? undefined : digest.call.arguments[digest.row.input];
  if (direct !== undefined && direct.type !== 'SpreadElement') inputs.push(direct);
  const uses = objectMethodUses(digest.call, scope, RETURNS_SELF);
  for (const update of uses.calls.get('update') ?? []) {
    const argument = update.arguments[0];
    if (argument !== undefined && argument.type !== 'SpreadElement') inputs.push(argument);
  }
  const finish = [...(uses.calls.get('digest') ?? []), ...(uses.calls.get('finalize') ?? [])][0];
  return { inputs, result: outermostResult(finish ?? digest.call) };
}

