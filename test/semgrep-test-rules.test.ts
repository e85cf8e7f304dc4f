/**
 * `rampart test-rules` through the built CLI: the project's own rule tests (test/semgrep-rules/) pass, and a
 * team's rule directory with a wrong annotation, a known miss and a known false positive reports pass/fail per
 * annotation and exits 1, as `semgrep --test` would.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hosts.js';
import { rampart, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

const RULE = `rules:
  - id: no-eval
    message: eval of $X
    severity: ERROR
    languages: [javascript, typescript]
    pattern: eval($X)
`;

const TARGET = `// ruleid: no-eval
eval(input);
// ok: no-eval
evaluate(input);
// todoruleid: no-eval
window.eval(input);
// todook: no-eval
eval('1 + 1');
// ok: no-eval
eval(other);
eval(unannotated);
`;

let dir = '';
beforeAll(() => {
  dir = tempDir('semgrep-test-rules');
  writeFiles(dir, { 'rules/js/no-eval.yaml': RULE, 'rules/js/no-eval.js': TARGET, 'rules/js/unused.yaml': RULE.replace('no-eval', 'unused') });
});
afterAll(() => removeDir(dir));

describe('rampart test-rules', () => {
  it("passes on the project's own rule tests", async () => {
    const run = await rampart(['test-rules', join('test', 'semgrep-rules')], REPO_ROOT);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('✖');
    expect(run.stdout).toMatch(/\n✔ (\d+) of \1 checks pass\n$/);
    expect(run.code).toBe(0);
  });

  it('reports each annotation, and a finding no annotation expects, and exits 1 on a failure', async () => {
    const run = await rampart(['test-rules', 'rules'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'rules/js/no-eval.yaml',
        '  ✔ rules/js/no-eval.js:2 ruleid: no-eval',
        '  ✔ rules/js/no-eval.js:4 ok: no-eval',
        '  ✔ rules/js/no-eval.js:6 todoruleid: no-eval',
        '  ✔ rules/js/no-eval.js:8 todook: no-eval',
        '  ✖ rules/js/no-eval.js:10 ok: no-eval (reported)',
        '  ✖ rules/js/no-eval.js:11 no-eval reported, but no annotation expects it',
        '✖ 2 of 6 checks fail',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(1);
  });

  it('exits 2 for a rule file that does not load', async () => {
    writeFiles(dir, { 'broken/r.yaml': RULE.replace('pattern:', 'patern:'), 'broken/r.js': 'eval(x);\n' });
    const run = await rampart(['test-rules', 'broken'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("rampart: broken/r.yaml:6:5: unknown rule key 'patern'\n");
  });
});
