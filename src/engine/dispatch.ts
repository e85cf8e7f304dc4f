/**
 * Runs every applicable rule over one file in a single traversal: each rule's listeners are merged into one
 * map by node type, so a node consults only its own type's listeners. A rule that throws is caught here, once,
 * becomes an `internal-error` problem naming rule, file and line, and stops for this file only.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { formatMessage } from '../rules-api/define-rule.js';
import type { Finding, FlowLocation, ReportDescriptor, Rule, RuleContext } from '../rules-api/rule-types.js';
import type { Severity } from '../taxonomy/severity.js';
import type { FileContext } from './file-context.js';
import { describeError, type ScanProblem } from './problems.js';
import type { ScanTimings } from './timings.js';
import type { Traversal } from './traverse.js';

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

interface BoundListener {
  readonly ruleIndex: number;
  readonly listener: (node: TSESTree.Node) => void;
}

export interface FileOutcome {
  readonly findings: Finding[];
  readonly problems: ScanProblem[];
}

export function createRuleContext(file: FileContext, rule: Rule, report: (descriptor: ReportDescriptor<string>) => void): RuleContext {
  // One finding per rule, place and message: a rule that meets the same fact from several uses (one options object
  // passed to three `verify` calls, reported where it is written) reports it once, in both hosts.
  const reported = new Set<string>();
  const reportOnce = (descriptor: ReportDescriptor<string>): void => {
    const key = `${descriptor.node.range[0]}:${descriptor.node.range[1]}:${descriptor.messageId}:${JSON.stringify(descriptor.data ?? {})}`;
    if (reported.has(key)) return;
    reported.add(key);
    report(descriptor);
  };
  return {
    ruleId: rule.id,
    file,
    get scope() {
      return file.scope;
    },
    get origins() {
      return file.origins;
    },
    get values() {
      return file.values;
    },
    get strings() {
      return file.strings;
    },
    get concepts() {
      return file.concepts;
    },
    get httpApps() {
      return file.httpApps;
    },
    get taint() {
      return file.taint;
    },
    report: reportOnce,
  };
}

export function toFinding(file: FileContext, rule: Rule, severity: Severity, descriptor: ReportDescriptor<string>): Finding {
  const template = rule.messages[descriptor.messageId] ?? descriptor.messageId;
  const flow: FlowLocation[] = (descriptor.flow ?? []).map((step) => {
    const stepFile = step.file ?? file;
    return { file: stepFile.path, range: step.node.range, span: stepFile.source.spanOf(step.node.range), message: step.message };
  });
  const artifact = descriptor.artifact;
  const at = artifact ?? { path: file.path, source: file.source, range: descriptor.node.range };
  const span = at.source.spanOf(at.range);
  if (artifact !== undefined) flow.push({ file: artifact.path, range: artifact.range, span, message: artifact.message });
  // Suggestions edit the linted file, so a finding reported in a view offers none.
  const suggestions = artifact !== undefined ? undefined : descriptor.suggest?.map((suggestion) => ({
    message: formatMessage(rule.messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data),
    edits: suggestion.edits.map((edit) => ({ range: edit.range, span: file.source.spanOf(edit.range), text: edit.text })),
  }));
  const firstLine = Math.max(1, span.start.line - 1);
  const lastLine = Math.min(span.end.line, span.start.line + 3);
  const lines: string[] = [];
  for (let line = firstLine; line <= lastLine; line += 1) lines.push(at.source.lineText(line));
  const anchorRange = descriptor.node.range;
  return {
    ruleId: rule.id,
    severity,
    message: formatMessage(template, descriptor.data),
    file: at.path,
    range: at.range,
    span,
    excerpt: { firstLine, lines },
    ...(flow.length > 0 ? { flow } : {}),
    ...(artifact !== undefined ? { anchors: [{ file: file.path, range: anchorRange, span: file.source.spanOf(anchorRange) }] } : {}),
    ...(descriptor.properties !== undefined ? { properties: descriptor.properties } : {}),
    ...(suggestions !== undefined && suggestions.length > 0 ? { suggestions } : {}),
  };
}

/** Runs `work`, adding its time to the rule's when timing (only then: performance.now per listener call costs). */
function timed<T>(timings: ScanTimings | undefined, ruleId: string, work: () => T): T {
  if (timings === undefined) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    timings.addRule(ruleId, performance.now() - start);
  }
}

/** Runs `rules` over a file whose traversal (and so every `parent`) is already in place; `timings` adds up each rule's time. */
export function runRules(file: FileContext, traversal: Traversal, rules: readonly ActiveRule[], timings?: ScanTimings): FileOutcome {
  const findings: Finding[] = [];
  const problems: ScanProblem[] = [];
  const failed = new Set<number>();
  const onEnter = new Map<string, BoundListener[]>();
  const onExit = new Map<string, BoundListener[]>();

  const fail = (ruleIndex: number, node: TSESTree.Node | null, error: unknown): void => {
    failed.add(ruleIndex);
    const ruleId = rules[ruleIndex]?.rule.id ?? 'unknown';
    const line = node === null ? 1 : file.source.positionAt(node.range[0]).line;
    const detail = error instanceof Error && error.stack !== undefined ? error.stack.split('\n').slice(0, 3).join(' | ') : describeError(error);
    problems.push({ kind: 'internal-error', file: file.path, ruleId, line, message: detail });
  };

  rules.forEach((active, ruleIndex) => {
    try {
      if (!active.rule.appliesTo(file)) return;
      const context = createRuleContext(file, active.rule, (descriptor) => {
        findings.push(toFinding(file, active.rule, active.severity, descriptor));
      });
      const created = timed(timings, active.rule.id, () => active.rule.create(context)) as Record<string, ((node: TSESTree.Node) => void) | undefined>;
      for (const [key, raw] of Object.entries(created)) {
        if (raw === undefined) continue;
        const listener = timings === undefined ? raw : (node: TSESTree.Node): void => timed(timings, active.rule.id, () => raw(node));
        const isExit = key.endsWith(':exit');
        const table = isExit ? onExit : onEnter;
        const type = isExit ? key.slice(0, -':exit'.length) : key;
        const bound = table.get(type) ?? [];
        bound.push({ ruleIndex, listener });
        table.set(type, bound);
      }
    } catch (error: unknown) {
      fail(ruleIndex, null, error);
    }
  });
  if (onEnter.size === 0 && onExit.size === 0) return { findings, problems };

  const { nodes, exits } = traversal;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as TSESTree.Node;
    const bound = (exits[index] === 1 ? onExit : onEnter).get(node.type);
    if (bound === undefined) continue;
    for (const { ruleIndex, listener } of bound) {
      if (failed.has(ruleIndex)) continue;
      try {
        listener(node);
      } catch (error: unknown) {
        fail(ruleIndex, node, error);
      }
    }
  }
  for (const [bound, message] of file.limitsReached) problems.push({ kind: 'limit-reached', file: file.path, bound, message });
  return { findings, problems };
}
