/**
 * The vocabulary of the taint engine: where a value may come from (an Origin: a request source, or a parameter
 * of the function being summarized), the hops it took, and the bounds every traversal respects.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { RequestInputKind, SanitizerKind } from '../../models/concepts.js';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** A function of the project and the file it is in. */
export interface FunctionTarget {
  readonly file: FileContext;
  readonly fn: FunctionNode;
}

/** Recursion depth of one backward evaluation (expression nesting plus variable and call hops). */
export const MAX_EVALUATION_DEPTH = 48;
/** Origins kept per value: enough to find a source among helpers' parameters, few enough to stay linear. */
export const MAX_ORIGINS = 8;
/** Hops kept per flow; a longer path keeps its first hops and the sink. */
export const MAX_HOPS = 24;
/** Member steps tracked below a value (`req.body.user.address.city`). */
export const MAX_MEMBER_PATH = 6;
/** Call sites examined per function when a parameter must be traced to its callers. */
export const MAX_CALLERS = 16;
/** Distinct sources reported per sink (paths of one finding); past it the finding keeps the first ones. */
export const MAX_SOURCES_PER_SINK = 8;
/** Caller levels climbed from a sink's function (helper → service → route). */
export const MAX_CALLER_HOPS = 4;
/** Nesting of function summaries (a callee's callee's ...), across files included. */
export const MAX_SUMMARY_DEPTH = 6;
/**
 * Expression evaluations per file (at least; larger files get more, see evaluator.ts); past it the file's
 * remaining questions answer "clean" and the file is reported as incomplete.
 */
export const MAX_EVALUATIONS_PER_FILE = 200_000;

/**
 * How rampart knew a value is request data: the function is `registration` (registered on an app, router,
 * server or consumer, decorated, or placed by a framework's file or export convention), its parameter is typed
 * with a framework's request `type`, only its `shape` says so (parameter names plus reads of request members,
 * with no registration in sight), or the value is a `global` low-trust input (`process.argv`).
 */
export type SourceRecognition = 'registration' | 'type' | 'shape' | 'global';

/** Where request data enters: `req.query.id` (query), an `@Body()` parameter (body). */
export interface SourceFact {
  /** As written, shortened: `req.query.id`, `@Body() dto`. */
  readonly label: string;
  readonly kind: RequestInputKind;
  readonly node: TSESTree.Node;
  readonly file: FileContext;
  readonly recognition: SourceRecognition;
}

/** One hop of a flow, newest last; a persistent list so sharing a prefix costs nothing. */
export interface Hop {
  readonly node: TSESTree.Node;
  readonly message: string;
  readonly file: FileContext;
  readonly previous: Hop | null;
  readonly length: number;
}

interface OriginBase {
  readonly hops: Hop | null;
  /** Bit set of sanitizer kinds this value was cleaned for on the way (see kindBit). */
  readonly cleaned: number;
}

export interface SourceOrigin extends OriginBase {
  readonly type: 'source';
  readonly source: SourceFact;
}

/** "Whatever the caller passes as parameter `index`, read at `path`": resolved at each call site. */
export interface ParameterOrigin extends OriginBase {
  readonly type: 'parameter';
  readonly fn: FunctionNode;
  readonly index: number;
  readonly path: readonly string[];
}

export type Origin = SourceOrigin | ParameterOrigin;

/** A flow step for reports: node, message, and the file it is in (flows cross modules). */
export interface TaintStep {
  readonly node: TSESTree.Node;
  readonly message: string;
  readonly file: FileContext;
}

/** Request data reaching a node: the source and the steps from it to the node, source first. */
export interface TaintFlow {
  readonly source: SourceFact;
  readonly steps: readonly TaintStep[];
}

export interface FlowQuery {
  /** The sink's context: values sanitized for it are clean; a sanitizer for another kind is not. */
  readonly sanitizedFor: SanitizerKind;
  /** Also count `process.argv` / `process.env` (CLI tools; a rule's docs must say why). */
  readonly includeLowTrust?: boolean;
  /** Names the sink in the flow's last step (`pg Pool().query`). */
  readonly sinkLabel?: string;
}
