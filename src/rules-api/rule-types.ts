/** The shape of a rule, the context it runs in, and the findings it produces. Both hosts (CLI, ESLint) use these. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiOrigins } from '../analysis/modules/api-origins.js';
import type { ScopeFacts } from '../analysis/scope/scope-facts.js';
import type { StaticValues } from '../analysis/values/static-values.js';
import type { StringAssemblies } from '../analysis/values/string-assembly.js';
import type { ConfigFile, ConfigKind } from '../engine/config-files.js';
import type { FileContext } from '../engine/file-context.js';
import type { SourceText, Span } from '../engine/source-text.js';
import type { ConceptQueries } from '../analysis/concepts/concept-queries.js';
import type { HttpAppFacts } from '../analysis/http-apps/http-app-facts.js';
import type { FileTaint } from '../analysis/taint/file-taint.js';
import type { CweId } from '../taxonomy/cwe.js';
import type { OwaspMapping } from '../taxonomy/owasp.js';
import type { Precision, Severity } from '../taxonomy/severity.js';

type NodeOfType<T extends TSESTree.Node['type']> = Extract<TSESTree.Node, { type: T }>;

/** Listeners keyed by node type, and `Type:exit` for the way back up (ESLint's simple selectors only). */
export type RuleListeners = {
  readonly [T in TSESTree.Node['type']]?: (node: NodeOfType<T>) => void;
} & {
  readonly [T in TSESTree.Node['type'] as `${T}:exit`]?: (node: NodeOfType<T>) => void;
};

export interface RuleMeta<M extends string = string> {
  /** kebab-case name of the weakness; ESLint shows it as `rampart/<id>`. */
  readonly id: string;
  readonly title: string;
  /** Most specific first. */
  readonly cwe: readonly CweId[];
  readonly owasp: OwaspMapping;
  readonly severity: Severity;
  readonly precision: Precision;
  /** One sentence: the fix. The docs page's "How to fix" says it at length. */
  readonly help: string;
  /** One sentence per message id: what was found, from where, what to do instead. `{{name}}` placeholders. */
  readonly messages: Readonly<Record<M, string>>;
  /**
   * The rule may offer suggestions (`ReportDescriptor.suggest`): ESLint shows them as editor quick fixes and
   * refuses them from a rule that does not declare this. Suggestion messages are message ids like any other.
   */
  readonly hasSuggestions?: true;
  /** Set for a rule loaded from a user's Semgrep-style YAML file (src/semgrep/) rather than shipped with rampart. */
  readonly yamlSource?: YamlRuleSource;
}

/** Where a YAML rule came from, and what reporters show for it instead of a rampart docs page. */
export interface YamlRuleSource {
  /** The rule file (as the CLI displays it) and the line of the rule's `id`. */
  readonly file: string;
  readonly line: number;
  /** Every CWE and OWASP code the rule cites (`CWE-352`, `A01:2017`), including ones rampart's tables do not list. */
  readonly cwe: readonly string[];
  readonly owasp: readonly string[];
  /** Help for SARIF: the rule's message and its references. */
  readonly helpMarkdown: string;
  /** The rule's first reference, or null. */
  readonly helpUri: string | null;
}

/** One step of a data flow, for SARIF codeFlows and the text reporter. */
export interface FlowStep {
  readonly node: TSESTree.Node;
  readonly message: string;
  /** The file the step is in, when a flow crosses modules; the reported file otherwise. */
  readonly file?: FileContext;
}

/** A sink in a file that is not code (a view template), with the message of the flow's last step there. */
export interface ArtifactSite {
  /** As reported: relative to the run's working directory. */
  readonly path: string;
  readonly source: SourceText;
  readonly range: readonly [number, number];
  readonly message: string;
}

/** Replaces the file's text in `range` (offsets into the text the AST's ranges index) with `text`. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * A fix offered for review, never applied on its own (ESLint's suggestions, not `--fix`): only where the change
 * is mechanical and keeps what the code does (`Math.random()` → a CSPRNG draw over the same range).
 */
export interface SuggestionDescriptor<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
  readonly edits: readonly TextEdit[];
}

