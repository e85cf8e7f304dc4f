/**
 * One YAML rule → a rampart `Rule`, the type built-in rules have, so it runs in the same single walk and
 * reports through the same reporters, baselines and suppressions. Compiled once at load: patterns parsed,
 * regexes built, anchors known. `create` returns listeners only for the node types the rule's patterns can
 * match at, so the dispatcher shows the rule nothing else.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import ignore from 'ignore';
import type { DataPath } from '../config/positioned-document.js';
import type { FileContext } from '../engine/file-context.js';
import { SANITIZER_KINDS, type SanitizerKind } from '../models/concepts.js';
import type { Rule, RuleContext, RuleListeners } from '../rules-api/rule-types.js';
import { bindingText, type Bindings } from './bindings.js';
import { fileMatcher } from './evaluate.js';
import { eitherFormula, isAnyExpression, type Formula } from './formula.js';
import { FORMULA_KEYS, FormulaCompiler } from './formula-compile.js';
import { describeRule } from './metadata.js';
import { isYamlMap, type RuleFile, type YamlMap } from './rule-file.js';
import { taintMatchesAt, type TaintSpec } from './taint-mode.js';

export const MESSAGE_ID = 'match';

const LANGUAGES: ReadonlySet<string> = new Set(['javascript', 'js', 'typescript', 'ts']);
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Accepted and ignored: they change nothing rampart reports (`fix` is an autofix; versions gate Semgrep releases). */
const IGNORED_KEYS = ['options', 'fix', 'fix-regex', 'min-version', 'max-version', 'category'];
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'id', 'message', 'severity', 'languages', 'metadata', 'mode', 'paths', ...FORMULA_KEYS, 'pattern-sources', 'pattern-sinks', 'pattern-sanitizers', ...IGNORED_KEYS,
]);
/** Semgrep rule keys that rampart does not run: the rule is skipped with a notice (an error under --strict-rules). */
const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  'pattern-propagators': 'pattern-propagators (custom taint propagation) is not supported',
  join: 'join mode is not supported',
  extract: 'extract mode is not supported',
  'dest-language': 'extract mode is not supported',
  'dest-rules': 'extract mode is not supported',
  transform: 'extract mode is not supported',
  reduce: 'extract mode is not supported',
  match: "the v2 rule syntax ('match:') is not supported",
  taint: "the v2 rule syntax ('taint:') is not supported",
  steps: 'steps mode is not supported',
  validators: 'secret validators are not supported',
  'project-depends-on': 'dependency (supply chain) rules are not supported',
  'r2c-internal-project-depends-on': 'dependency (supply chain) rules are not supported',
  equivalences: 'equivalences are not supported',
};
/** The `languages` values of rules that can run on JavaScript or TypeScript files. */
const LANGUAGE_NAMES = 'javascript, js, typescript, ts';
/** Semgrep taint-item options rampart does not run. */
const UNSUPPORTED_TAINT_OPTIONS = ['label', 'requires', 'by-side-effect', 'control', 'at-exit', 'not-conflicting', 'replace-labels'];
/** Source and sink options rampart accepts; `exact` changes nothing it reports (sinks are always exact). */
const TAINT_ITEM_OPTIONS = ['exact'];

/** A compiled rule, or a rule for languages rampart does not analyse (counted, not loaded). */
export type CompiledRule = { readonly rule: Rule } | { readonly otherLanguage: string };

/** The id a rule states, for notices about a rule that did not load; null when it has none. */
export function statedRuleId(rule: unknown): string | null {
  return isYamlMap(rule) && typeof rule['id'] === 'string' ? rule['id'].trim() : null;
}

/**
 * `idPrefix` qualifies the id as Semgrep does for a local rule file (`rules.js.` for rules/js/x.yaml); a
 * mistake is a ConfigError, and a valid rule using what rampart does not run an UnsupportedRuleError.
 */
