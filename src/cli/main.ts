/**
 * The CLI: parse arguments, read the config, pick rules, scan through the gate (suppressions, baseline,
 * changed lines), write every requested report and the baseline, and return the exit code. Expected failures
 * (bad usage, bad config or baseline, no git repository) print one line without a stack and return 2.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EMPTY_CONFIG, loadConfig, type RampartConfig } from '../config/load-config.js';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/discover.js';
import { packageVersion } from '../engine/package-info.js';
import { ConfigError, UsageError } from '../engine/problems.js';
import type { ScanProgress } from '../engine/run.js';
import { ScanTimings } from '../engine/timings.js';
import { readBaseline, writeBaseline } from '../gate/baseline.js';
import { changesSince } from '../gate/changed-lines.js';
import { checkoutRoot, versionControlOf } from '../gate/git.js';
import { runGate } from '../gate/run-gate.js';
import { formatGitlabSast, type ScanTiming } from '../report/gitlab-sast.js';
import { formatGithubAnnotations } from '../report/github-annotations.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import type { ReportedRule, ScanReport } from '../report/scan-report.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { loadYamlRuleSet, type YamlRuleSet } from '../semgrep/load.js';
import { HELP_TEXT, parseArguments, type CliArguments, type OutputTarget } from './args.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './exit-codes.js';
import { explainRule } from './explain.js';
import { initProject } from './init.js';
import { runTestRulesCommand } from './test-rules-command.js';
import { listRules } from './list-rules.js';
import { knownRuleIds, selectRules } from './rule-selection.js';
import { closestMatch } from './suggest.js';

export { selectRules } from './rule-selection.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTty: boolean;
  /** Progress goes to standard error, and only to a terminal. */
  readonly stderrIsTty?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function useColor(args: CliArguments, io: CliIo): boolean {
  return useColorFor(args.color, io);
}

function useColorFor(forced: boolean | null, io: CliIo): boolean {
  if (forced !== null) return forced;
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
      return formatSarif(report, { includeAbsent: !args.sarifOmitAbsent, includeSuppressed: !args.sarifOmitSuppressed });
    case 'gitlab-sast':
      return formatGitlabSast(report, timing);
    case 'github':
      return formatGithubAnnotations(report);
    case 'junit':
      return formatJunit(report);
  }
}

/**
 * GitHub's upload action appends '/' to a category; doing the same keeps both spellings one category. No
 * category unless the user names one: upload-sarif's own `category` input is ignored when the file has one.
 */
function automationId(category: string | null): string | null {
  if (category === null) return null;
  return category.endsWith('/') ? category : `${category}/`;
}

/** Subcommands; anything else is a scan (`rampart [options] [paths]`, or `rampart scan ...`). */
const COMMANDS = ['scan', 'init', 'rules', 'explain', 'test-rules'] as const;

/** On a terminal, outside CI, unless told otherwise: a progress line in a pipe or a CI log is noise. */
function showProgress(args: CliArguments, io: CliIo): boolean {
  if (args.progress !== null) return args.progress;
  return io.stderrIsTty === true && (io.env['CI'] === undefined || io.env['CI'] === '' || io.env['CI'] === 'false') && !args.quiet;
}

/** One line rewritten in place: files done of total and the rate; cleared when the scan ends. */
function progressLine(io: CliIo): ScanProgress {
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let shownAt = 0;
  return {
    discovered(count: number): void {
      total = count;
      startedAt = performance.now();
    },
    fileDone(): void {
      done += 1;
      const now = performance.now();
      if (done < total && now - shownAt < 100) return;
      shownAt = now;
      const rate = done / Math.max((now - startedAt) / 1000, 0.001);
      io.stderr(done < total ? `\r\u001b[2Krampart: ${done}/${total} files (${rate.toFixed(0)}/s)` : '\r\u001b[2K');
    },
  };
}

function verboseSummary(filesScanned: number, rules: number, problems: number): string {
  return `rampart: scanned ${filesScanned} file${filesScanned === 1 ? '' : 's'} with ${rules} rule${rules === 1 ? '' : 's'}; ${problems} not scanned or incomplete\n`;
}

