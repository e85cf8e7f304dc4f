/**
 * Runs every applicable rule over one file in a single traversal: each rule's listeners are merged into one
 * map by node type, so a node consults only its own type's listeners. A rule that throws is caught here, once,
 * becomes an `internal-error` problem naming rule, file and line, and stops for this file only.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { formatMessage } from '../rules-api/define-rule.js';
import type { Finding, FindingFlow, FindingLocation, FlowLocation, FlowStep, ReportDescriptor, Rule, RuleContext } from '../rules-api/rule-types.js';
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
  /** The file of each finding placed in another file than the one scanned (a taint sink in another module; null: a view). */
  readonly homes: ReadonlyMap<Finding, FileContext | null>;
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

/**
 * A finding as the CLI reports it. A taint finding whose sink is elsewhere is placed there, with the reported node
 * (in this file) as its path's carrier: in a view (`descriptor.artifact`, with a last flow step in the view), or
 * in another module's code (`descriptor.sink`). The fix goes at the sink. `home` is the code file the finding
 * is in, null for a view.
 */
export function toFinding(file: FileContext, rule: Rule, severity: Severity, descriptor: ReportDescriptor<string>): LocatedFinding {
  const artifact = descriptor.artifact;
  const sink = artifact === undefined ? descriptor.sink : undefined;
  const home = artifact !== undefined ? null : (sink?.file ?? file);
  const messageId = sink?.messageId ?? descriptor.messageId;
  const template = rule.messages[messageId] ?? descriptor.messageId;
  const at = artifact ?? { path: (home ?? file).path, source: (home ?? file).source, range: (sink?.node ?? descriptor.node).range };
  const span = at.source.spanOf(at.range);
  const carrier = artifact !== undefined || sink !== undefined ? { carrier: locationIn(file, descriptor.node.range) } : {};
  const viewStep: FlowLocation[] = artifact === undefined ? [] : [{ file: artifact.path, range: artifact.range, span, message: artifact.message }];
  const pathOf = (source: string | null, flow: readonly FlowStep[] | undefined): FindingFlow | null => {
    const steps: FlowLocation[] = [...(flow ?? []).map((step) => ({ ...locationIn(step.file ?? file, step.node.range), message: step.message })), ...viewStep];
    return steps.length === 0 ? null : { source, steps, ...carrier };
  };
  const flows = [pathOf(descriptor.source ?? null, descriptor.flow), ...(descriptor.otherPaths ?? []).map((path) => pathOf(path.source, path.flow))].filter(
    (path): path is FindingFlow => path !== null,
  );
  // A suggestion's edits are in the reported file: offered where the finding stays there.
  const suggestions = home !== file ? undefined : descriptor.suggest?.map((suggestion) => ({
    message: formatMessage(rule.messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data),
    edits: suggestion.edits.map((edit) => ({ range: edit.range, span: file.source.spanOf(edit.range), text: edit.text })),
  }));
  const firstLine = Math.max(1, span.start.line - 1);
  const lastLine = Math.min(span.end.line, span.start.line + 3);
  const lines: string[] = [];
  for (let line = firstLine; line <= lastLine; line += 1) lines.push(at.source.lineText(line));
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: formatMessage(template, sink?.data ?? descriptor.data),
    file: at.path,
    range: at.range,
    span,
    excerpt: { firstLine, lines },
    messageId,
    ...(flows.length > 0 ? { flows } : {}),
    ...(descriptor.properties !== undefined ? { properties: descriptor.properties } : {}),
    ...(suggestions !== undefined && suggestions.length > 0 ? { suggestions } : {}),
  };
  return { finding, home };
}

export interface LocatedFinding {
  readonly finding: Finding;
  /** The code file the finding is in; null for one in a view. */
  readonly home: FileContext | null;
}

function locationIn(file: FileContext, range: readonly [number, number]): FindingLocation {
  return { file: file.path, range, span: file.source.spanOf(range) };
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
  const homes = new Map<Finding, FileContext | null>();
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
        const located = toFinding(file, active.rule, active.severity, descriptor);
        findings.push(located.finding);
        if (located.home !== file) homes.set(located.finding, located.home);
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
  if (onEnter.size === 0 && onExit.size === 0) return { findings, problems, homes };

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
  return { findings, problems, homes };
}
