/**
 * Semgrep's pattern operators (YAML) → a Formula, once per rule at load. Every mistake is a ConfigError at the
 * operator's position: an unknown operator or a `patterns` without a positive pattern (an invalid rule), and,
 * as an UnsupportedRuleError that skips just this rule, a Semgrep operator rampart does not run, a pattern
 * its parser cannot read (placed inside the pattern) or a regex JavaScript cannot run.
 */
import type { DataPath } from '../config/positioned-document.js';
import type { ConfigError } from '../engine/problems.js';
import { anchorsOf } from './anchors.js';
import { allFormula, eitherFormula, patternFormula, regexFormula, type Condition, type Formula } from './formula.js';
import { parsePattern, PatternSyntaxError } from './pattern-parse.js';
import { normalizeModule } from './pattern-markers.js';
import { leftAnchoredRegex, RegexSyntaxError, searchRegex } from './regex.js';
import { isYamlMap, UnsupportedRuleError, type RuleFile, type YamlMap } from './rule-file.js';

export const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'] as const;

const UNSUPPORTED: Readonly<Record<string, string>> = {
  'metavariable-comparison': 'metavariable-comparison is not supported; use metavariable-regex on the value',
  'metavariable-type': 'metavariable-type is not supported (rampart reads no type information)',
  'metavariable-analysis': 'metavariable-analysis is not supported',
  'pattern-where-python': 'pattern-where-python is not supported: rampart never runs code from a rule',
  'pattern-propagators': 'pattern-propagators is not supported',
  'semgrep-internal-pattern-anywhere': 'semgrep-internal-pattern-anywhere is not supported',
};

const METAVARIABLE_REFERENCE = /^\$(\.\.\.)?[A-Z_][A-Z0-9_]*$/;

export class FormulaCompiler {
  private readonly file: RuleFile;
  /** Metavariables written in the rule's patterns, to reject a condition or focus on a misspelt one. */
  private readonly written: ReadonlySet<string>;

  constructor(file: RuleFile, rule: YamlMap) {
    this.file = file;
    this.written = new Set(patternTexts(rule).flatMap((text) => text.match(/\$(\.\.\.)?[A-Z_][A-Z0-9_]*/g) ?? []));
  }

  /** The formula of a map that holds exactly one of `pattern`, `patterns`, `pattern-either`, `pattern-regex`. */
  formulaOf(map: YamlMap, path: DataPath, allowed: readonly string[] = []): Formula {
    const keys = Object.keys(map).filter((key) => !allowed.includes(key));
    const present = keys.filter((key) => (FORMULA_KEYS as readonly string[]).includes(key));
    for (const key of keys) {
      if (!(FORMULA_KEYS as readonly string[]).includes(key)) throw this.operatorError([...path, key], key);
    }
    const key = present[0];
    if (key === undefined) throw this.file.errorAt(path, `expected one of ${FORMULA_KEYS.join(', ')}`);
    if (present.length > 1) throw this.file.errorAt([...path, present[1] ?? ''], `only one of ${present.join(', ')} may appear here`, 'key');
    return this.operator(key, map[key], [...path, key]);
  }

  /** A Semgrep operator rampart does not run skips the rule; a key Semgrep does not know is an invalid rule. */
  private operatorError(path: DataPath, key: string): ConfigError {
    const unsupported = UNSUPPORTED[key];
    return unsupported !== undefined ? this.file.unsupportedAt(path, unsupported, 'key') : this.file.errorAt(path, `unknown operator '${key}'`, 'key');
  }

  private operator(key: string, value: unknown, path: DataPath): Formula {
    switch (key) {
      case 'pattern':
        return patternFormula(this.pattern(value, path));
      case 'pattern-regex':
        return regexFormula(this.regex(value, path, searchRegex));
      case 'pattern-either':
        return eitherFormula(this.list(value, path).map((item, index) => this.eitherItem(item, [...path, index])));
      case 'patterns':
        return this.all(this.list(value, path), path, false);
      default:
        throw this.operatorError(path, key);
    }
  }

