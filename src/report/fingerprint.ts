/**
 * Stable identities for findings: GitHub's alert tracking (SARIF `partialFingerprints["rampartFingerprint/v1"]`) and
 * rampart baselines both key on them. A fingerprint hashes the rule, the file (relative to the repository
 * root), the enclosing named scopes and the flagged code with comments and whitespace removed, plus an
 * occurrence counter for identical code in the same scope. Line numbers are not part of it, so inserting
 * lines above a finding, reformatting it, or adding a suppression comment on its own line (which made a peer
 * tool's line hash change and its alert come back as new) leaves the fingerprint unchanged.
 */
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  readonly ruleId: string;
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  /** Enclosing scopes, e.g. `class UserService > find`. */
  readonly context: string;
  /** Flagged code without comments or whitespace. */
  readonly code: string;
}

/** Bumped when the inputs change meaning, so old baselines are recognised as such rather than silently mismatched. */
export const FINGERPRINT_VERSION = 'v1';

/** Fingerprints in the order of `inputs`, each `<32 hex>:<occurrence>`; occurrences count in input order. */
export function fingerprintFindings(inputs: readonly FingerprintInput[]): string[] {
  const occurrences = new Map<string, number>();
  return inputs.map((input) => {
    const key = createHash('sha256')
      .update([FINGERPRINT_VERSION, input.ruleId, input.path, input.context, input.code].join('\0'))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return `${key}:${occurrence}`;
  });
}
