/**
 * Every rule is complete: metadata that a reporter can trust, a docs page whose front matter matches it and
 * whose sections come in the agreed order, fixtures with enough vulnerable and safe cases, and an ESLint
 * rule whose docs URL names the page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { plugin } from '../src/eslint/plugin.js';
import { ruleDocsUrl } from '../src/engine/package-info.js';
import { defineRule, RuleDefinitionError } from '../src/rules-api/define-rule.js';
import { BUILT_IN_RULES, CONFIG_FILE_RULES } from '../src/rules-api/registry.js';
import { parseAnnotations } from './support/annotations.js';
import { REPO_ROOT } from './support/hosts.js';

const SECTIONS = ['What it finds', 'Why it matters', 'Vulnerable example', 'Safe example', 'How to fix', 'Known limits', 'References'];
/** The floors every rule's fixtures must meet (issue: at least 8 vulnerable cases and 8 safe look-alikes). */
const MIN_VULNERABLE = 8;
const MIN_SAFE = 8;

function fixtureFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
  });
}

describe.each([...BUILT_IN_RULES, ...CONFIG_FILE_RULES].map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const docsPath = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);

  it('has a docs page whose front matter matches the metadata', () => {
    expect(existsSync(docsPath), `${docsPath} is missing`).toBe(true);
    const text = readFileSync(docsPath, 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(match, 'front matter').not.toBeNull();
    const front = parseYaml(match?.[1] ?? '') as Record<string, unknown>;
    expect(front).toMatchObject({
      id,
      title: rule.title,
      severity: rule.severity,
      precision: rule.precision,
      cwe: [...rule.cwe],
      owasp2021: [...rule.owasp[2021]],
      owasp2025: [...rule.owasp[2025]],
    });
  });

  it('has the docs sections in order', () => {
    const headings = [...readFileSync(docsPath, 'utf8').matchAll(/^## (.+)$/gm)].map((heading) => heading[1]?.trim());
    expect(headings.filter((heading) => heading !== undefined && SECTIONS.includes(heading))).toEqual(SECTIONS);
  });

  it(`has fixtures with at least ${MIN_VULNERABLE} vulnerable and ${MIN_SAFE} safe cases`, () => {
    const annotations = fixtureFiles(join(REPO_ROOT, 'fixtures', id)).flatMap((file) => parseAnnotations(readFileSync(file, 'utf8')));
    const vulnerable = annotations.filter((annotation) => annotation.ruleId === id && annotation.kind === 'ruleid' && annotation.host === 'both').length;
    const safe = annotations.filter((annotation) => annotation.ruleId === id && annotation.kind === 'ok' && annotation.host === 'both').length;
    expect(vulnerable).toBeGreaterThanOrEqual(MIN_VULNERABLE);
    expect(safe).toBeGreaterThanOrEqual(MIN_SAFE);
  });

  it('has a one-sentence help and messages that say what to do', () => {
    expect(rule.help.length).toBeGreaterThan(20);
    for (const message of Object.values<string>(rule.messages)) expect(message).toMatch(/;|\binstead\b|\buse\b|\badd\b|\bset\b/i);
  });

  it.skipIf(rule.configFile !== undefined)('is an ESLint rule linking to its page', () => {
    const eslintRule = plugin.rules?.[id];
    expect(eslintRule?.meta?.docs?.url).toBe(ruleDocsUrl(id));
    expect(eslintRule?.meta?.messages).toEqual(rule.messages);
  });
});

describe('rule registry and plugin configs', () => {
  it('has unique rule ids', () => {
    const ids = BUILT_IN_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts exactly the high- and very-high-precision rules in recommended', () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {}).sort();
    const expected = BUILT_IN_RULES.filter((rule) => rule.precision === 'high' || rule.precision === 'very-high').map((rule) => `rampart/${rule.id}`).sort();
    expect(recommended).toEqual(expected);
    expect(Object.keys(plugin.configs.all.rules ?? {})).toHaveLength(BUILT_IN_RULES.length);
  });

  it('names the plugin and its version', () => {
    // ESLint asks plugins to name themselves as their npm package, so its cache and errors point at it.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version });
    expect(manifest.name).toBe('@rampart-security/rampart');
  });

  it('rejects rules citing an unknown CWE or OWASP category', () => {
    const base = {
      id: 'probe-rule',
      title: 'probe',
      severity: 'low',
      precision: 'low',
      help: 'Do the safe thing instead of the unsafe one.',
      messages: { found: 'found; fix it' },
      create: () => ({}),
    } as const;
    expect(() => defineRule({ ...base, cwe: ['CWE-89'], owasp: { 2021: ['A03:2021'], 2025: [] } })).toThrow(RuleDefinitionError);
    expect(() => defineRule({ ...base, cwe: [], owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] } })).toThrow(/at least one CWE/);
    expect(defineRule({ ...base, cwe: ['CWE-89'], owasp: { 2021: ['A03:2021'], 2025: ['A05:2025'] } }).id).toBe('probe-rule');
  });
});