  private list(value: unknown, path: DataPath): readonly unknown[] {
    if (!Array.isArray(value) || value.length === 0) throw this.file.errorAt(path, 'expected a non-empty list of operators');
    return value;
  }

  private eitherItem(item: unknown, path: DataPath): Formula {
    const [key, value] = this.singleOperator(item, path);
    // Semgrep allows pattern-inside under pattern-either: there it is one more way to match.
    if (key === 'pattern-inside') return this.patternOrFormula(value, [...path, key]);
    return this.operator(key, value, [...path, key]);
  }

  private singleOperator(item: unknown, path: DataPath): [string, unknown] {
    if (!isYamlMap(item)) throw this.file.errorAt(path, 'expected an operator such as `pattern: ...`');
    const keys = Object.keys(item);
    if (keys.length !== 1 || keys[0] === undefined) throw this.file.errorAt(path, `expected exactly one operator here, found ${keys.length === 0 ? 'none' : keys.join(', ')}`);
    return [keys[0], item[keys[0]]];
  }

  /** `pattern-inside: <pattern>` or `pattern-inside: { patterns: ... }`. */
  private patternOrFormula(value: unknown, path: DataPath): Formula {
    return isYamlMap(value) ? this.formulaOf(value, path) : patternFormula(this.pattern(value, path));
  }

  /** `patterns`: an AND, evaluated in Semgrep's order (see formula.ts). */
  all(items: readonly unknown[], path: DataPath, allowNoPositive: boolean): Formula {
    const positives: Formula[] = [];
    const insides: Formula[] = [];
    const nots: Formula[] = [];
    const notInsides: Formula[] = [];
    const notRegexes: RegExp[] = [];
    const conditions: Condition[] = [];
    const focus: string[] = [];
    items.forEach((item, index) => {
      const [key, value] = this.singleOperator(item, [...path, index]);
      const at = [...path, index, key];
      switch (key) {
        case 'pattern':
        case 'patterns':
        case 'pattern-either':
        case 'pattern-regex':
          positives.push(this.operator(key, value, at));
          break;
        case 'pattern-inside':
          insides.push(this.patternOrFormula(value, at));
          break;
        case 'pattern-not':
          nots.push(this.patternOrFormula(value, at));
          break;
        case 'pattern-not-inside':
          notInsides.push(this.patternOrFormula(value, at));
          break;
        case 'pattern-not-regex':
          notRegexes.push(this.regex(value, at, searchRegex));
          break;
        case 'focus-metavariable':
          focus.push(...this.focusNames(value, at));
          break;
        case 'metavariable-regex':
        case 'metavariable-pattern':
        case 'metavariable-name':
          conditions.push(this.condition(key, value, at));
          break;
        default:
          throw this.operatorError(at, key);
      }
    });
    // Candidates come from a structural pattern when there is one; a regex or an inside leads only when alone.
    const primaryIndex = Math.max(positives.findIndex((formula) => formula.kind !== 'regex'), 0);
    const primary = positives[primaryIndex] ?? insides.shift() ?? null;
    if (primary === null && !allowNoPositive) throw this.file.errorAt(path, 'patterns needs at least one positive operator (pattern, pattern-either, pattern-regex or pattern-inside)');
    const intersect = positives.filter((_formula, index) => index !== primaryIndex);
    return allFormula({ primary, intersect, insides, nots, notInsides, notRegexes, conditions, focus });
  }

  private focusNames(value: unknown, path: DataPath): string[] {
    const names = Array.isArray(value) ? value : [value];
    return names.map((name, index) => this.metavariable(name, Array.isArray(value) ? [...path, index] : path));
  }

  private metavariable(name: unknown, path: DataPath): string {
    if (typeof name !== 'string' || !METAVARIABLE_REFERENCE.test(name)) throw this.file.errorAt(path, `expected a metavariable such as $X, not ${JSON.stringify(name)}`);
    if (!this.written.has(name)) throw this.file.errorAt(path, `${name} does not appear in any pattern of this rule`);
    return name;
  }

