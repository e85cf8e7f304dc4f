/**
 * The sample YAML rules in test/semgrep-rules/, each with a sample file of the same stem: `// ruleid: <id>`
 * above every line the rule must flag, `// ok: <id>` above look-alikes it must not. Run through rampart's
 * engine under both parsers; unannotated lines must stay silent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/hosts.js';
import { describe, expect, it } from 'vitest';
import { scanWithYaml } from './semgrep-harness.js';

const SAMPLES = join(import.meta.dirname, 'semgrep-rules');

function expectedLines(code: string): number[] {
  return code.split('\n').flatMap((line, index) => (/^\s*\/\/ ruleid:/.test(line) ? [index + 2] : []));
}

describe('sample YAML rules', () => {
  const rules = readdirSync(SAMPLES).filter((name) => name.endsWith('.yaml'));

  it('has a sample file for every rule file', () => {
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const rule of rules) expect(readdirSync(SAMPLES)).toContain(rule.replace(/\.yaml$/, '.js'));
  });

  for (const ruleFile of rules) {
    const sampleFile = ruleFile.replace(/\.yaml$/, '.js');
    for (const parser of ['typescript-estree', 'oxc'] as const) {
      it(`${ruleFile} flags exactly the ruleid lines of ${sampleFile} (${parser})`, () => {
        const code = readFileSync(join(SAMPLES, sampleFile), 'utf8');
        const result = scanWithYaml(readFileSync(join(SAMPLES, ruleFile), 'utf8'), { [sampleFile]: code }, parser);
        expect(result.problems).toEqual([]);
        expect(result.hits.map((hit) => Number(hit.split(':').pop()))).toEqual(expectedLines(code));
      });
    }
  }
});

describe('the custom rules guide', () => {
  it('flags exactly the lines its first example marks `// flagged`', () => {
    const guide = readFileSync(join(REPO_ROOT, 'docs', 'guides', 'custom-rules.md'), 'utf8');
    const rule = /```yaml\n(rules:[\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const code = /```js\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const flagged = code.split('\n').flatMap((line, index) => (line.includes('// flagged') ? [`shell-exec-with-variable:${index + 1}`] : []));
    expect(flagged).toHaveLength(3);
    expect(scanWithYaml(rule, { 'example.js': code }).hits).toEqual(flagged);
  });
});

