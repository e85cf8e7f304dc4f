/**
 * The two parsers the engine can use (oxc-parser through its adapter, typescript-estree) must be
 * interchangeable: the same findings on every fixture, the same AST (types, ranges, values) and the same scopes on
 * samples of every construct, and the same `parse-failed` problem for a syntax error. Speed is measured by
 * bench/speed/run.mjs, never here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScopeManagerLike } from '../src/analysis/scope/scope-types.js';
import { parseSource, type ParsedSource, type ParserName } from '../src/engine/parse.js';
import { loadOxc } from '../src/engine/parse-oxc.js';
import { scan } from '../src/engine/run.js';
import { BUILT_IN_RULES } from '../src/rules-api/registry.js';
import { REPO_ROOT } from './support/hosts.js';

const SAMPLES = join(REPO_ROOT, 'test/parser-samples');
const samples = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name: name.slice(0, -'.txt'.length), text: readFileSync(join(SAMPLES, name), 'utf8') }));

function findingsWith(parser: ParserName): { findings: string[]; problems: string[] } {
  const rules = BUILT_IN_RULES.map((rule) => ({ rule, severity: rule.severity }));
  const result = scan({ paths: ['fixtures'], cwd: REPO_ROOT, ignore: [], maxFileSize: 1024 * 1024, rules, parser });
  return {
    findings: result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.span.start.line}:${finding.span.start.column}`),
    problems: result.problems.map((problem) => JSON.stringify(problem)),
  };
}

function parsed(path: string, text: string, parser: ParserName): ParsedSource {
  const result = parseSource(path, text, parser);
  if (!result.ok) throw new Error(`${parser} could not parse ${path}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The AST as plain data: oxc's extra `start`/`end` offsets dropped (ranges carry the same numbers). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof RegExp || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'start' || key === 'end' || key === 'parent' || key === 'loc' || child === undefined) continue;
    out[key] = plain(child);
  }
  return out;
}

function nodeTypeCounts(ast: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const stack: unknown[] = [ast];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (Array.isArray(item)) stack.push(...(item as unknown[]).filter((child) => child !== undefined));
    else if (typeof item === 'object' && item !== null && !(item instanceof RegExp)) {
      const type = (item as { type?: unknown }).type;
      if (typeof type === 'string') counts[type] = (counts[type] ?? 0) + 1;
      for (const [key, child] of Object.entries(item)) if (key !== 'parent' && child !== undefined) stack.push(child);
    }
  }
  return counts;
}

/** Every scope with its variables and every reference with what it resolves to, by source range. */
function scopeSummary(manager: ScopeManagerLike): string[] {
  const at = (node: { range?: readonly [number, number] }): string => (node.range === undefined ? '?' : `${node.range[0]}-${node.range[1]}`);
  return manager.scopes.map((scope) => {
    const variables = scope.variables.map((variable) => `${variable.name}[${variable.defs.map((def) => def.type).join(',')}]`).join(' ');
    const references = scope.references
      .map((reference) => `${at(reference.identifier)}${reference.isWrite() ? 'w' : ''}${reference.isRead() ? 'r' : ''}->${reference.resolved === null ? 'global' : at(reference.resolved.identifiers[0] ?? {})}`)
      .join(' ');
    return `${scope.type}@${at(scope.block)} vars: ${variables} refs: ${references} through: ${scope.through.length}`;
  });
}

describe('parser equivalence', () => {
  it('has oxc-parser with a native binding on this platform', () => {
    // The optional dependency is expected wherever the test suite runs (linux x64 CI); without it every file
    // would silently go to typescript-estree and the comparisons below would prove nothing.
    expect(loadOxc()).not.toBeNull();
  });

  it('gives the same findings and problems on every fixture with either parser', () => {
    const oxc = findingsWith('oxc');
    const estree = findingsWith('typescript-estree');
    expect(oxc.findings.length).toBeGreaterThan(0);
    expect(oxc).toEqual(estree);
  });

  for (const sample of samples) {
    describe(sample.name, () => {
      const oxc = parsed(sample.name, sample.text, 'oxc');
      const estree = parsed(sample.name, sample.text, 'typescript-estree');

      it('is parsed by oxc itself, not by the fallback', () => {
        expect(oxc.parser).toBe('oxc');
      });

      it('has the same node type counts', () => {
        expect(nodeTypeCounts(oxc.ast)).toEqual(nodeTypeCounts(estree.ast));
      });

      it('has the same AST: types, ranges, values, comments', () => {
        expect(plain(oxc.ast)).toEqual(plain(estree.ast));
      });

      it('has the same scopes and references', () => {
        expect(scopeSummary(oxc.scopeManager)).toEqual(scopeSummary(estree.scopeManager));
      });
    });
  }

  it('reports a syntax error as parse-failed at the same line and column with either parser', () => {
    const text = 'const ok = 1;\nconst broken = ;\n';
    const problems = (['oxc', 'typescript-estree'] as const).map((parser) => {
      const result = parseSource('broken.ts', text, parser);
      return result.ok ? null : result.error;
    });
    expect(problems[0]).toMatchObject({ kind: 'parse-failed', file: 'broken.ts', line: 2, column: 15 });
    expect(problems[1]).toMatchObject({ kind: 'parse-failed', file: 'broken.ts', line: 2, column: 15 });
  });

  it('scans a file oxc rejects but typescript-estree accepts, through typescript-estree', () => {
    // oxc reports `new.target` outside a function as an error; TypeScript's parser leaves that to the checker.
    const result = parseSource('top-level.js', 'const target = new.target;\n', 'oxc');
    expect(result.ok && result.value.parser).toBe('typescript-estree');
  });
});
