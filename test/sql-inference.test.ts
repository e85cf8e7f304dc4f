/**
 * Sinks recognised from the SQL text (no model knows the receiver) say so in SARIF and JSON
 * (`rampart/sinkInference: sql-text`); sinks whose receiver was resolved (through factories, callers,
 * callbacks, injection decorators) carry no such property.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/run.js';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import { REPO_ROOT } from './support/hosts.js';
import { rampart } from './support/rampart-cli.js';
import { schemaErrors } from './support/sarif-validators.js';

const sqlInjection = BUILT_IN_RULES.filter((rule) => rule.id === 'sql-injection').map((rule) => ({ rule, severity: rule.severity }));

function inferenceByLine(path: string): Map<number, string | null> {
  const result = scan({ paths: [path], cwd: REPO_ROOT, ignore: [], maxFileSize: 1024 * 1024, rules: sqlInjection });
  return new Map(result.findings.map((finding) => [finding.span.start.line, finding.properties?.['rampart/sinkInference'] ?? null]));
}

describe('sql-injection sink inference', () => {
  it('marks findings on unresolved receivers as inferred from the SQL text', () => {
    expect(inferenceByLine('fixtures/sql-injection/unresolved-receivers.js')).toEqual(
      new Map([
        [14, 'sql-text'],
        [20, 'sql-text'],
        [27, 'sql-text'],
        [32, 'sql-text'],
      ]),
    );
  });

  it('leaves findings on resolved receivers unmarked', () => {
    expect(inferenceByLine('fixtures/sql-injection/receivers/parameters.js')).toEqual(new Map([[9, null]]));
    expect(inferenceByLine('fixtures/sql-injection/receivers/callbacks.js')).toEqual(
      new Map([
        [14, null],
        [31, null],
        [38, null],
      ]),
    );
    // Reported at the DAOs' queries (user-dao.js:10, order-dao.js:5), the sinks the routes' calls reach.
    expect(inferenceByLine('fixtures/sql-injection/receivers/dao')).toEqual(
      new Map([
        [10, null],
        [5, null],
      ]),
    );
  });

  it('puts the inference in the SARIF result properties, valid against the 2.1.0 schema', async () => {
    const run = await rampart(['fixtures/sql-injection/unresolved-receivers.js', '--rule', 'sql-injection', '--format', 'sarif', '--no-config'], REPO_ROOT);
    const log = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[]; properties?: Record<string, unknown> }[] }[] };
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.locations[0]?.physicalLocation.region.startLine, result.properties?.['rampart/sinkInference']])).toEqual([
      [14, 'sql-text'],
      [20, 'sql-text'],
      [27, 'sql-text'],
      [32, 'sql-text'],
    ]);
    expect(schemaErrors(log)).toEqual([]);
  });
});
