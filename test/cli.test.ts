/**
 * The CLI's surface through the built binary: help documents the gate options, usage mistakes exit 2 with one
 * line, `--` ends the options, and SARIF paths are relative to the git checkout root even when rampart runs
 * from a subdirectory (GitHub resolves them from the repository root).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepository, rampart, readJson, removeDir, VULNERABLE_ROUTES, writeFiles } from './support/rampart-cli.js';

describe('rampart CLI', () => {
  let repo = '';
  beforeAll(() => {
    repo = gitRepository('cli', { 'packages/api/src/routes.ts': VULNERABLE_ROUTES, 'packages/api/-odd.ts': VULNERABLE_ROUTES });
  });
  afterAll(() => removeDir(repo));

  it('documents the gate options and the suppression syntax in --help', async () => {
    const run = await rampart(['--help'], repo);
    expect(run.code).toBe(0);
    for (const option of ['--baseline <file>', '--write-baseline <file>', '--changed-since <ref>', '--changed-lines-only', '--category <id>', '--config <file>', '--rule-severity', '// rampart-ignore-next-line <rule-id> -- <reason>']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('exits 2 with one line for usage mistakes', async () => {
    for (const [args, message] of [
      [['--fail-on', 'severe'], "rampart: unknown severity 'severe' (expected low, medium, high or critical)\n"],
      [['--rule-severity', 'sql-injection'], "rampart: --rule-severity needs <rule-id>=<low|medium|high|critical>, not 'sql-injection'\n"],
      [['--rule-severity', 'no-such-rule=high'], expect.stringMatching(/^rampart: unknown rule 'no-such-rule' \(known: .*\)\n$/)],
      [['--category', ''], 'rampart: --category needs a non-empty id\n'],
      [['--bogus'], "rampart: unknown option '--bogus' (see rampart --help)\n"],
    ] as const) {
      const run = await rampart([...args], repo);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toEqual(message);
    }
  });

  it('treats everything after -- as paths', async () => {
    const run = await rampart(['--format', 'json', '--', 'packages/api/-odd.ts'], repo);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { file: string; line: number }[] };
    expect(report.findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['packages/api/-odd.ts', 8],
      ['packages/api/-odd.ts', 12],
    ]);
  });

  it('writes SARIF URIs and baseline paths relative to the checkout root when run from a subdirectory', async () => {
    const cwd = join(repo, 'packages', 'api');
    const run = await rampart(['src', '--format', 'sarif=out.sarif', '--write-baseline', 'baseline.json', '--category', 'api/'], cwd);
    expect(run.code).toBe(0);
    const log = readJson<{ runs: { automationDetails: { id: string }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }>(join(cwd, 'out.sarif'));
    expect(log.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual(['packages/api/src/routes.ts', 'packages/api/src/routes.ts']);
    expect(log.runs[0]?.automationDetails.id).toBe('api/');
    expect(readJson<{ findings: { file: string }[] }>(join(cwd, 'baseline.json')).findings.map((entry) => entry.file)).toEqual(['packages/api/src/routes.ts', 'packages/api/src/routes.ts']);

    // The same baseline works from the repository root, where the findings are "unchanged".
    writeFiles(repo, { 'baseline.json': JSON.stringify(readJson(join(cwd, 'baseline.json'))) });
    const fromRoot = await rampart(['packages/api/src', '--baseline', 'baseline.json'], repo);
    expect(fromRoot.code).toBe(0);
    expect(fromRoot.stdout).toContain('2 known in the baseline, 0 fixed');
  });
});
