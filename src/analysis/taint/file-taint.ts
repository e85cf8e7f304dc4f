/**
 * The taint fact of one file (`file.taint`): built on first request, shared by every rule on the file.
 * Sink rules ask `flowTo(node, { sanitizedFor })` at a modeled sink, and `flowsIntoCall(call, sink)` at a call
 * into another project module whose parameters reach such a sink. Summaries (what a function returns, which
 * parameters reach which sinks) are cached per function and reused by every rule and every caller file.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { ReferenceLike, VariableLike } from '../scope/scope-types.js';

import { TaintEvaluator } from './evaluator.js';
import { collectFunctionFacts, indexCalls, type CallIndex, type CallNode, type FunctionFacts } from './function-facts.js';
import { cutsSoFar, recordCut } from './bounds.js';
import { through, union } from './origins.js';
import type { RequestRoot } from './request-chains.js';
import { contextResponseType, maySeeRequestData, parameterRole, type ParameterRole } from './request-sources.js';
import { shapeCandidates } from './handler-shapes.js';
import { shapeContextResponseType, shapeRole } from './shape-roles.js';
import { indexRegistrations, matchRegistration, type Registration, type RegistrationMatch } from './route-registrations.js';
import { handedRegistrations, inFileHandoffs, type HandedRegistration } from './app-handoffs.js';
import type { ApiReference } from '../modules/api-reference.js';
import { MAX_SUMMARY_DEPTH, type FlowQuery, type FunctionNode, type FunctionTarget, type Origin, type TaintFlow } from './taint-types.js';
import { callersOf, findFlow, findFlows } from './flows.js';
import { flowsIntoCall } from './cross-module.js';
import { callsOnParameter, type ParameterCall } from './parameter-calls.js';
import { sinksAt, sinkSummary, type CrossModuleFlow, type SinkEntry, type SinkSite, type TaintSink } from './sinks.js';
import { functionName } from './function-facts.js';
import { recursiveMergeSource } from './recursive-merges.js';

const IN_PROGRESS: readonly Origin[] = Object.freeze([]) as readonly Origin[];

/**
 * Summaries being computed right now, across all files (analysis is synchronous): a summary that needs another
 * summary nests, and this bounds the nesting, whichever files and evaluation depths it passes through.
 */
let activeSummaries = 0;

export class FileTaint {
  readonly file: FileContext;
  readonly evaluator: TaintEvaluator;
  /**
   * Set on the shape view: the file's taint that knows registrations only. Summaries other files read
   * (`target.file.taint`) come from that one, so a handler registered in another module keeps its registration
   * source there; this view also takes handlers by shape (handler-shapes.ts) and answers the rules' questions.
   */
  readonly registrationsOnly: FileTaint | null;
  private shapeView: FileTaint | null | undefined;
  private candidates: ReadonlySet<FunctionNode> | null = null;
  private readonly facts = new WeakMap<FunctionNode, FunctionFacts>();
  /** Return summaries per function, keyed by the member path read on the result (`''` for the whole value). */
  private readonly returns = new WeakMap<FunctionNode, Map<string, readonly Origin[]>>();
  private readonly mergeSources = new WeakMap<FunctionNode, number | null>();
  private readonly roles = new WeakMap<FunctionNode, Map<number, ParameterRole | null>>();
  private readonly roots = new Map<VariableLike, RequestRoot | null>();
  private readonly variableIds = new Map<VariableLike, number>();
  private readonly sinkSummaries = new WeakMap<FunctionNode, Map<string, readonly SinkEntry[]>>();
  private registered: ReadonlyMap<FunctionNode, readonly Registration[]> | null = null;
  private readonly registrationMatches = new WeakMap<CallNode, readonly RegistrationMatch[]>();
  private readonly handed = new WeakMap<CallNode, readonly HandedRegistration[]>();
  private handoffs: ReadonlyMap<FunctionNode, ReadonlyMap<number, readonly ApiReference[]>> | null = null;
  private readonly responses = new WeakMap<FunctionNode, Map<number, ApiReference | null>>();
  private callIndex: CallIndex | null = null;
  private undeclared: ReadonlyMap<string, readonly ReferenceLike[]> | null = null;
  private requestData: boolean | null = null;

