/**
 * One result per sink, as CodeQL and Semgrep report taint: the findings of one rule and message at one location
 * (two routes or two sources reaching one sink or view output, found while scanning different files) become one finding that
 * lists every distinct path: the one its message names first, the others ordered by where they start.
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
  // The message names its finding's first path: the finding whose first path starts first leads, with that path.
  const leadKey = (finding: Finding): string => (finding.flows?.[0] === undefined ? '' : flowKey(finding.flows[0]));
  const first = [...group].sort((a, b) => compareText(leadKey(a), leadKey(b)))[0] as Finding;
  const byKey = new Map<string, FindingFlow>();
  for (const finding of group) {
    for (const flow of finding.flows ?? []) {
      const key = flowKey(flow);
      if (!byKey.has(key)) byKey.set(key, flow);
    }
  }
  const lead = leadKey(first);
  const rest = [...byKey.entries()].filter(([key]) => key !== lead).sort(([a], [b]) => compareText(a, b)).map(([, flow]) => flow);
  const head = byKey.get(lead);
  return { ...first, flows: head === undefined ? rest : [head, ...rest] };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
