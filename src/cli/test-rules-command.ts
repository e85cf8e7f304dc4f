/**
 * `rampart test-rules <dir|file>...`: Semgrep's `--test` for a team's YAML rules (src/semgrep/test-rules.ts).
 * Exit 0 when every annotation holds, 1 on a failure, 2 for bad usage or a rule file that does not load.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../engine/problems.js';
import { runRuleTests } from '../semgrep/test-rules.js';
import { EXIT_CLEAN, EXIT_FINDINGS } from './exit-codes.js';
import { knownRuleIds } from './rule-selection.js';

export const TEST_RULES_HELP = `Usage: rampart test-rules <dir|file>...

Runs each YAML rule file on the files beside it with the same name (rules/exec.yaml on rules/exec.js,
rules/exec.ts, ...) and checks the annotation comments on the line above each expected line:
  // ruleid: <id>      must be reported          // ok: <id>        must not be reported
  // todoruleid: <id>  a known miss (not yet)     // todook: <id>    a known false positive
Exit codes: 0 all pass, 1 a failure, 2 usage error or a rule file that does not load.`;

export function runTestRulesCommand(argv: readonly string[], io: { readonly cwd: string; readonly stdout: (text: string) => void }): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${TEST_RULES_HELP}\n`);
    return EXIT_CLEAN;
  }
  const option = argv.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new UsageError(`unknown option '${option}' for test-rules (see rampart test-rules --help)`);
  if (argv.length === 0) throw new UsageError('test-rules needs a rule directory or file (see rampart test-rules --help)');
  const cwd = realpathSync(io.cwd);
  const summary = runRuleTests(argv.map((path) => resolve(cwd, path)), { cwd, reservedIds: knownRuleIds(), print: (line) => io.stdout(`${line}\n`) });
  const total = summary.passed + summary.failed;
  if (total === 0) throw new UsageError(`no rule test found under ${argv.join(' ')} (a rule file x.yaml beside a target x.js or x.ts)`);
  io.stdout(summary.failed === 0 ? `✔ ${total} of ${total} checks pass\n` : `✖ ${summary.failed} of ${total} checks fail\n`);
  return summary.failed === 0 ? EXIT_CLEAN : EXIT_FINDINGS;
}
