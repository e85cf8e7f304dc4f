/**
 * The CLI: parse arguments, pick rules, scan, write every requested report, and return the exit code.
 * Expected failures (bad usage, bad config) print one line without a stack and return 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/discover.js';
import type { ActiveRule } from '../engine/dispatch.js';
import { packageVersion } from '../engine/package-info.js';
import { ConfigError, UsageError } from '../engine/problems.js';
import { scan } from '../engine/run.js';
import { formatJson } from '../report/json.js';
import type { ScanReport } from '../report/scan-report.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { BUILT_IN_RULES } from '../rules-api/registry.js';
import { isAtLeast } from '../taxonomy/severity.js';
import { HELP_TEXT, parseArguments, type CliArguments, type OutputTarget } from './args.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './exit-codes.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function selectRules(args: Pick<CliArguments, 'onlyRules' | 'disabledRules'>): ActiveRule[] {
  const known = new Set(BUILT_IN_RULES.map((rule) => rule.id));
  for (const id of [...args.onlyRules, ...args.disabledRules]) {
    if (!known.has(id)) throw new UsageError(`unknown rule '${id}' (known: ${[...known].join(', ')})`);
  }
  return BUILT_IN_RULES.filter((rule) => args.onlyRules.length === 0 || args.onlyRules.includes(rule.id))
    .filter((rule) => !args.disabledRules.includes(rule.id))
    .map((rule) => ({ rule, severity: rule.severity }));
}

function useColor(args: CliArguments, io: CliIo): boolean {
  if (args.color !== null) return args.color;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTty;
}

function render(target: OutputTarget, report: ScanReport, args: CliArguments, io: CliIo): string {
  switch (target.format) {
    case 'text':
      return formatText(report, { color: target.file === null && useColor(args, io), quiet: args.quiet });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
  }
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
    const rules = selectRules(args);
    const result = scan({
      paths: args.paths,
      cwd: io.cwd,
      ignore: args.ignore,
      maxFileSize: args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      rules,
      ...(args.parser !== null ? { parser: args.parser } : {}),
    });
    const report: ScanReport = {
      toolVersion: packageVersion(),
      root: io.cwd,
      rules: rules.map((active) => active.rule),
      findings: result.findings,
      problems: result.problems,
      filesScanned: result.filesScanned,
    };
    for (const target of args.outputs) {
      const text = render(target, report, args, io);
      if (target.file === null) io.stdout(text);
      else {
        const path = resolve(io.cwd, target.file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    }
    const failing = result.findings.some((finding) => isAtLeast(finding.severity, args.failOn));
    const crashed = result.problems.some((problem) => problem.kind === 'internal-error');
    return failing || crashed ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