  constructor(file: FileContext, registrationsOnly: FileTaint | null = null) {
    this.file = file;
    this.registrationsOnly = registrationsOnly;
    this.evaluator = new TaintEvaluator(file, this);
  }

  /** Cheap prefilter: false when nothing in this file can receive request data (no framework import, no entry convention, no handler shape). */
  get maySeeRequestData(): boolean {
    if (this.registrationsOnly !== null) return this.registrationsOnly.maySeeRequestData;
    this.requestData ??= maySeeRequestData(this.file) || this.shapeHandlerCandidates().size > 0;
    return this.requestData;
  }

  /** Functions whose parameter names and reads make them handlers by shape, unless registered or called here. */
  shapeHandlerCandidates(): ReadonlySet<FunctionNode> {
    if (this.registrationsOnly !== null) return this.registrationsOnly.shapeHandlerCandidates();
    this.candidates ??= new Set(shapeCandidates(this.file));
    return this.candidates;
  }

  /** The taint the rules ask: this one, or the shape view when the file has handlers by shape. */
  reporting(): FileTaint {
    if (this.registrationsOnly !== null) return this;
    if (this.shapeView === undefined) this.shapeView = this.shapeHandlerCandidates().size > 0 ? new FileTaint(this.file, this) : null;
    return this.shapeView ?? this;
  }

  /**
   * Request data reaching `node` and not sanitized for `query.sanitizedFor`: the source and the steps from it
   * to `node` (callers in this file included), or null. Quiet when in doubt.
   */
  flowTo(node: TSESTree.Node, query: FlowQuery): TaintFlow | null {
    if (!this.maySeeRequestData && query.includeLowTrust !== true) return null;
    const view = this.reporting();
    if (view !== this) return view.flowTo(node, query);
    return findFlow(this, this.evaluator.valueOf(node, 0), query, node);
  }

  /**
   * Like `flowTo`, but a flow per distinct source reaching `node` (two routes calling one helper, two inputs
   * spliced into one query), `flowTo`'s first; empty when none does.
   */
  flowsTo(node: TSESTree.Node, query: FlowQuery): readonly TaintFlow[] {
    if (!this.maySeeRequestData && query.includeLowTrust !== true) return [];
    const view = this.reporting();
    if (view !== this) return view.flowsTo(node, query);
    return findFlows(this, this.evaluator.valueOf(node, 0), query, node);
  }

  /** As flowsTo, for the value of `node` read at member `path` (a sink on a property); each flow's last step is at `reportAt`. */
  flowsAt(node: TSESTree.Node, path: readonly string[], query: FlowQuery, reportAt: TSESTree.Node): readonly TaintFlow[] {
    if (!this.maySeeRequestData && query.includeLowTrust !== true) return [];
    const view = this.reporting();
    if (view !== this) return view.flowsAt(node, path, query, reportAt);
    return findFlows(this, this.evaluator.valueAt(node, path, 0), query, reportAt);
  }

  /** Modeled sinks of `sink.concept` at this call (row conditions such as `shell: true` checked), each with its target argument. */
  sinksAt(call: CallNode, sink: TaintSink): readonly SinkSite[] {
    return sinksAt(this.reporting(), call, sink);
  }

  /** Request data passed here into a function of another module that carries it to a sink: one flow per argument. */
  flowsIntoCall(call: CallNode, sink: TaintSink): readonly CrossModuleFlow[] {
    if (!this.maySeeRequestData) return [];
    return flowsIntoCall(this.reporting(), call, sink);
  }

  functionFacts(fn: FunctionNode): FunctionFacts {
    if (this.registrationsOnly !== null) return this.registrationsOnly.functionFacts(fn);
    let facts = this.facts.get(fn);
    if (facts === undefined) {
      facts = collectFunctionFacts(fn);
      this.facts.set(fn, facts);
    }
    return facts;
  }

