/**
 * The scan's command line, parsed by node's util.parseArgs from a table of options. Mistakes become one-line
 * UsageErrors (exit 2), with "did you mean" for a mistyped option or format.
 */
import { parseArgs } from 'node:util';
import { isParserName, PARSERS, type ParserName } from '../engine/parse.js';
import { UsageError } from '../engine/problems.js';
import { DEFAULT_MINIMUM_PRECISION, isPrecision, PRECISIONS, type Precision } from '../taxonomy/severity.js';
import { isSeverity, type Severity } from '../taxonomy/severity.js';
import { didYouMean } from './suggest.js';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab-sast', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface OutputTarget {
  readonly format: FormatName;
  /** null: standard output. */
  readonly file: string | null;
}

export interface SeverityOverride {
  readonly ruleId: string;
  readonly severity: Severity;
}

export interface CliArguments {
  readonly paths: readonly string[];
  readonly outputs: readonly OutputTarget[];
  /** null: the config's failOn, else low. */
  readonly failOn: Severity | null;
  readonly severityOverrides: readonly SeverityOverride[];
  /** --config <file>; null: search the working directory. */
  readonly configFile: string | null;
  readonly useConfig: boolean;
  /** --print-config: print the effective configuration for the first path and exit. */
  readonly printConfig: boolean;
  readonly baseline: string | null;
  readonly writeBaseline: string | null;
  readonly changedSince: string | null;
  readonly changedLinesOnly: boolean;
  /** SARIF automationDetails.id (GitHub's analysis category). */
  readonly category: string | null;
  readonly sarifOmitAbsent: boolean;
  /**
   * Leave findings suppressed in source out of the SARIF: GitHub code scanning ignores SARIF `suppressions`
   * and would show each reviewed finding as an open alert.
   */
  readonly sarifOmitSuppressed: boolean;
  readonly onlyRules: readonly string[];
  readonly disabledRules: readonly string[];
  /** --rules: Semgrep-style YAML rule files or directories, relative to the working directory. */
  readonly rulePaths: readonly string[];
  /** --strict-rules: a YAML rule rampart cannot run is an error (exit 2), not skipped with a notice. */
  readonly strictRules: boolean;
  /** Rules below this precision do not run (default: high, the recommended set; --all: low). */
  readonly minimumPrecision: Precision;
  readonly ignore: readonly string[];
  readonly maxFileSize: number | null;
  /** null: the engine's default (oxc, falling back to typescript-estree per file). */
  readonly parser: ParserName | null;
  readonly quiet: boolean;
  /** Notices about each phase (files found, rules run, reach that stopped) on standard error. */
  readonly verbose: boolean;
  /** Time per phase and per rule, on standard error after the scan. */
  readonly timing: boolean;
  /** A live count of files on standard error: null means only when it is a terminal and not CI. */
  readonly progress: boolean | null;
  /** A scan that covers no file is a usage error (the gate must not pass by scanning nothing) unless this is set. */
  readonly passOnNoFiles: boolean;
  readonly color: boolean | null;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP_TEXT = `Usage: rampart [options] [--] [paths...]
       rampart <command> [options]

Scans TypeScript and JavaScript files (default: the current directory) for security weaknesses.
Everything after -- is a path, even when it starts with a dash: write \`rampart -- *\` when a shell
glob may expand to a file named like an option.

Commands:
  init                      write rampart.config.yaml, a GitHub workflow and an ESLint config
  rules                     list every rule: CWE, OWASP, severity, precision, default set
  explain <rule>            print a rule's documentation
  test-rules <dir|file>...  test YAML rules against their annotated targets (Semgrep's --test)
  scan [paths...]           scan (the default; use it to scan a folder named like a command)

Options:
  --format <name>[=<file>]  text, json, sarif, gitlab-sast, github (workflow annotations) or junit;
                            repeat for several outputs (e.g. --format text --format sarif=rampart.sarif)
  --fail-on <severity>      exit 1 when a finding is at or above: low, medium, high, critical
                            (default: the config's failOn, else low)
  --all                     run every rule, the low-precision audit tier included
  --precision <tier>        run rules at or above this precision: low, medium, high (default), very-high
  --rule <id>               run only this rule (repeatable)
  --disable <id>            do not run this rule (repeatable)
  --rules <path>            also run Semgrep-style YAML rules from this file or directory
                            (repeatable; see docs/guides/custom-rules.md)
  --strict-rules            exit 2 for a YAML rule rampart cannot run (default: skip it with a notice)
  --rule-severity <id>=<severity>
                            run a rule at another severity (repeatable; also sets its SARIF severity)
  --ignore <glob>           skip matching paths, relative to each scanned directory (repeatable)
  --config <file>           read this rampart.config.json/.yaml (default: rampart.config.json,
                            rampart.config.yaml or package.json "rampart" in the working directory)
  --no-config               read no config file
  --print-config            print the effective configuration (rules, severities, ignores) and exit

CI gate:
  --baseline <file>         findings listed in this baseline are known: only new ones fail the build
  --write-baseline <file>   write every current finding to this baseline and exit 0
  --changed-since <ref>     scan only files changed since the merge base of <ref> (via git)
  --changed-lines-only      with --changed-since: report only findings on changed lines
  --category <id>           SARIF automationDetails.id, GitHub's analysis category (default: none, so
                            upload-sarif's category input applies)
  --sarif-omit-absent       leave fixed baseline findings (baselineState absent) out of the SARIF
  --sarif-omit-suppressed   leave findings suppressed in source out of the SARIF (GitHub code scanning
                            ignores SARIF suppressions and would show them as open alerts)
  --pass-on-no-files        let a scan that covers no file pass (default: exit 2, so an ignore
                            pattern or a file named like an option cannot switch the gate off)

Suppress one reviewed finding with a reason (required):
  // rampart-ignore-next-line <rule-id> -- <reason>     on the line above
  // rampart-ignore <rule-id> -- <reason>               at the end of the line

Output:
  --quiet                   print findings only: no notices, no summary
  --verbose                 say what each phase did (files found, rules run) on standard error
  --timing                  print the time of each phase and rule on standard error
  --progress / --no-progress
                            a live file count on standard error (default: on a terminal outside CI)
  --color / --no-color      force colours on or off (default: on for a terminal)
  --max-file-size <bytes>   skip larger files with a notice (default: 1048576)
  --parser <name>           oxc (default; typescript-estree where oxc is not installed) or typescript-estree
  --version                 print the version
  --help                    print this help

Exit codes: 0 no (new) findings at or above --fail-on, 1 findings (or a rule crashed),
2 usage or configuration error.`;

function isFormat(value: string): value is FormatName {
  return (FORMATS as readonly string[]).includes(value);
}

/** Every option of a scan, for node's parseArgs; `--no-x` forms are their own booleans (Node 20 has no allowNegative). */
const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'fail-on': { type: 'string' },
  rule: { type: 'string', multiple: true },
  disable: { type: 'string', multiple: true },
  rules: { type: 'string', multiple: true },
  'strict-rules': { type: 'boolean' },
  'rule-severity': { type: 'string', multiple: true },
  all: { type: 'boolean' },
  precision: { type: 'string' },
  ignore: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'print-config': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'changed-since': { type: 'string' },
  'changed-lines-only': { type: 'boolean' },
  category: { type: 'string' },
  'sarif-omit-absent': { type: 'boolean' },
  'sarif-omit-suppressed': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  parser: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  timing: { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  'pass-on-no-files': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS).map((name) => `--${name}`);

/** parseArgs' own errors, retold as one line in rampart's words, with a suggestion for a mistyped option. */
function usageErrorOf(error: unknown): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option '${flag}'${didYouMean(flag, OPTION_NAMES)} (see rampart --help)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? new UsageError(`${flag} takes no value`) : new UsageError(`${flag} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument '${flag}'`);
    default:
      return new UsageError(message.split('\n')[0] ?? message);
  }
}