  private condition(key: string, value: unknown, path: DataPath): Condition {
    if (!isYamlMap(value)) throw this.file.errorAt(path, `${key} needs a map with a metavariable`);
    const name = this.metavariable(value['metavariable'], [...path, 'metavariable']);
    if (key === 'metavariable-regex') {
      this.onlyKeys(value, ['metavariable', 'regex'], path);
      return { kind: 'metavariable-regex', name, regex: this.regex(value['regex'], [...path, 'regex'], leftAnchoredRegex) };
    }
    if (key === 'metavariable-name') {
      this.onlyKeys(value, ['metavariable', 'module', 'modules'], path);
      const modules = value['modules'] ?? (value['module'] === undefined ? undefined : [value['module']]);
      if (!Array.isArray(modules) || modules.length === 0 || !modules.every((module) => typeof module === 'string')) {
        throw this.file.unsupportedAt(path, 'metavariable-name needs `module` or `modules` (rampart supports the module constraint only)');
      }
      return { kind: 'metavariable-module', name, modules: new Set(modules.map((module: string) => normalizeModule(module))) };
    }
    const language = value['language'];
    if (language !== undefined && !(typeof language === 'string' && /^(js|javascript|ts|typescript)$/i.test(language))) {
      throw this.file.unsupportedAt([...path, 'language'], `metavariable-pattern in language ${JSON.stringify(language)} is not supported (only JavaScript/TypeScript)`);
    }
    const rest: Record<string, unknown> = { ...value };
    delete rest['metavariable'];
    delete rest['language'];
    const patterns = rest['patterns'];
    if (Array.isArray(patterns) && Object.keys(rest).length === 1) return { kind: 'metavariable-pattern', name, formula: this.all(patterns, [...path, 'patterns'], true) };
    return { kind: 'metavariable-pattern', name, formula: this.formulaOf(rest, path) };
  }

  private onlyKeys(map: YamlMap, keys: readonly string[], path: DataPath): void {
    for (const key of Object.keys(map)) if (!keys.includes(key)) throw this.file.errorAt([...path, key], `unexpected key '${key}' (expected ${keys.join(', ')})`, 'key');
  }

  private pattern(value: unknown, path: DataPath): ReturnType<typeof compilePattern> {
    if (typeof value !== 'string') throw this.file.errorAt(path, 'a pattern must be a string');
    try {
      return compilePattern(value);
    } catch (error: unknown) {
      if (error instanceof PatternSyntaxError) throw new UnsupportedRuleError(this.file.patternErrorAt(path, value, error.offset, `pattern rampart cannot parse: ${error.problem}`));
      throw error;
    }
  }

  private regex(value: unknown, path: DataPath, build: (source: string) => RegExp): RegExp {
    if (typeof value !== 'string' || value === '') throw this.file.errorAt(path, 'a regex must be a non-empty string');
    try {
      return build(value);
    } catch (error: unknown) {
      if (error instanceof RegexSyntaxError) throw this.file.unsupportedAt(path, `regex JavaScript cannot run: ${error.message}`);
      throw error;
    }
  }
}

const PATTERN_TEXT_KEYS: ReadonlySet<string> = new Set(['pattern', 'pattern-inside', 'pattern-not', 'pattern-not-inside']);

/** Pattern strings anywhere in a rule, and regex group names as `$NAME`: where metavariables get bound. */
function patternTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(patternTexts);
  if (!isYamlMap(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (typeof item !== 'string') return patternTexts(item);
    if (PATTERN_TEXT_KEYS.has(key)) return [item];
    return key === 'pattern-regex' ? [...item.matchAll(/\(\?P?<([A-Z_][A-Z0-9_]*)>/g)].map((match) => `$${match[1] ?? ''}`) : [];
  });
}

function compilePattern(text: string): { text: string; shape: ReturnType<typeof parsePattern>; anchors: ReturnType<typeof anchorsOf> } {
  const shape = parsePattern(text);
  return { text, shape, anchors: anchorsOf(shape) };
}
