/**
 * Every row of the taint models (sources, sinks, sanitizers, steps) is matched while scanning the fixtures:
 * a row no fixture reaches is either dead or untested, and both hide mistakes in its path.
 */
import { describe, expect, it } from 'vitest';
import type { ConceptIndex } from '../src/models/concept-index.js';
import type { ApiRow } from '../src/models/concepts.js';
import { TAINT_MODELS } from '../src/models/taint-catalog.js';
import { conceptIndex, scan } from '../src/engine/run.js';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import { REPO_ROOT } from './support/hosts.js';

function recordMatches(index: ConceptIndex): Set<ApiRow> {
  const matched = new Set<ApiRow>();
  const match = index.match.bind(index);
  const matchAll = index.matchAll.bind(index);
  index.match = ((reference, concept) => {
    const found = match(reference, concept);
    if (found !== null) matched.add(found.row);
    return found;
  }) as ConceptIndex['match'];
  index.matchAll = ((reference, concept) => {
    const found = matchAll(reference, concept);
    for (const each of found) matched.add(each.row);
    return found;
  }) as ConceptIndex['matchAll'];
  return matched;
}

describe('taint models', () => {
  it('has no row that no fixture reaches', () => {
    const matched = recordMatches(conceptIndex());
    const rules = BUILT_IN_RULES.map((rule) => ({ rule, severity: rule.severity }));
    scan({ paths: ['fixtures'], cwd: REPO_ROOT, ignore: [], maxFileSize: 1024 * 1024, rules });
    const dead = TAINT_MODELS.flatMap((model) => model.rows.filter((row) => !matched.has(row)).map((row) => `${model.name}: ${row.concept} ${row.path}`));
    expect(dead).toEqual([]);
  });
});