/** --print-config: what a scan of these paths would run with, after the config file and the flags. */
function effectiveConfig(args: CliArguments, config: RampartConfig, reported: readonly ReportedRule[]): string {
  const severities = new Map(reported.map((entry) => [entry.rule.id, entry.severity]));
  const known = [...knownRuleIds(reported.map((entry) => entry.rule).filter((rule) => rule.yamlSource !== undefined))].sort();
  return `${JSON.stringify(
    {
      configFile: config.file,
      paths: args.paths.length === 0 ? ['.'] : args.paths,
      minimumPrecision: args.minimumPrecision,
      failOn: args.failOn ?? config.failOn ?? 'low',
      ignore: [...config.ignore, ...args.ignore],
      ruleDirectories: config.ruleDirectories,
      maxFileSize: args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      parser: args.parser ?? 'oxc',
      rules: Object.fromEntries(known.map((id) => [id, severities.get(id) ?? 'off'])),
    },
    null,
    2,
  )}\n`;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const [first, ...rest] = argv;
    switch (first) {
      case 'rules':
        io.stdout(listRules(rest).stdout);
        return EXIT_CLEAN;
      case 'explain':
        io.stdout(explainRule(rest, useColorFor(null, io)).stdout);
        return EXIT_CLEAN;
      case 'init':
        io.stdout(initProject(rest, realpathSync(io.cwd)).stdout);
        return EXIT_CLEAN;
      case 'test-rules':
        return runTestRulesCommand(rest, io);
      case 'scan':
        return scanCommand(rest, io);
      default:
        if (first !== undefined && !first.startsWith('-') && !existsSync(resolve(io.cwd, first))) {
          const near = closestMatch(first, COMMANDS);
          if (near !== null) throw new UsageError(`unknown command '${first}' (did you mean '${near}'?); to scan a path of that name, write ./${first}`);
        }
        return scanCommand(argv, io);
    }
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function scanCommand(argv: readonly string[], io: CliIo): number {
  {
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
    let yamlRules: YamlRuleSet | null = null;
    const loadRules = (ruleDirectories: readonly string[]): YamlRuleSet => {
      yamlRules ??= loadYamlRuleSet([...args.rulePaths.map((path) => resolve(cwd, path)), ...ruleDirectories], { cwd, reservedIds: knownRuleIds(), strict: args.strictRules });
      return yamlRules;
    };
    const config = args.useConfig
      ? loadConfig({ cwd, explicitFile: args.configFile, knownRuleIds: knownRuleIds(), yamlRuleIds: (directories) => new Set(loadRules(directories).rules.map((rule) => rule.id)) })
      : EMPTY_CONFIG;
    const ruleSet = loadRules(config.ruleDirectories);
    const customRules = ruleSet.rules;
    const selection = selectRules(args, config, customRules);
    if (args.printConfig) {
      io.stdout(effectiveConfig(args, config, selection.reported));
      return EXIT_CLEAN;
    }
    const gitRoot = checkoutRoot(cwd);
    const sourceRoot = gitRoot !== null ? realpathSync(gitRoot) : cwd;
    const changes = args.changedSince !== null ? changesSince(cwd, args.changedSince) : null;
    const baseline = args.baseline !== null ? readBaseline(cwd, args.baseline) : null;

    const startedAt = new Date();
    const timings = args.timing ? new ScanTimings() : undefined;
    const progress = showProgress(args, io) ? progressLine(io) : undefined;
    const outcome = runGate({
      ...(timings !== undefined ? { timings } : {}),
      ...(progress !== undefined ? { progress } : {}),
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
      models: config.models,
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
      rulesNotLoaded: { skipped: ruleSet.skipped, otherLanguages: ruleSet.otherLanguages },
    };
    const timing: ScanTiming = { startedAt, finishedAt: new Date() };
    if (args.verbose) io.stderr(verboseSummary(outcome.filesScanned, selection.active.length, outcome.problems.length));
    if (timings !== undefined) io.stderr(timings.format());
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
  }
}
