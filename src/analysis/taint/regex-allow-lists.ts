/**
 * Character allow-lists written as regular expressions: `s.replace(/[^\w-]/g, '')` keeps only word
 * characters and `-`, and `/^[a-z0-9_-]+$/i.test(s)` admits only those. Either leaves no quote, separator,
 * dot or shell metacharacter, so the value is safe in every sink. Anchored patterns are read by a small parser:
 * a sequence of safe atoms (a safe class, `\d`, `\w`, a letter, digit, `_` or `-`, or a group of safe
 * alternatives such as `(asc|desc)`), each optionally quantified, between `^` and `$`. Anything looser is not
 * recognized. The pattern may be written in place, bound to a `const` (here or exported by another module),
 * or built with `new RegExp('constant', 'flags')`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { TaintEvaluator } from './evaluator.js';
import { constantDefinition } from './module-exports.js';

/** Characters a safe class may hold: letters, digits, `_` (and `-`, handled below). */
const SAFE_CHARACTER = /^[A-Za-z0-9_]$/;
/** Group nesting read in a pattern; real allow-lists nest one level. */
const MAX_GROUP_DEPTH = 4;
/** Patterns longer than this are not read (a UUID pattern is about 60 characters). */
const MAX_PATTERN_LENGTH = 400;

/**
 * True when a character class body admits only letters, digits, `_` and `-`: single characters, `\w`, `\d`,
 * `\-`, a `-` at either end, and ranges inside one of a-z, A-Z, 0-9 (`0-z` would span `;`, `\` and `^`).
 */
function isSafeClassBody(body: string): boolean {
  if (body === '') return false;
  for (let index = 0; index < body.length; ) {
    const character = body[index] ?? '';
    const next = body[index + 1];
    if (character === '\\') {
      if (next !== 'w' && next !== 'd' && next !== '-') return false;
      index += 2;
    } else if (next === '-' && index + 2 < body.length) {
      const last = body[index + 2] ?? '';
      const sameClass = [/[a-z]/, /[A-Z]/, /[0-9]/].some((range) => range.test(character) && range.test(last));
      if (!sameClass || last < character) return false;
      index += 3;
    } else if (character === '-' ? index === 0 || index === body.length - 1 : SAFE_CHARACTER.test(character)) {
      index += 1;
    } else {
      return false;
    }
  }
  return true;
}

interface RegexSource {
  readonly pattern: string;
  readonly flags: string;
}

function regexLiteral(node: TSESTree.Node | undefined): RegexSource | null {
  if (node === undefined) return null;
  const value = unwrapExpression(node);
  return value.type === 'Literal' && 'regex' in value && value.regex !== undefined ? value.regex : null;
}

/** `s.replace(/[^a-z0-9_-]+/g, '')`: every character outside a safe class is removed (or replaced by a safe one). */
export function isCharacterAllowList(ev: TaintEvaluator, call: TSESTree.CallExpression): boolean {
  const regex = regexLiteral(call.arguments[0]);
  if (regex === null || !regex.flags.includes('g')) return false;
  const negated = /^\[\^(.+)\][+*]?$/.exec(regex.pattern);
  if (negated === null || !isSafeClassBody(negated[1] ?? '')) return false;
  const replacement = call.arguments[1] === undefined ? null : ev.file.values.stringOf(call.arguments[1]);
  return replacement !== null && /^[\w-]*$/.test(replacement);
}

/** `/^[a-z0-9_-]+$/i`, `/^\d+$/`, `/^(asc|desc)$/i`, or a `const` holding one: a whole-string match of safe characters. */
export function isAnchoredAllowList(ev: TaintEvaluator, node: TSESTree.Node): boolean {
  const regex = regexOf(ev, node);
  return regex !== null && !regex.flags.includes('m') && isAnchoredAllowListSource(regex.pattern);
}

/** The pattern a node holds: a literal, `new RegExp(constant, flags)`, or either bound to a `const` (here or imported). */
function regexOf(ev: TaintEvaluator, node: TSESTree.Node): RegexSource | null {
  const direct = regexLiteral(node) ?? constructedRegex(ev, node);
  if (direct !== null) return direct;
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return null;
  const definition = constantDefinition(ev.file, value);
  if (definition === null) return null;
  return regexLiteral(definition.node) ?? constructedRegex(definition.file.taint.evaluator, definition.node);
}