export function parseArguments(argv: readonly string[]): CliArguments {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    if (error instanceof TypeError && typeof (error as { code?: unknown }).code === 'string') throw usageErrorOf(error);
    throw error;
  }
  const { values, positionals: paths } = parsed;
  const outputs: OutputTarget[] = (values.format ?? []).map((spec) => {
    const [name = '', ...file] = spec.split('=');
    if (!isFormat(name)) throw new UsageError(`unknown format '${name}'${didYouMean(name, FORMATS)} (expected ${FORMATS.join(', ')})`);
    if (file.length > 0 && file.join('=').trim() === '') throw new UsageError(`--format ${name}= needs a file name after '='`);
    return { format: name, file: file.length > 0 ? file.join('=') : null };
  });
  const failOnText = values['fail-on'];
  if (failOnText !== undefined && !isSeverity(failOnText)) throw new UsageError(`unknown severity '${failOnText}' (expected low, medium, high or critical)`);
  const failOn: Severity | null = failOnText ?? null;
  const severityOverrides: SeverityOverride[] = (values['rule-severity'] ?? []).map((spec) => {
    const [ruleId = '', severity = ''] = spec.split('=');
    if (ruleId === '' || !isSeverity(severity)) throw new UsageError(`--rule-severity needs <rule-id>=<low|medium|high|critical>, not '${spec}'`);
    return { ruleId, severity };
  });
  const category = values.category ?? null;
  if (category !== null && category.trim() === '') throw new UsageError('--category needs a non-empty id');
  let maxFileSize: number | null = null;
  if (values['max-file-size'] !== undefined) {
    const size = Number(values['max-file-size']);
    if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--max-file-size needs a positive whole number of bytes, not '${values['max-file-size']}'`);
    maxFileSize = size;
  }
  const parserName = values.parser;
  if (parserName !== undefined && !isParserName(parserName)) throw new UsageError(`unknown parser '${parserName}' (expected ${PARSERS.join(' or ')})`);
  const parser: ParserName | null = parserName ?? null;
  const precisionText = values.precision;
  if (precisionText !== undefined && !isPrecision(precisionText)) throw new UsageError(`unknown precision '${precisionText}' (expected ${PRECISIONS.join(', ')})`);
  if (precisionText !== undefined && values.all === true) throw new UsageError('--all and --precision contradict each other');
  const minimumPrecision: Precision = values.all === true ? 'low' : (precisionText ?? DEFAULT_MINIMUM_PRECISION);
  if (values.color === true && values['no-color'] === true) throw new UsageError('--color and --no-color contradict each other');
  if (values.progress === true && values['no-progress'] === true) throw new UsageError('--progress and --no-progress contradict each other');
  const useConfig = values['no-config'] !== true;
  const configFile = values.config ?? null;
  const changedSince = values['changed-since'] ?? null;
  const changedLinesOnly = values['changed-lines-only'] === true;
  const writeBaseline = values['write-baseline'] ?? null;
  const stdoutTargets = outputs.filter((output) => output.file === null).length;
  if (stdoutTargets > 1) throw new UsageError('only one --format can write to standard output; give the others a file (--format sarif=out.sarif)');
  if (changedLinesOnly && changedSince === null) throw new UsageError('--changed-lines-only needs --changed-since <git-ref>');
  if (writeBaseline !== null && changedSince !== null) {
    throw new UsageError('--write-baseline records the whole scan; it cannot be combined with --changed-since, which scans only changed files');
  }
  if (configFile !== null && !useConfig) throw new UsageError('--config and --no-config contradict each other');
  return {
    paths,
    outputs: outputs.length === 0 ? [{ format: 'text', file: null }] : outputs,
    failOn,
    severityOverrides,
    configFile,
    useConfig,
    printConfig: values['print-config'] === true,
    baseline: values.baseline ?? null,
    writeBaseline,
    changedSince,
    changedLinesOnly,
    category,
    sarifOmitAbsent: values['sarif-omit-absent'] === true,
    sarifOmitSuppressed: values['sarif-omit-suppressed'] === true,
    onlyRules: values.rule ?? [],
    disabledRules: values.disable ?? [],
    rulePaths: values.rules ?? [],
    strictRules: values['strict-rules'] === true,
    minimumPrecision,
    ignore: values.ignore ?? [],
    maxFileSize,
    parser,
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    timing: values.timing === true,
    progress: values.progress === true ? true : values['no-progress'] === true ? false : null,
    passOnNoFiles: values['pass-on-no-files'] === true,
    color: values.color === true ? true : values['no-color'] === true ? false : null,
    help: values.help === true,
    version: values.version === true,
  };
}
