/** Command-line parsing: a table of options, no dependency. Mistakes become a UsageError (exit 2). */
import { isParserName, PARSERS, type ParserName } from '../engine/parse.js';
import { UsageError } from '../engine/problems.js';
import { isSeverity, type Severity } from '../taxonomy/severity.js';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab-sast'] as const;
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
  readonly baseline: string | null;
  readonly writeBaseline: string | null;
  readonly changedSince: string | null;
  readonly changedLinesOnly: boolean;
  /** SARIF automationDetails.id (GitHub's analysis category). */
  readonly category: string | null;
  readonly sarifOmitAbsent: boolean;
  readonly onlyRules: readonly string[];
  readonly disabledRules: readonly string[];
  /** --rules: Semgrep-style YAML rule files or directories, relative to the working directory. */
  readonly rulePaths: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number | null;
  /** null: the engine's default (oxc, falling back to typescript-estree per file). */
  readonly parser: ParserName | null;
  readonly quiet: boolean;
  /** A scan that covers no file is a usage error (the gate must not pass by scanning nothing) unless this is set. */
  readonly passOnNoFiles: boolean;
  readonly color: boolean | null;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP_TEXT = `Usage: rampart [options] [--] [paths...]

Scans TypeScript and JavaScript files (default: the current directory) for security weaknesses.
Everything after -- is a path, even when it starts with a dash: write \`rampart -- *\` when a shell
glob may expand to a file named like an option.

Options:
  --format <name>[=<file>]  text, json, sarif or gitlab-sast; repeat for several outputs
                            (e.g. --format text --format sarif=rampart.sarif)
  --fail-on <severity>      exit 1 when a finding is at or above: low, medium, high, critical
                            (default: the config's failOn, else low)
  --rule <id>               run only this rule (repeatable)
  --disable <id>            do not run this rule (repeatable)
  --rules <path>            also run Semgrep-style YAML rules from this file or directory
                            (repeatable; see docs/guides/custom-rules.md)
  --rule-severity <id>=<severity>
                            run a rule at another severity (repeatable; also sets its SARIF severity)
  --ignore <glob>           skip matching paths, relative to each scanned directory (repeatable)
  --config <file>           read this rampart.config.json/.yaml (default: rampart.config.json,
                            rampart.config.yaml or package.json "rampart" in the working directory)
  --no-config               read no config file

CI gate:
  --baseline <file>         findings listed in this baseline are known: only new ones fail the build
  --write-baseline <file>   write every current finding to this baseline and exit 0
  --changed-since <ref>     scan only files changed since the merge base of <ref> (via git)
  --changed-lines-only      with --changed-since: report only findings on changed lines
  --category <id>           SARIF automationDetails.id, GitHub's analysis category (default: rampart)
  --sarif-omit-absent       leave fixed baseline findings (baselineState absent) out of the SARIF

Suppress one reviewed finding with a reason (required):
  // rampart-ignore-next-line <rule-id> -- <reason>     on the line above
  // rampart-ignore <rule-id> -- <reason>               at the end of the line

  --max-file-size <bytes>   skip larger files with a notice (default: 1048576)
  --parser <name>           oxc (default; typescript-estree where oxc is not installed) or typescript-estree
  --quiet                   print findings only: no notices, no summary
  --pass-on-no-files        let a scan that covers no file pass (default: exit 2, so an ignore
                            pattern or a file named like an option cannot switch the gate off)
  --color / --no-color      force colours on or off (default: on for a terminal)
  --version                 print the version
  --help                    print this help

Exit codes: 0 no (new) findings at or above --fail-on, 1 findings (or a rule crashed),
2 usage or configuration error.`;

