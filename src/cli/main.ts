/**
 * The CLI: parse arguments, read the config, pick rules, scan through the gate (suppressions, baseline,
 * changed lines), write every requested report and the baseline, and return the exit code. Expected failures
 * (bad usage, bad config or baseline, no git repository) print one line without a stack and return 2.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EMPTY_CONFIG, loadConfig } from '../config/load-config.js';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/discover.js';
import { packageVersion } from '../engine/package-info.js';
import { ConfigError, UsageError } from '../engine/problems.js';
import { readBaseline, writeBaseline } from '../gate/baseline.js';
import { changesSince } from '../gate/changed-lines.js';
import { checkoutRoot, versionControlOf } from '../gate/git.js';
import { runGate } from '../gate/run-gate.js';
import { formatGitlabSast, type ScanTiming } from '../report/gitlab-sast.js';
import { formatJson } from '../report/json.js';
import type { ScanReport } from '../report/scan-report.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import type { Rule } from '../rules-api/rule-types.js';
import { loadYamlRules } from '../semgrep/load.js';
import { HELP_TEXT, parseArguments, type CliArguments, type OutputTarget } from './args.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './exit-codes.js';
import { knownRuleIds, selectRules } from './rule-selection.js';

export { selectRules } from './rule-selection.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const DEFAULT_CATEGORY = 'rampart';

function useColor(args: CliArguments, io: CliIo): boolean {
  if (args.color !== null) return args.color;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTty;
}

function render(target: OutputTarget, report: ScanReport, args: CliArguments, io: CliIo, timing: ScanTiming): string {
  switch (target.format) {
    case 'text':
      return formatText(report, { color: target.file === null && useColor(args, io), quiet: args.quiet });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { includeAbsent: !args.sarifOmitAbsent });
    case 'gitlab-sast':
      return formatGitlabSast(report, timing);
  }
}

/** GitHub's upload action appends '/' to a category; doing the same keeps both spellings one category. */
function automationId(category: string | null): string {
  const id = category ?? DEFAULT_CATEGORY;
  return id.endsWith('/') ? id : `${id}/`;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArguments(argv);
    if (args.help) {
      io.stdout(`${HELP_TEXT}\n`);
      return EXIT_CLEAN;
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_CLEAN;
    }
    // Real paths throughout: git reports the checkout root resolved, and SARIF URIs are relative to it.
    const cwd = realpathSync(io.cwd);
    // YAML rules (--rules, and the config's ruleDirectories) load before the config's `rules` is checked, which may name them.
    let yamlRules: readonly Rule[] | null = null;
    const loadRules = (ruleDirectories: readonly string[]): readonly Rule[] => {
      yamlRules ??= loadYamlRules([...args.rulePaths.map((path) => resolve(cwd, path)), ...ruleDirectories], { cwd, reservedIds: knownRuleIds() });
      return yamlRules;
    };
    const config = args.useConfig
      ? loadConfig({ cwd, explicitFile: args.configFile, knownRuleIds: knownRuleIds(), yamlRuleIds: (directories) => new Set(loadRules(directories).map((rule) => rule.id)) })
      : EMPTY_CONFIG;
    const customRules = loadRules(config.ruleDirectories);
    const selection = selectRules(args, config, customRules);
    const gitRoot = checkoutRoot(cwd);
    const sourceRoot = gitRoot !== null ? realpathSync(gitRoot) : cwd;
    const changes = args.changedSince !== null ? changesSince(cwd, args.changedSince) : null;
    const baseline = args.baseline !== null ? readBaseline(cwd, args.baseline) : null;

    const startedAt = new Date();
    const outcome = runGate({
      cwd,
      paths: args.paths,
      ignore: [...config.ignore, ...args.ignore],
      maxFileSize: args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      rules: selection.active,
      parser: args.parser,
      knownRuleIds: knownRuleIds(customRules),
      metaSeverity: selection.metaSeverity,
      sourceRoot,
      changes,
      changedLinesOnly: args.changedLinesOnly,
      baseline,
      failOn: args.failOn ?? config.failOn ?? 'low',
      acceptAll: args.writeBaseline !== null,
    });
    if (outcome.filesScanned === 0 && outcome.problems.length === 0 && changes === null && !args.passOnNoFiles) {
      // A gate that scans nothing passes everything: an `ignore: ["**"]`, or a shell glob that expanded to a
      // file named `--ignore=**`, would switch it off without a word.
      const where = args.paths.length === 0 ? '.' : args.paths.join(' ');
      throw new UsageError(`no file to scan under ${where} (none found, or all ignored); pass --pass-on-no-files to allow an empty scan`);
    }
    const report: ScanReport = {
      toolVersion: packageVersion(),
      root: cwd,
      sourceRoot,
      rules: selection.reported,
      findings: outcome.findings,
      absent: outcome.absent,
      problems: outcome.problems,
      filesScanned: outcome.filesScanned,
      automationId: automationId(args.category),
      versionControl: gitRoot !== null ? versionControlOf(sourceRoot, io.env) : null,
      hasBaseline: baseline !== null,
    };
    const timing: ScanTiming = { startedAt, finishedAt: new Date() };
    for (const target of args.outputs) {
      const text = render(target, report, args, io, timing);
      if (target.file === null) io.stdout(text);
      else {
        const path = resolve(cwd, target.file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    }
    if (args.writeBaseline !== null) {
      writeBaseline(cwd, args.writeBaseline, outcome.baselineEntries);
      if (!args.quiet) io.stderr(`rampart: wrote ${outcome.baselineEntries.length} finding(s) to the baseline ${args.writeBaseline}\n`);
    }
    const crashed = outcome.problems.some((problem) => problem.kind === 'internal-error');
    return crashed || outcome.findings.some((item) => item.isBlocking) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