export function compileRule(file: RuleFile, rule: unknown, path: DataPath, idPrefix = ''): CompiledRule {
  if (!isYamlMap(rule)) throw file.errorAt(path, 'a rule must be a map with id, message, severity, languages and a pattern');
  const stated = requiredString(file, rule, path, 'id');
  if (!RULE_ID.test(stated)) throw file.errorAt([...path, 'id'], `rule id '${stated}' may hold only letters, digits, '.', '_' and '-'`);
  const id = `${idPrefix}${stated}`;
  const message = requiredString(file, rule, path, 'message');
  const otherLanguage = otherLanguageOf(file, rule, path);
  if (otherLanguage !== null) return { otherLanguage };
  for (const key of Object.keys(rule)) {
    const unsupported = UNSUPPORTED_KEYS[key];
    if (unsupported !== undefined) throw file.unsupportedAt([...path, key], unsupported, 'key');
    if (!KNOWN_KEYS.has(key)) throw file.errorAt([...path, key], `unknown rule key '${key}'`, 'key');
  }
  const description = describeRule(file, rule, path, message);
  const compiler = new FormulaCompiler(file, rule);
  const mode = rule['mode'] ?? 'search';
  let create: (context: RuleContext) => RuleListeners;
  let appliesTo = pathFilter(file, rule['paths'], [...path, 'paths']);
  if (mode === 'search') create = searchListeners(compiler.formulaOf(searchPart(file, rule, path), path), message);
  else if (mode === 'taint') {
    const spec = taintSpec(file, compiler, rule, path);
    const inPaths = appliesTo;
    // The engine's prefilter: a file that no request data can reach has no taint finding.
    appliesTo = (context) => inPaths(context) && (spec.includeLowTrust || context.taint.maySeeRequestData);
    create = taintListeners(spec, message);
  } else if (mode === 'join' || mode === 'extract') throw file.unsupportedAt([...path, 'mode'], `${mode} mode is not supported (search or taint)`);
  else throw file.errorAt([...path, 'mode'], `unknown mode '${String(mode)}' (search or taint)`);
  return { rule: Object.freeze({
    id,
    title: description.title,
    cwe: description.cwe,
    owasp: description.owasp,
    severity: description.severity,
    precision: description.precision,
    help: description.help,
    messages: { [MESSAGE_ID]: messageTemplate(message) },
    yamlSource: description.source,
    appliesTo,
    create,
  }) };
}

function requiredString(file: RuleFile, rule: YamlMap, path: DataPath, key: string): string {
  const value = rule[key];
  if (typeof value !== 'string' || value.trim() === '') throw file.errorAt(value === undefined ? path : [...path, key], `rule needs a non-empty string '${key}'`);
  return value.trim();
}

/** null for a rule that runs on JavaScript or TypeScript; else its first language (python, generic, regex...). */
function otherLanguageOf(file: RuleFile, rule: YamlMap, path: DataPath): string | null {
  const languages = rule['languages'];
  if (!Array.isArray(languages) || languages.length === 0) throw file.errorAt(languages === undefined ? path : [...path, 'languages'], `rule needs 'languages' (${LANGUAGE_NAMES}, or another language to skip it)`);
  languages.forEach((language: unknown, index) => {
    if (typeof language !== 'string' || language.trim() === '') throw file.errorAt([...path, 'languages', index], 'a language must be a non-empty string');
  });
  const names = (languages as string[]).map((language) => language.toLowerCase());
  return names.some((name) => LANGUAGES.has(name)) ? null : (names[0] ?? null);
}

function searchPart(file: RuleFile, rule: YamlMap, path: DataPath): YamlMap {
  for (const key of ['pattern-sources', 'pattern-sinks', 'pattern-sanitizers']) {
    if (key in rule) throw file.errorAt([...path, key], `${key} needs 'mode: taint'`, 'key');
  }
  return Object.fromEntries(Object.entries(rule).filter(([key]) => (FORMULA_KEYS as readonly string[]).includes(key)));
}

/** `paths: { include, exclude }` in .gitignore syntax against the reported path (Semgrep matches the file and its parents). */
function pathFilter(file: RuleFile, paths: unknown, path: DataPath): (context: FileContext) => boolean {
  if (paths === undefined) return () => true;
  if (!isYamlMap(paths)) throw file.errorAt(path, 'paths must be a map with include and/or exclude');
  const globs = (key: string): string[] => {
    const value = paths[key];
    if (value === undefined) return [];
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((item): item is string => typeof item === 'string' && item !== '')) throw file.errorAt([...path, key], `paths.${key} must be a glob or a list of globs`);
    return list;
  };
  const include = globs('include');
  const exclude = globs('exclude');
  const included = ignore().add(include);
  const excluded = ignore().add(exclude);
  return (context) => {
    const relativePath = context.path;
    // `ignore` takes checkout-relative paths only; a file outside the working directory is not filtered.
    if (relativePath.startsWith('../') || relativePath.startsWith('/')) return true;
    if (include.length > 0 && !included.ignores(relativePath)) return false;
    return !excluded.ignores(relativePath);
  };
}

type Listener = (node: TSESTree.Node) => void;

/** Listeners for every anchor type of the formula; the dispatcher's table is typed per node, hence one cast. */
function listenersFor(types: ReadonlySet<string>, listener: Listener): RuleListeners {
  const listeners: Record<string, Listener> = {};
  for (const type of types) listeners[type] = listener;
  return listeners as unknown as RuleListeners;
}