  /**
   * What `fn` (in this file) may return at member `path` of its result, in terms of sources and its own
   * parameters. Read at a path, each return expression is evaluated at that path, so a helper returning
   * `{ name: input, column: meta.column }` read as `.column` does not carry `input` (field-sensitive).
   */
  returnSummary(fn: FunctionNode, path: readonly string[] = []): readonly Origin[] {
    let byPath = this.returns.get(fn);
    if (byPath === undefined) {
      byPath = new Map();
      this.returns.set(fn, byPath);
    }
    const key = path.join('.');
    const cached = byPath.get(key);
    if (cached !== undefined) return cached;
    if (activeSummaries >= MAX_SUMMARY_DEPTH) return this.evaluator.cutShort();
    activeSummaries += 1;
    byPath.set(key, IN_PROGRESS);
    const cutsBefore = cutsSoFar();
    try {
      const name = functionName(fn);
      const values = this.functionFacts(fn).returns.map((expression) => through(this.evaluator.valueAt(expression, path, 0), expression, `returned from ${name}()`, this.file));
      const summary = union(...values);
      if (cutsSoFar() === cutsBefore) byPath.set(key, summary);
      else byPath.delete(key);
      return summary;
    } finally {
      activeSummaries -= 1;
    }
  }

  /** The return summary of a function in any project file, at member `path` of its result. */
  returnSummaryOf(target: FunctionTarget, path: readonly string[] = []): readonly Origin[] {
    return target.file.taint.returnSummary(target.fn, path);
  }

  /** The parameter a project function deep-merges from, read from its shape once (recursive-merges.ts). */
  recursiveMergeSource(fn: FunctionNode): number | null {
    if (!this.mergeSources.has(fn)) this.mergeSources.set(fn, recursiveMergeSource(fn));
    return this.mergeSources.get(fn) ?? null;
  }

  sinkSummary(fn: FunctionNode, sink: TaintSink, depth: number): readonly SinkEntry[] {
    const key = `${sink.concept}:${sink.sanitizedFor}`;
    let byKey = this.sinkSummaries.get(fn);
    if (byKey === undefined) {
      byKey = new Map();
      this.sinkSummaries.set(fn, byKey);
    }
    const cached = byKey.get(key);
    if (cached !== undefined) return cached;
    if (depth > MAX_SUMMARY_DEPTH || activeSummaries >= MAX_SUMMARY_DEPTH) {
      recordCut();
      return [];
    }
    activeSummaries += 1;
    byKey.set(key, []);
    const cutsBefore = cutsSoFar();
    try {
      const entries = sinkSummary(this, fn, sink, depth);
      if (cutsSoFar() === cutsBefore) byKey.set(key, entries);
      else byKey.delete(key);
      return entries;
    } finally {
      activeSummaries -= 1;
    }
  }

