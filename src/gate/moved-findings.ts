/**
 * Identities for taint findings that moved. Until 0.2, a finding whose sink was in another module was reported
 * at the call carrying request data there, in the source's module; it is now reported at the sink (one
 * finding per sink, with a path per source). A moved finding answers to the fingerprints it had at each of its
 * carriers too, computed exactly as they were then, so baselines written before the move keep matching it.
 */
import { fingerprintFindings } from '../report/fingerprint.js';
import type { Finding, FindingLocation } from '../rules-api/rule-types.js';
import type { FindingIdentity } from './finding-identity.js';

/** Facts of one location in a file, read while its AST was at hand. */
export interface SiteFacts {
  readonly identity: FindingIdentity;
  /** First line of the innermost statement holding the location (suppressions above a statement cover it). */
  readonly statementLine: number | null;
}

export function siteKey(location: FindingLocation): string {
  return `${location.file}\0${location.range[0]}\0${location.range[1]}`;
}

interface EarlierPlace {
  readonly owner: Finding;
  readonly ruleId: string;
  readonly location: FindingLocation;
  readonly identity: FindingIdentity;
}

/**
 * For each finding with carriers, the fingerprints earlier versions gave it: one per carrier, numbered over
 * the findings of that version's order (file, line, column, rule), as `fingerprintFindings` numbers them.
 */
export function earlierFingerprints(
  findings: readonly Finding[],
  sites: ReadonlyMap<string, SiteFacts>,
  repoPath: (file: string) => string,
): ReadonlyMap<Finding, readonly string[]> {
  const places: EarlierPlace[] = [];
  let moved = false;
  for (const finding of findings) {
    const identity = sites.get(siteKey(finding))?.identity ?? { context: '', code: '' };
    const carriers = (finding.flows ?? []).flatMap((flow) => (flow.carrier === undefined ? [] : [flow.carrier]));
    if (carriers.length > 0) moved = true;
    if (carriers.length < (finding.flows?.length ?? 0) || carriers.length === 0) places.push({ owner: finding, ruleId: finding.ruleId, location: finding, identity });
    for (const carrier of carriers) {
      const carrierIdentity = sites.get(siteKey(carrier))?.identity ?? { context: '', code: '' };
      places.push({ owner: finding, ruleId: finding.ruleId, location: carrier, identity: carrierIdentity });
    }
  }
  const aliases = new Map<Finding, string[]>();
  if (!moved) return aliases;
  places.sort(
    (a, b) =>
      compare(a.location.file, b.location.file) ||
      a.location.span.start.line - b.location.span.start.line ||
      a.location.span.start.column - b.location.span.start.column ||
      compare(a.ruleId, b.ruleId),
  );
  const fingerprints = fingerprintFindings(places.map((place) => ({ ruleId: place.ruleId, path: repoPath(place.location.file), ...place.identity })));
  places.forEach((place, index) => {
    const fingerprint = fingerprints[index];
    if (fingerprint === undefined || (place.owner.flows ?? []).every((flow) => flow.carrier === undefined)) return;
    const list = aliases.get(place.owner) ?? [];
    list.push(fingerprint);
    aliases.set(place.owner, list);
  });
  return aliases;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
