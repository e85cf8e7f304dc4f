/**
 * One YAML rule file, parsed as data with positions (config/positioned-document.ts: duplicate keys are
 * errors, aliases are capped, nothing is evaluated), and the helpers that turn a mistake into a ConfigError at
 * `file:line:column`. A mistake inside a pattern is placed inside the YAML scalar that holds it.
 */
import { ConfigError } from '../engine/problems.js';
import { parseDataFile, type DataPath, type PositionedDocument } from '../config/positioned-document.js';

export type YamlMap = Readonly<Record<string, unknown>>;

/**
 * A rule that is valid Semgrep but uses what rampart does not run (an operator, a taint option, a pattern its
 * parser cannot read). The loader skips that rule with a notice and loads the rest; `--strict-rules` makes
 * it an error like any other ConfigError.
 */
export class UnsupportedRuleError extends ConfigError {
  constructor(error: ConfigError) {
    super(error.file, error.line, error.column, error.problem);
    this.name = 'UnsupportedRuleError';
  }
}

export class RuleFile {
  readonly file: string;
  readonly document: PositionedDocument;
  private readonly lines: readonly string[];

  constructor(file: string, text: string) {
    this.file = file;
    this.document = parseDataFile(file, text, 'yaml');
    this.lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  }

  errorAt(path: DataPath, problem: string, part: 'key' | 'value' = 'value'): ConfigError {
    return this.document.errorAt(path, problem, part);
  }

  /** Like errorAt, for a valid rule that uses a feature rampart does not support. */
  unsupportedAt(path: DataPath, problem: string, part: 'key' | 'value' = 'value'): UnsupportedRuleError {
    return new UnsupportedRuleError(this.document.errorAt(path, problem, part));
  }

  lineOf(path: DataPath): number {
    return this.document.positionOf(path).line;
  }

  /**
   * A ConfigError at `offset` inside the pattern string at `path`. Block scalars (`|`, `>`) start on the next
   * line at their indentation; quoted scalars one column after the quote; escapes inside quotes can shift
   * the column slightly.
   */
  patternErrorAt(path: DataPath, pattern: string, offset: number, problem: string): ConfigError {
    const start = this.document.positionOf(path);
    const before = pattern.slice(0, offset);
    const patternLine = before.split('\n').length - 1;
    const patternColumn = offset - (before.lastIndexOf('\n') + 1);
    const indicator = this.lines[start.line - 1]?.[start.column - 1] ?? '';
    if (indicator === '|' || indicator === '>') {
      const firstContent = this.lines.slice(start.line).find((line) => line.trim() !== '') ?? '';
      const indent = firstContent.length - firstContent.trimStart().length;
      return new ConfigError(this.file, start.line + 1 + patternLine, indent + patternColumn + 1, problem);
    }
    const quoted = indicator === '"' || indicator === "'" ? 1 : 0;
    const column = patternLine === 0 ? start.column + quoted + patternColumn : patternColumn + 1;
    return new ConfigError(this.file, start.line + patternLine, column, problem);
  }
}

export function isYamlMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