function isFormat(value: string): value is FormatName {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseArguments(argv: readonly string[]): CliArguments {
  const paths: string[] = [];
  const outputs: OutputTarget[] = [];
  const onlyRules: string[] = [];
  const disabledRules: string[] = [];
  const rulePaths: string[] = [];
  const ignore: string[] = [];
  let failOn: Severity | null = null;
  const severityOverrides: SeverityOverride[] = [];
  let configFile: string | null = null;
  let useConfig = true;
  let baseline: string | null = null;
  let writeBaseline: string | null = null;
  let changedSince: string | null = null;
  let changedLinesOnly = false;
  let category: string | null = null;
  let sarifOmitAbsent = false;
  let maxFileSize: number | null = null;
  let parser: ParserName | null = null;
  let quiet = false;
  let passOnNoFiles = false;
  let color: boolean | null = null;
  let help = false;
  let version = false;

  for (let index = 0; index < argv.length; index += 1) {
    const raw = argv[index] ?? '';
    if (raw === '--') {
      // End of options: the rest are paths, even ones that start with a dash.
      paths.push(...argv.slice(index + 1));
      break;
    }
    const equals = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = equals > 0 ? raw.slice(0, equals) : raw;
    const inline = equals > 0 ? raw.slice(equals + 1) : null;
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[index + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const spec = value();
        const [name = '', ...file] = spec.split('=');
        if (!isFormat(name)) throw new UsageError(`unknown format '${name}' (expected ${FORMATS.join(', ')})`);
        if (file.length > 0 && file.join('=').trim() === '') throw new UsageError(`--format ${name}= needs a file name after '='`);
        outputs.push({ format: name, file: file.length > 0 ? file.join('=') : null });
        break;
      }
      case '--fail-on': {
        const severity = value();
        if (!isSeverity(severity)) throw new UsageError(`unknown severity '${severity}' (expected low, medium, high or critical)`);
        failOn = severity;
        break;
      }
      case '--rule':
        onlyRules.push(value());
        break;
      case '--rule-severity': {
        const spec = value();
        const [ruleId = '', severity = ''] = spec.split('=');
        if (ruleId === '' || !isSeverity(severity)) throw new UsageError(`--rule-severity needs <rule-id>=<low|medium|high|critical>, not '${spec}'`);
        severityOverrides.push({ ruleId, severity });
        break;
      }
      case '--config':
        configFile = value();
        break;
      case '--no-config':
        useConfig = false;
        break;
      case '--baseline':
        baseline = value();
        break;
      case '--write-baseline':
        writeBaseline = value();
        break;
      case '--changed-since':
        changedSince = value();
        break;
      case '--changed-lines-only':
        changedLinesOnly = true;
        break;
      case '--category': {
        const given = value();
        if (given.trim() === '') throw new UsageError('--category needs a non-empty id');
        category = given;
        break;
      }
      case '--sarif-omit-absent':
        sarifOmitAbsent = true;
        break;
      case '--disable':
        disabledRules.push(value());
        break;
      case '--rules':
        rulePaths.push(value());
        break;
      case '--ignore':
        ignore.push(value());
        break;
      case '--max-file-size': {
        const text = value();
        const size = Number(text);
        if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--max-file-size needs a positive whole number of bytes, not '${text}'`);
        maxFileSize = size;
        break;
      }
      case '--parser': {
        const name = value();
        if (!isParserName(name)) throw new UsageError(`unknown parser '${name}' (expected ${PARSERS.join(' or ')})`);
        parser = name;
        break;
      }
      case '--quiet':
      case '-q':
        quiet = true;
        break;
      case '--pass-on-no-files':
        passOnNoFiles = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--version':
      case '-v':
        version = true;
        break;
      default:
        if (raw.startsWith('-') && raw !== '-') throw new UsageError(`unknown option '${raw}' (see rampart --help)`);
        paths.push(raw);
    }
  }
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
    baseline,
    writeBaseline,
    changedSince,
    changedLinesOnly,
    category,
    sarifOmitAbsent,
    onlyRules,
    disabledRules,
    rulePaths,
    ignore,
    maxFileSize,
    parser,
    quiet,
    passOnNoFiles,
    color,
    help,
    version,
  };
}
