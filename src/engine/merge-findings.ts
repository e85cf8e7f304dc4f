/**
 * One result per sink, as CodeQL and Semgrep report taint: the findings of one rule and message at one location
 * (two routes or two sources reaching one sink, found while scanning different files) become one finding that
 * lists every distinct path, ordered by where the path starts. The message is the first path's.
 */
import type { Finding, FindingFlow, FindingLocation } from '../rules-api/rule-types.js';

export function mergeFindingsAtSameSink(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const merged: Finding[] = [];
  for (const finding of findings) {
    if (finding.flows === undefined) {
      merged.push(finding);
      continue;
    }
    const key = [finding.ruleId, finding.messageId ?? '', finding.file, finding.range[0], finding.range[1]].join('\0');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  for (const group of groups.values()) merged.push(group.length === 1 ? (group[0] as Finding) : mergeGroup(group));
  return merged;
}

function mergeGroup(group: readonly Finding[]): Finding {
  const byKey = new Map<string, { flow: FindingFlow; finding: Finding }>();
  for (const finding of group) {
    for (const flow of finding.flows ?? []) {
      const key = flowKey(flow);
      if (!byKey.has(key)) byKey.set(key, { flow, finding });
    }
  }
  const ordered = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  const first = ordered[0]?.finding ?? (group[0] as Finding);
  return { ...first, flows: ordered.map((entry) => entry.flow) };
}

/** Where a path starts and where it leaves the source's module: two paths differing in neither are one. */
function flowKey(flow: FindingFlow): string {
  const source = flow.steps[0];
  return `${source === undefined ? '' : locationKey(source)}\0${flow.carrier === undefined ? '' : locationKey(flow.carrier)}`;
}

function locationKey(location: FindingLocation): string {
  // Zero-padded so that string order is file, then position.
  return `${location.file}\0${String(location.range[0]).padStart(10, '0')}\0${String(location.range[1]).padStart(10, '0')}`;
}
