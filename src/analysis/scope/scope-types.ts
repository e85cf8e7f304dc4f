/**
 * The part of a scope manager rampart reads. Both @typescript-eslint/scope-manager (our engine, and ESLint with
 * the typescript-eslint parser) and eslint-scope (ESLint with espree) satisfy it, so one rule runs in both hosts.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export interface ScopeManagerLike {
  readonly scopes: readonly ScopeLike[];
  readonly globalScope: ScopeLike | null;
  acquire(node: TSESTree.Node, inner?: boolean): ScopeLike | null;
}

export interface ScopeLike {
  readonly type: string;
  readonly block: TSESTree.Node;
  readonly upper: ScopeLike | null;
  readonly set: ReadonlyMap<string, VariableLike>;
  readonly variables: readonly VariableLike[];
  readonly references: readonly ReferenceLike[];
  readonly through: readonly ReferenceLike[];
  readonly childScopes: readonly ScopeLike[];
}

export interface VariableLike {
  readonly name: string;
  readonly defs: readonly DefinitionLike[];
  readonly references: readonly ReferenceLike[];
  readonly identifiers: readonly TSESTree.Node[];
  readonly scope: ScopeLike;
}

export interface DefinitionLike {
  /** 'Variable' | 'ImportBinding' | 'Parameter' | 'FunctionName' | 'ClassName' | 'CatchClause' | ... in both managers. */
  readonly type: string;
  readonly name: TSESTree.Node;
  readonly node: TSESTree.Node;
  readonly parent?: TSESTree.Node | null | undefined;
}

export interface ReferenceLike {
  readonly identifier: TSESTree.Node;
  readonly resolved: VariableLike | null;
  readonly from: ScopeLike;
  isWrite(): boolean;
  isRead(): boolean;
  readonly writeExpr?: TSESTree.Node | null | undefined;
  readonly init?: boolean | null | undefined;
}