/** What String() makes of a plain object, the only text a JSON object (`{ "$ne": "" }`) can offer a pattern. */
const OBJECT_TEXT = '[object Object]';

/**
 * `RE.test(x)` held and RE cannot match `[object Object]`: `x` was text (or an array of text), not an object of
 * query operators. `test` converts its argument with String(), so a JSON object reaches the pattern as that text.
 * The pattern is data from the scanned code, compiled here and run on that one fixed string only.
 */
export function rejectsObjects(ev: TaintEvaluator, node: TSESTree.Node): boolean {
  const regex = regexOf(ev, node);
  if (regex === null) return false;
  let compiled: RegExp;
  try {
    compiled = new RegExp(regex.pattern, regex.flags.replace(/[gy]/g, ''));
  } catch (error) {
    // A pattern this Node cannot compile (a newer flag, a syntax error) proves nothing about the value.
    if (error instanceof SyntaxError) return false;
    throw error;
  }
  return !compiled.test(OBJECT_TEXT);
}

function constructedRegex(ev: TaintEvaluator, node: TSESTree.Node): RegexSource | null {
  const value = unwrapExpression(node);
  if ((value.type !== 'NewExpression' && value.type !== 'CallExpression') || !ev.isGlobal(value.callee, 'RegExp')) return null;
  const [source, flags] = value.arguments;
  const pattern = source === undefined ? null : ev.file.values.stringOf(source);
  const flagText = flags === undefined ? '' : ev.file.values.stringOf(flags);
  return pattern === null || flagText === null ? null : { pattern, flags: flagText };
}

/** The same check on a pattern's source text (a JSON schema `pattern`). */
export function isAnchoredAllowListSource(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH || !pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  const reader = new PatternReader(pattern.slice(1, -1));
  return reader.alternatives(0) && reader.done();
}

/** Reads `alternatives := sequence ('|' sequence)*` of safe atoms; any other syntax stops it (not safe). */
class PatternReader {
  private readonly text: string;
  private index = 0;

  constructor(text: string) {
    this.text = text;
  }

  done(): boolean {
    return this.index === this.text.length;
  }

  alternatives(depth: number): boolean {
    // At the top level `^a|b$` anchors each side only once: not a whole-string match.
    if (!this.sequence(depth)) return false;
    while (this.text[this.index] === '|') {
      if (depth === 0) return false;
      this.index += 1;
      if (!this.sequence(depth)) return false;
    }
    return true;
  }

  private sequence(depth: number): boolean {
    let atoms = 0;
    while (this.index < this.text.length && this.text[this.index] !== '|' && this.text[this.index] !== ')') {
      if (!this.atom(depth) || !this.quantifier()) return false;
      atoms += 1;
    }
    return atoms > 0;
  }

  private atom(depth: number): boolean {
    const character = this.text[this.index] ?? '';
    if (character === '[') {
      const end = this.text.indexOf(']', this.index + 1);
      if (end < 0 || this.text[this.index + 1] === '^') return false;
      const body = this.text.slice(this.index + 1, end);
      this.index = end + 1;
      return isSafeClassBody(body);
    }
    if (character === '\\') {
      const escaped = this.text[this.index + 1];
      this.index += 2;
      return escaped === 'd' || escaped === 'w' || escaped === '-' || escaped === '_';
    }
    if (character === '(') {
      if (depth >= MAX_GROUP_DEPTH) return false;
      this.index += this.text.startsWith('(?:', this.index) ? 3 : 1;
      if (!this.alternatives(depth + 1) || this.text[this.index] !== ')') return false;
      this.index += 1;
      return true;
    }
    this.index += 1;
    return SAFE_CHARACTER.test(character) || character === '-';
  }

  /** `+ * ?`, `{m}`, `{m,}`, `{m,n}`, each optionally lazy. */
  private quantifier(): boolean {
    const rest = this.text.slice(this.index);
    const match = /^(?:[+*?]|\{\d+(?:,\d*)?\})\??/.exec(rest);
    if (match !== null) this.index += match[0].length;
    return true;
  }
}