function searchListeners(formula: Formula, message: string): (context: RuleContext) => RuleListeners {
  return (context) => {
    const matcher = fileMatcher(context.file);
    const reported = new Set<string>();
    return listenersFor(formula.anchorTypes, (node) => {
      for (const match of matcher.evaluate(formula, node)) {
        const key = `${match.range[0]}:${match.range[1]}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({ node: match.node, messageId: MESSAGE_ID, data: messageData(message, match.bindings, context.file.source.text) });
      }
    });
  };
}

function taintListeners(spec: TaintSpec, message: string): (context: RuleContext) => RuleListeners {
  return (context) => {
    const reported = new Set<TSESTree.Node>();
    return listenersFor(spec.sinks.anchorTypes, (node) => {
      for (const found of taintMatchesAt(context, spec, node)) {
        if (reported.has(found.target)) continue;
        reported.add(found.target);
        context.report({ node: found.target, messageId: MESSAGE_ID, data: messageData(message, found.sink.bindings, context.file.source.text), flow: found.flow, source: found.source });
      }
    });
  };
}

function taintSpec(file: RuleFile, compiler: FormulaCompiler, rule: YamlMap, path: DataPath): TaintSpec {
  for (const key of FORMULA_KEYS) if (key in rule) throw file.errorAt([...path, key], `a taint rule states pattern-sources and pattern-sinks, not ${key}`, 'key');
  const sources = taintItems(file, compiler, rule, path, 'pattern-sources', true);
  const sinks = taintItems(file, compiler, rule, path, 'pattern-sinks', true);
  const sanitizers = taintItems(file, compiler, rule, path, 'pattern-sanitizers', false);
  const metadata = isYamlMap(rule['metadata']) ? rule['metadata'] : {};
  const kind = metadata['rampart-sanitized-for'];
  if (kind !== undefined && !(SANITIZER_KINDS as readonly unknown[]).includes(kind)) {
    throw file.errorAt([...path, 'metadata', 'rampart-sanitized-for'], `rampart-sanitized-for must be one of ${SANITIZER_KINDS.join(', ')}`);
  }
  return {
    sources: eitherFormula(sources),
    sinks: eitherFormula(sinks),
    sanitizers: sanitizers.length === 0 ? null : eitherFormula(sanitizers),
    anySource: sources.some(isAnyExpression),
    includeLowTrust: /\bprocess\s*\.\s*(env|argv)\b/.test(JSON.stringify(rule['pattern-sources'])),
    // No library escaper is modelled for `code`, so by default only what cleans every kind (numeric coercion,
    // allow-lists, full validators) and the rule's own sanitizers clean a value.
    sanitizedFor: (kind as SanitizerKind | undefined) ?? 'code',
  };
}

function taintItems(file: RuleFile, compiler: FormulaCompiler, rule: YamlMap, path: DataPath, key: string, required: boolean): Formula[] {
  const items = rule[key];
  if (items === undefined && !required) return [];
  if (!Array.isArray(items) || items.length === 0) throw file.errorAt(items === undefined ? path : [...path, key], `a taint rule needs a non-empty '${key}' list`);
  return items.map((item: unknown, index) => {
    const at = [...path, key, index];
    if (!isYamlMap(item)) throw file.errorAt(at, 'expected an operator such as `pattern: ...`');
    for (const option of UNSUPPORTED_TAINT_OPTIONS) {
      if (option in item) throw file.unsupportedAt([...at, option], `${option} is not supported in taint rules`, 'key');
    }
    return compiler.formulaOf(item, at, TAINT_ITEM_OPTIONS);
  });
}

/**
 * Semgrep writes `$X` in messages; rampart's placeholders are `{{$X}}` (`$...ARGS` becomes `{{$$ARGS}}`).
 * A finding's message is one line, as the built-in rules' are: YAML block scalars keep their line breaks.
 */
const MESSAGE_METAVARIABLE = /\$(\.\.\.)?([A-Z_][A-Z0-9_]*)/g;

function placeholderOf(ellipsis: string | undefined, name: string): string {
  return ellipsis === undefined ? `$${name}` : `$$${name}`;
}

export function messageTemplate(message: string): string {
  return message.replace(/\s+/g, ' ').trim().replace(MESSAGE_METAVARIABLE, (_whole, ellipsis: string | undefined, name: string) => `{{${placeholderOf(ellipsis, name)}}}`);
}

const MAX_MESSAGE_VALUE = 80;

function messageData(message: string, bindings: Bindings, sourceText: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const match of message.matchAll(MESSAGE_METAVARIABLE)) {
    const name = match[2] ?? '';
    const binding = bindings.get(match[1] === undefined ? `$${name}` : `$...${name}`);
    const text = binding === undefined ? match[0] : bindingText(binding, sourceText).replace(/\s+/g, ' ');
    data[placeholderOf(match[1], name)] = text.length > MAX_MESSAGE_VALUE ? `${text.slice(0, MAX_MESSAGE_VALUE - 3)}...` : text;
  }
  return data;
}
