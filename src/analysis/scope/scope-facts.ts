/**
 * Name resolution over a scope manager: which variable an identifier refers to, whether it is the real global,
 * and what values a variable is ever given. Built once per file, on first request, in one pass over the scopes.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ReferenceLike, ScopeLike, ScopeManagerLike, VariableLike } from './scope-types.js';

/**
 * A variable's writes after its declaration (`x = ...`, `x += ...`), in source order; found once per variable.
 * Resolving a name asks whether it is ever reassigned, and a file's `app` or `pool` has thousands of
 * references: filtering them on every question made large files quadratic. Keyed weakly by the variable
 * object, which belongs to one parse of one file.
 */
const laterWritesOf = new WeakMap<VariableLike, readonly ReferenceLike[]>();

export function laterWrites(variable: VariableLike): readonly ReferenceLike[] {
  let writes = laterWritesOf.get(variable);
  if (writes === undefined) {
    writes = variable.references.filter((reference) => reference.isWrite() && reference.init !== true);
    laterWritesOf.set(variable, writes);
  }
  return writes;
}

/** True when the variable is assigned again after its declaration. */
export function isReassigned(variable: VariableLike): boolean {
  return laterWrites(variable).length > 0;
}

export class ScopeFacts {
  private referenceIndex: Map<TSESTree.Node, ReferenceLike> | null = null;
  private declarationIndex: Map<TSESTree.Node, VariableLike> | null = null;

  readonly manager: ScopeManagerLike;

  constructor(manager: ScopeManagerLike) {
    this.manager = manager;
  }

  /** The variable an identifier reads, writes or declares; null for globals and unresolved names. */
  variableOf(identifier: TSESTree.Node): VariableLike | null {
    const reference = this.references().get(identifier);
    if (reference !== undefined) return reference.resolved;
    return this.declarations().get(identifier) ?? null;
  }

  /**
   * True when `identifier` refers to the global of that name: not declared anywhere in the file
   * (a local `function exec()` or an imported `setTimeout` is not the global).
   */
  isGlobalReference(identifier: TSESTree.Node): boolean {
    const reference = this.references().get(identifier);
    if (reference === undefined) return false;
    return reference.resolved === null || reference.resolved.defs.length === 0;
  }

  /** The global scope's unresolved references to `name` (for example every `require`). */
  globalReferencesTo(name: string): readonly ReferenceLike[] {
    const global = this.manager.globalScope;
    if (global === null) return [];
    const through = global.through.filter((reference) => nameOf(reference.identifier) === name);
    const implicit = global.set.get(name);
    if (implicit !== undefined && implicit.defs.length === 0) return [...through, ...implicit.references];
    return through;
  }

  /** Every expression written to the variable: its initializer and each later assignment. */
  writesOf(variable: VariableLike): readonly ReferenceLike[] {
    return variable.references.filter((reference) => reference.isWrite());
  }

  /** The innermost scope that contains `node`. */
  scopeOf(node: TSESTree.Node): ScopeLike | null {
    for (let current: TSESTree.Node | undefined = node; current !== undefined; current = current.parent) {
      const scope = this.manager.acquire(current, true);
      if (scope !== null) return scope;
    }
    return this.manager.globalScope;
  }

  private references(): Map<TSESTree.Node, ReferenceLike> {
    if (this.referenceIndex === null) {
      const index = new Map<TSESTree.Node, ReferenceLike>();
      for (const scope of this.manager.scopes) {
        for (const reference of scope.references) index.set(reference.identifier, reference);
      }
      this.referenceIndex = index;
    }
    return this.referenceIndex;
  }

  private declarations(): Map<TSESTree.Node, VariableLike> {
    if (this.declarationIndex === null) {
      const index = new Map<TSESTree.Node, VariableLike>();
      for (const scope of this.manager.scopes) {
        for (const variable of scope.variables) {
          for (const identifier of variable.identifiers) index.set(identifier, variable);
        }
      }
      this.declarationIndex = index;
    }
    return this.declarationIndex;
  }
}

function nameOf(node: TSESTree.Node): string | null {
  return node.type === 'Identifier' || node.type === 'JSXIdentifier' ? node.name : null;
}
