/**
 * The listeners every taint sink rule shares, so a rule is its metadata plus a TaintSink: at each call,
 * report a modeled sink whose target carries request data not sanitized for the sink's kind (flows through
 * this file's variables, helpers and callers), and a call that carries request data into a function of
 * another module which takes it to such a sink. That one is reported at the argument in ESLint, which lints one
 * file, and at the sink in the CLI, with the argument as the path's carrier (ReportDescriptor.sink).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SinkLocation, TaintSink } from '../analysis/taint/sinks.js';
import type { SourceRecognition, TaintFlow } from '../analysis/taint/taint-types.js';
import type { ViewArtifact } from '../analysis/views/view-sinks.js';
import type { FindingProperties, FlowStep, OtherPath, ReportDescriptor, RuleContext, RuleListeners } from './rule-types.js';

export interface TaintFinding {
  /** Where to report in this file: the sink's argument, or the argument of a call into another module. */
  readonly node: TSESTree.Node;
  /** The sink API, for messages: `child_process exec`. */
  readonly api: string;
  /** The source, for messages: `req.query.id`. */
  readonly source: string;
  readonly flow: readonly FlowStep[];
  /** True when the sink is in another module, reached through this call (`node`). */
  readonly crossModule: boolean;
  /** Paths to the same sink from other sources. */
  readonly otherPaths?: readonly OtherPath[];
  /** How the source was recognised (registration, type, shape), for SARIF and JSON properties. */
  readonly recognition: SourceRecognition;
  /** The view output the flow ends in, when the sink is in a view rather than in code. */
  readonly artifact?: ViewArtifact;
  /** How the sink was recognised, when not by a model row (`rampart/sinkInference`). */
  readonly properties?: FindingProperties;
}

/** The flows after the first, as further paths of the first's finding. */
export function otherPathsOf(flows: readonly TaintFlow[]): readonly OtherPath[] {
  return flows.slice(1).map((flow) => ({ source: flow.source.label, flow: flow.steps }));
}

const SOURCE_RECOGNITION = 'rampart/sourceRecognition';

/** The machine-readable facts of a taint flow's source: `rampart/sourceRecognition`. */
export function sourceProperties(flow: TaintFlow): FindingProperties {
  return { [SOURCE_RECOGNITION]: flow.source.recognition };
}

/** SARIF properties saying a sink was inferred (from the SQL text: no model knows its receiver). */
export function inferenceProperties(inference: 'sql-text' | undefined): { properties?: FindingProperties } {
  return inference === undefined ? {} : { properties: { 'rampart/sinkInference': inference } };
}

export function taintSinkListeners<M extends string>(context: RuleContext<M>, sink: TaintSink, describe: (finding: TaintFinding) => ReportDescriptor<M>): RuleListeners {
  // One finding per reported node, or per view output: several outputs of one view are fed by one local.
  const reported = new Set<TSESTree.Node | string>();
  const report = (finding: TaintFinding, sinkAt: SinkLocation | null): void => {
    const key = finding.artifact === undefined ? finding.node : `${finding.artifact.view.absolutePath}:${finding.artifact.output.range[0]}`;
    if (reported.has(key)) return;
    reported.add(key);
    const described = describe(finding);
    const here = {
      ...described,
      source: finding.source,
      properties: { [SOURCE_RECOGNITION]: finding.recognition, ...finding.properties, ...described.properties },
      ...(finding.otherPaths !== undefined && finding.otherPaths.length > 0 ? { otherPaths: finding.otherPaths } : {}),
    };
    // A sink in a view is placed by the descriptor's `artifact`; one in another module's code by `sink`.
    if (sinkAt === null || finding.artifact !== undefined) {
      context.report(here);
      return;
    }
    // The CLI reports at the sink, with the message the rule gives a finding there; ESLint keeps `here`.
    const there = describe({ ...finding, node: sinkAt.node, crossModule: false });
    const data = there.data === undefined ? {} : { data: there.data };
    context.report({ ...here, sink: { node: there.node, file: sinkAt.file, messageId: there.messageId, ...data } });
  };
  const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    for (const site of context.taint.sinksAt(call, sink)) {
      const query = { sanitizedFor: sink.sanitizedFor, sinkLabel: site.api, ...(sink.includeLowTrust === true ? { includeLowTrust: true } : {}) };
      const at = site.reportAt ?? site.target;
      const flows = site.path === undefined ? context.taint.flowsTo(site.target, query) : context.taint.flowsAt(site.target, site.path, query, at);
      const [flow] = flows;
      if (flow !== undefined) {
        const artifact = site.artifact !== undefined ? { artifact: site.artifact } : {};
        const found = { node: at, api: site.api, source: flow.source.label, flow: flow.steps, crossModule: false, recognition: flow.source.recognition };
        report({ ...found, otherPaths: otherPathsOf(flows), ...artifact, ...inferenceProperties(site.inference) }, null);
      }
    }
    for (const crossing of context.taint.flowsIntoCall(call, sink)) {
      const { argument, api, flow } = crossing;
      const artifact = crossing.artifact !== undefined ? { artifact: crossing.artifact } : {};
      const others = otherPathsOf([flow, ...(crossing.otherFlows ?? [])]);
      const found = { node: argument, api, source: flow.source.label, flow: flow.steps, crossModule: true, recognition: flow.source.recognition };
      report({ ...found, otherPaths: others, ...artifact, ...inferenceProperties(crossing.inference) }, crossing.sink);
    }
  };
  return { CallExpression: check, NewExpression: check };
}

/** The call listeners of several taint sinks of one rule, run one after the other on each call. */
export function combineSinkListeners(...sinks: readonly RuleListeners[]): RuleListeners {
  return {
    CallExpression: (node) => {
      for (const listeners of sinks) listeners.CallExpression?.(node);
    },
    NewExpression: (node) => {
      for (const listeners of sinks) listeners.NewExpression?.(node);
    },
  };
}