  parameterRole(fn: FunctionNode, index: number): ParameterRole | null {
    let byIndex = this.roles.get(fn);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.roles.set(fn, byIndex);
    }
    if (!byIndex.has(index)) {
      byIndex.set(index, null);
      const base = this.registrationsOnly;
      byIndex.set(index, base === null ? parameterRole(this.file, fn, index) : (base.parameterRole(fn, index) ?? shapeRole(this, fn, index)));
    }
    return byIndex.get(index) ?? null;
  }

  requestRootOfVariable(variable: VariableLike, compute: () => RequestRoot | null): RequestRoot | null {
    if (this.roots.has(variable)) return this.roots.get(variable) ?? null;
    this.roots.set(variable, null);
    const root = compute();
    this.roots.set(variable, root);
    return root;
  }

  /** The response type of a parameter that is the request too (Koa's `ctx`, Hono's `c`), from its registration or shape. */
  contextResponseType(fn: FunctionNode, index: number): ApiReference | null {
    const registered = contextResponseType(this.file, fn, index);
    return registered !== null || this.registrationsOnly === null ? registered : shapeContextResponseType(this, fn, index);
  }

  /** Where `fn` (in this file) is registered as a request handler, in this file; every registration is read once per file. */
  registrations(fn: FunctionNode): readonly Registration[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.registrations(fn);
    this.registered ??= indexRegistrations(this.file, this.calls().all, (call) => this.registrationsAt(call));
    return this.registered.get(fn) ?? [];
  }

  /** The registration rows this call matches: a modeled API, a chain on one, or a call on an app handed to a parameter. */
  registrationsAt(call: CallNode): readonly RegistrationMatch[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.registrationsAt(call);
    let found = this.registrationMatches.get(call);
    if (found === undefined) {
      found = matchRegistration(this.file, call, (fn, index) => this.handedTo(fn, index), (inner) => this.registrationsAt(inner));
      this.registrationMatches.set(call, found);
    }
    return found;
  }

  /** What callers in this file hand parameter `index` of `fn`: apps and routers (`routes(app)`), a few calls deep. */
  handedTo(fn: FunctionNode, index: number): readonly ApiReference[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.handedTo(fn, index);
    this.handoffs ??= inFileHandoffs(this, this.calls().all);
    return this.handoffs.get(fn)?.get(index) ?? [];
  }

  /** Registrations in other modules on an app or router this call hands over (`require('./routes')(app)`). */
  handedRegistrations(call: CallNode): readonly HandedRegistration[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.handedRegistrations(call);
    let found = this.handed.get(call);
    if (found === undefined) {
      found = handedRegistrations(this, call);
      this.handed.set(call, found);
    }
    return found;
  }

  /** The response type callers hand parameter `index` of `fn` (`render(res, data)`), computed once; null while computing. */
  handedResponse(fn: FunctionNode, index: number, compute: () => ApiReference | null): ApiReference | null {
    let byIndex = this.responses.get(fn);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.responses.set(fn, byIndex);
    }
    if (!byIndex.has(index)) {
      byIndex.set(index, null);
      byIndex.set(index, compute());
    }
    return byIndex.get(index) ?? null;
  }

  private calls(): CallIndex {
    if (this.registrationsOnly !== null) return this.registrationsOnly.calls();
    this.callIndex ??= indexCalls(this.file.ast);
    return this.callIndex;
  }

  /** Calls `fn` makes on its parameter `index` (`app.get(...)` on an app the caller passes). */
  parameterCalls(fn: FunctionNode, index: number): readonly ParameterCall[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.parameterCalls(fn, index);
    return callsOnParameter(this.file, this.functionFacts(fn), fn, index);
  }

  /** A small stable number per variable, for keys. */
  variableId(variable: VariableLike): number {
    if (this.registrationsOnly !== null) return this.registrationsOnly.variableId(variable);
    let id = this.variableIds.get(variable);
    if (id === undefined) {
      id = this.variableIds.size + 1;
      this.variableIds.set(variable, id);
    }
    return id;
  }

  /** Writes to the undeclared global `name` (`output = {...}` without a declaration), indexed once per file. */
  undeclaredWrites(name: string): readonly ReferenceLike[] {
    if (this.undeclared === null) {
      const index = new Map<string, ReferenceLike[]>();
      for (const reference of this.file.scopeManager.globalScope?.through ?? []) {
        if (!reference.isWrite() || reference.identifier.type !== 'Identifier') continue;
        const list = index.get(reference.identifier.name) ?? [];
        list.push(reference);
        index.set(reference.identifier.name, list);
      }
      this.undeclared = index;
    }
    return this.undeclared.get(name) ?? [];
  }

  /** Calls in this file made by this name (`app.set(...)` for `set`), from the same index callersOf uses. */
  callsNamed(name: string): readonly CallNode[] {
    return this.calls().byName.get(name) ?? [];
  }

  /** Calls in this file that run `fn`. */
  callersOf(fn: FunctionNode): readonly CallNode[] {
    if (this.registrationsOnly !== null) return this.registrationsOnly.callersOf(fn);
    return callersOf(this, this.calls().byName, fn);
  }
}