export interface ReportDescriptor<M extends string> {
  readonly node: TSESTree.Node;
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
  readonly flow?: readonly FlowStep[];
  /** The request input the flow starts at, as written (`req.query.id`), for reports and SARIF related locations. */
  readonly source?: string;
  /**
   * Further paths to the same node from other sources (the CLI reports one finding with a path per source;
   * ESLint shows the message, which names `source`).
   */
  readonly otherPaths?: readonly OtherPath[];
  /**
   * Set when the flow's sink is in another module than `node`: the CLI reports at the sink, with this message,
   * and `node` (the call carrying request data there) becomes the flow's carrier. The ESLint host, which lints
   * one file, reports at `node`.
   */
  readonly sink?: SinkReport<M>;
  /**
   * The sink, when it is in a view rather than in code: the CLI reports there (with `node` as the flow's carrier
   * and a last flow step in the view; `sink` is then ignored); ESLint, which lints code only, reports at `node`.
   */
  readonly artifact?: ArtifactSite;
  /** Facts about how the finding was made, for SARIF `properties` and JSON (`rampart/sinkInference: sql-text`). */
  readonly properties?: FindingProperties;
  /** Offered fixes; the rule must declare `hasSuggestions`. */
  readonly suggest?: readonly SuggestionDescriptor<M>[];
}

/** A further path to a reported node: its source as written and its steps. */
export interface OtherPath {
  readonly source: string;
  readonly flow: readonly FlowStep[];
}

/** The sink of a taint finding in another module, and the message the finding has there. */
export interface SinkReport<M extends string> {
  readonly node: TSESTree.Node;
  readonly file: FileContext;
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
}
/** Keys are namespaced `rampart/…`, as SARIF asks of tool-specific property names. */
export type FindingProperties = Readonly<Record<string, string>>;

export interface RuleContext<M extends string = string> {
  readonly ruleId: string;
  readonly file: FileContext;
  readonly scope: ScopeFacts;
  readonly origins: ApiOrigins;
  readonly values: StaticValues;
  readonly strings: StringAssemblies;
  readonly concepts: ConceptQueries;
  /** Apps, routers, middleware chains and routes of the file (analysis/http-apps). */
  readonly httpApps: HttpAppFacts;
  readonly taint: FileTaint;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  /** Cheap per-file prefilter (oxc's should_run): false skips the file without creating listeners. */
  readonly appliesTo: (file: FileContext) => boolean;
  readonly create: (context: RuleContext<M>) => RuleListeners;
  /** Set for a rule over configuration files (workflows, Dockerfiles, compose, .env): CLI only, never ESLint. */
  readonly configFile?: ConfigFileCheck<M>;
}

/** A config-file finding: where (offsets into the file's text) and what. */
export interface ConfigReport<M extends string> {
  readonly range: readonly [number, number];
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string>>;
}

export interface ConfigFileCheck<M extends string> {
  readonly kinds: readonly ConfigKind[];
  readonly check: (file: ConfigFile, report: (descriptor: ConfigReport<M>) => void) => void;
}

export interface FindingLocation {
  readonly file: string;
  readonly span: Span;
  readonly range: readonly [number, number];
}

export interface FlowLocation extends FindingLocation {
  readonly message: string;
}

/** The finding's source lines (one line of context above), for code frames and fingerprints. */
export interface SourceExcerpt {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

/** One path from request data to a finding. */
export interface FindingFlow {
  /** The request input, as written (`req.query.id`); null when the rule names none. */
  readonly source: string | null;
  /** Source first, sink last. */
  readonly steps: readonly FlowLocation[];
  /**
   * The call in the source's module that carries request data into the sink's module: where the ESLint host,
   * which lints one file, reports this path. Absent when the path does not leave the sink's module that way.
   */
  readonly carrier?: FindingLocation;
}

/** A suggested fix as reporters show it: its message and the edits, located in the finding's file. */
export interface FindingSuggestion {
  readonly message: string;
  readonly edits: ReadonlyArray<{ readonly range: readonly [number, number]; readonly span: Span; readonly text: string }>;
}

export interface Finding extends FindingLocation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly excerpt: SourceExcerpt;
  /** The rule's message id, when a rule reported it (meta findings have none). */
  readonly messageId?: string;
  /**
   * Taint findings: the paths from request data to this location (the sink), one per distinct source and
   * carrier: the one the message names first, the others ordered by source location. A finding in a view has
   * a carrier per render call handing it the data (where ESLint, which lints code only, reports it).
   */
  readonly flows?: readonly FindingFlow[];
  readonly properties?: FindingProperties;
  readonly suggestions?: readonly FindingSuggestion[];
}
