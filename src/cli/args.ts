/** Command-line parsing: a table of options, no dependency. Mistakes become a UsageError (exit 2). */
import { isParserName, PARSERS, type ParserName } from '../engine/parse.js';
import { UsageError } from '../engine/problems.js';
import { isSeverity, type Severity } from '../taxonomy/severity.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface OutputTarget {
  readonly format: FormatName;
  /** null: standard output. */
  readonly file: string | null;
}

export interface CliArguments {
  readonly paths: readonly string[];
  readonly outputs: readonly OutputTarget[];
  readonly failOn: Severity;
  readonly onlyRules: readonly string[];
  readonly disabledRules: readonly string[];
  readonly ignore: readonly string[];
  readonly maxFileSize: number | null;
  /** null: the engine's default (oxc, falling back to typescript-estree per file). */
  readonly parser: ParserName | null;
  readonly quiet: boolean;
  readonly color: boolean | null;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP_TEXT = `Usage: rampart [options] [paths...]

Scans TypeScript and JavaScript files (default: the current directory) for security weaknesses.

Options:
  --format <name>[=<file>]  text, json or sarif; repeat for several outputs
                            (e.g. --format text --format sarif=rampart.sarif)
  --fail-on <severity>      exit 1 when a finding is at or above: low, medium, high, critical (default: low)
  --rule <id>               run only this rule (repeatable)
  --disable <id>            do not run this rule (repeatable)
  --ignore <glob>           skip matching paths, relative to each scanned directory (repeatable)
  --max-file-size <bytes>   skip larger files with a notice (default: 1048576)
  --parser <name>           oxc (default; typescript-estree where oxc is not installed) or typescript-estree
  --quiet                   print findings only: no notices, no summary
  --color / --no-color      force colours on or off (default: on for a terminal)
  --version                 print the version
  --help                    print this help

Exit codes: 0 no findings at or above --fail-on, 1 findings (or a rule crashed), 2 usage or configuration error.`;

function isFormat(value: string): value is FormatName {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseArguments(argv: readonly string[]): CliArguments {
  const paths: string[] = [];
  const outputs: OutputTarget[] = [];
  const onlyRules: string[] = [];
  const disabledRules: string[] = [];
  const ignore: string[] = [];
  let failOn: Severity = 'low';
  let maxFileSize: number | null = null;
  let parser: ParserName | null = null;
  let quiet = false;
  let color: boolean | null = null;
  let help = false;
  let version = false;

  for (let index = 0; index < argv.length; index += 1) {
    const raw = argv[index] ?? '';
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
      case '--disable':
        disabledRules.push(value());
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
  return {
    paths,
    outputs: outputs.length === 0 ? [{ format: 'text', file: null }] : outputs,
    failOn,
    onlyRules,
    disabledRules,
    ignore,
    maxFileSize,
    parser,
    quiet,
    color,
    help,
    version,
  };
}
