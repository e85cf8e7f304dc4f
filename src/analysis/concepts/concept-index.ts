/**
 * Models compiled once per process: rows by concept and module, paths parsed. `match` answers whether an
 * ApiReference is an instance of a concept. Rows and paths are checked when the index is built, so a bad
 * model fails the first test that loads it.
 */
import type { ApiReference } from '../modules/api-reference.js';
import { matchesAccessPath, parseAccessPath, type AccessPath } from './access-path.js';
import type { ApiRow, ConceptKind, LibraryModel, RowOf } from '../../models/concepts.js';

export interface CompiledRow<R extends ApiRow = ApiRow> {
  readonly row: R;
  readonly model: LibraryModel;
  readonly accessPath: AccessPath;
}

export interface ConceptMatch<R extends ApiRow = ApiRow> extends CompiledRow<R> {
  readonly reference: ApiReference;
}

export class ConceptIndex {
  /** concept → module → rows */
  private readonly byConcept = new Map<ConceptKind, Map<string, CompiledRow[]>>();
  private readonly modulesByConcept = new Map<ConceptKind, Set<string>>();
  /** Rows some reference has matched in this process: the test that finds model rows no fixture exercises reads it. */
  private readonly matchedRows = new Set<CompiledRow>();

  readonly models: readonly LibraryModel[];

  constructor(models: readonly LibraryModel[]) {
    this.models = models;
    for (const model of models) {
      for (const row of model.rows) {
        const compiled: CompiledRow = { row, model, accessPath: parseAccessPath(row.path) };
        let byModule = this.byConcept.get(row.concept);
        if (byModule === undefined) {
          byModule = new Map();
          this.byConcept.set(row.concept, byModule);
        }
        for (const module of model.modules) {
          const list = byModule.get(module) ?? [];
          list.push(compiled);
          byModule.set(module, list);
          const modules = this.modulesByConcept.get(row.concept) ?? new Set<string>();
          modules.add(module);
          this.modulesByConcept.set(row.concept, modules);
        }
      }
    }
  }

  match<K extends ConceptKind>(reference: ApiReference, concept: K): ConceptMatch<RowOf<K>> | null {
    const rows = this.byConcept.get(concept)?.get(reference.module);
    if (rows === undefined) return null;
    for (const compiled of rows) {
      if (matchesAccessPath(compiled.accessPath, reference.steps)) {
        this.matchedRows.add(compiled);
        return { ...(compiled as CompiledRow<RowOf<K>>), reference };
      }
    }
    return null;
  }

  /** Every row of `concept` the reference matches (a call can be a sink in two arguments: `spawn` program and args). */
  matchAll<K extends ConceptKind>(reference: ApiReference, concept: K): ConceptMatch<RowOf<K>>[] {
    const rows = this.byConcept.get(concept)?.get(reference.module);
    if (rows === undefined) return [];
    const matches: ConceptMatch<RowOf<K>>[] = [];
    for (const compiled of rows) {
      if (matchesAccessPath(compiled.accessPath, reference.steps)) {
        this.matchedRows.add(compiled);
        matches.push({ ...(compiled as CompiledRow<RowOf<K>>), reference });
      }
    }
    return matches;
  }

  /** Modules that contribute rows of a concept (for a rule's cheap "does this file import any?" prefilter). */
  modulesFor(concept: ConceptKind): ReadonlySet<string> {
    return this.modulesByConcept.get(concept) ?? new Set();
  }

  /** Rows no reference has matched yet in this process. */
  unmatchedRows(): readonly CompiledRow[] {
    return this.allRows().filter((row) => !this.matchedRows.has(row));
  }

  allRows(): readonly CompiledRow[] {
    const rows: CompiledRow[] = [];
    for (const byModule of this.byConcept.values()) {
      for (const list of byModule.values()) for (const row of list) if (!rows.includes(row)) rows.push(row);
    }
    return rows;
  }
}
