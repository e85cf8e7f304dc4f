/**
 * Nunjucks (https://mozilla.github.io/nunjucks/templating.html): `{{ x }}` escapes when the environment
 * autoescapes (the default since 2.0; `configure(dir, { autoescape: false })` turns it off), and `| safe`
 * marks a value as markup that is written raw; `| escape` (`| e`) escapes again. A path reads the locals, a
 * loop variable an element (`{% for item in items %}`), a `{% set %}` name what it was set to; macro
 * parameters are the macro caller's. `{% include %}` and `{% extends %}` pull in other views with the same
 * locals. A filter rampart does not know may change the text entirely: quiet.
 */
import { ANY_MEMBER, startsUrlAttribute, type TemplateInclude, type TemplateOptions, type TemplateOutput, type TemplateScanResult } from './template-types.js';

type Binding = readonly string[] | null;

interface Frame {
  readonly closes: string | null;
  readonly bindings: Map<string, Binding>;
}

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly kind: 'output' | 'statement';
  readonly bodyStart: number;
  readonly body: string;
}

/** Filters whose result keeps the value's characters (and its safe mark). */
const KEEPS_TEXT = new Set(['safe', 'upper', 'lower', 'trim', 'capitalize', 'title', 'default', 'd', 'string', 'nl2br', 'truncate', 'center', 'indent']);
const ELEMENT_FILTERS = new Set(['join', 'first', 'last', 'random']);
const ESCAPE_FILTERS = new Set(['escape', 'e', 'forceescape', 'urlencode', 'dump', 'striptags', 'int', 'float', 'length', 'round', 'abs']);
const BLOCK_ENDS: Readonly<Record<string, string>> = { for: 'endfor', macro: 'endmacro', call: 'endcall', if: 'endif', block: 'endblock', filter: 'endfilter', set: 'endset' };
const NAME = /^[A-Za-z_][\w]*$/;

export function scanNunjucks(template: string, options: TemplateOptions): TemplateScanResult {
  const tags = readTags(template);
  if (!tags.ok) return tags;
  const blanked = template.split('');
  for (const tag of tags.value) for (let index = tag.start; index < tag.end; index += 1) if (blanked[index] !== '\n') blanked[index] = ' ';
  const markup = blanked.join('');
  const outputs: TemplateOutput[] = [];
  const includes: TemplateInclude[] = [];
  const frames: Frame[] = [{ closes: null, bindings: new Map() }];
  for (const tag of tags.value) {
    if (tag.kind === 'statement') {
      statement(tag.body, frames, includes);
      continue;
    }
    const output = outputOf(tag, frames, markup, options);
    if (output !== null) outputs.push(output);
  }
  return { ok: true, scan: { outputs, includes } };
}

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { offset: number; message: string } };

function readTags(template: string): Read<Tag[]> {
  const tags: Tag[] = [];
  const opening = /\{([{%#])/g;
  for (let match = opening.exec(template); match !== null; match = opening.exec(template)) {
    const sigil = match[1] as '{' | '%' | '#';
    const closing = sigil === '{' ? '}}' : `${sigil}}`;
    const end = template.indexOf(closing, match.index + 2);
    if (end < 0) return { ok: false, error: { offset: match.index, message: `'{${sigil}' is never closed with '${closing}'` } };
    opening.lastIndex = end + 2;
    if (sigil === '#') {
      tags.push({ start: match.index, end: end + 2, kind: 'statement', bodyStart: match.index + 2, body: '' });
      continue;
    }
    const rawBody = template.slice(match.index + 2, end);
    const body = rawBody.replace(/^-/, ' ').replace(/-$/, ' ');
    tags.push({ start: match.index, end: end + 2, kind: sigil === '{' ? 'output' : 'statement', bodyStart: match.index + 2, body });
    const raw = sigil === '%' ? /^\s*(raw|verbatim)\s*$/.exec(body) : null;
    if (raw !== null) {
      // Text up to `{% endraw %}` is not template syntax.
      const close = new RegExp(`\\{%-?\\s*end${raw[1] ?? 'raw'}\\s*-?%\\}`, 'g');
      close.lastIndex = end + 2;
      const found = close.exec(template);
      if (found === null) return { ok: false, error: { offset: match.index, message: `{% ${raw[1] ?? 'raw'} %} is never closed` } };
      opening.lastIndex = found.index + found[0].length;
    }
  }
  return { ok: true, value: tags };
}

function statement(body: string, frames: Frame[], includes: TemplateInclude[]): void {
  const match = /^\s*(\w+)\s*(.*?)\s*$/s.exec(body);
  if (match === null) return;
  const keyword = match[1] ?? '';
  const rest = match[2] ?? '';
  const top = frames[frames.length - 1] as Frame;
  if (keyword.startsWith('end') || keyword === 'else' || keyword === 'elif' || keyword === 'elseif') {
    if (keyword.startsWith('end') && frames.length > 1 && top.closes === keyword) frames.pop();
    return;
  }
  if (keyword === 'include' || keyword === 'extends') {
    const name = /^(["'])(.*?)\1/.exec(rest);
    includes.push({ name: name?.[2] ?? '', rebinds: new Set() });
    return;
  }
  if (keyword === 'for') {
    const loop = /^(.*?)\s+in\s+(.*)$/s.exec(rest);
    const names = (loop?.[1] ?? '').split(',').map((name) => name.trim());
    const list = loop === null ? null : pathOf((loop[2] ?? '').trim(), frames);
    const bindings = new Map<string, Binding>([['loop', null]]);
    const element = list === null ? null : [...list, ANY_MEMBER];
    // `for k, v in obj`: the key, then the value.
    if (names.length === 2) {
      bindings.set(names[0] ?? '', null);
      bindings.set(names[1] ?? '', element);
    } else for (const name of names) bindings.set(name, element);
    frames.push({ closes: 'endfor', bindings });
    return;
  }
  if (keyword === 'macro') {
    const parameters = /\(([^)]*)\)/.exec(rest)?.[1] ?? '';
    const bindings = new Map<string, Binding>([['caller', null]]);
    for (const parameter of parameters.split(',')) bindings.set(parameter.split('=')[0]?.trim() ?? '', null);
    frames.push({ closes: 'endmacro', bindings });
    return;
  }
  if (keyword === 'set') {
    const assignment = /^([\w\s,]+?)\s*(?:=\s*(.*))?$/s.exec(rest);
    const names = (assignment?.[1] ?? '').split(',').map((name) => name.trim());
    const value = assignment?.[2];
    for (const name of names) top.bindings.set(name, value === undefined || names.length > 1 ? null : pathOf(value.trim(), frames));
    if (value === undefined) frames.push({ closes: 'endset', bindings: new Map() }); // a block set captures its body
    return;
  }
  if (keyword === 'import' || keyword === 'from') {
    const alias = /\bas\s+(\w+)\s*$/.exec(rest)?.[1];
    if (alias !== undefined) top.bindings.set(alias, null);
    for (const imported of /\bimport\s+(.*)$/.exec(rest)?.[1]?.split(',') ?? []) top.bindings.set(imported.trim().split(/\s+as\s+/).pop() ?? '', null);
    return;
  }
  const closes = BLOCK_ENDS[keyword];
  if (closes !== undefined) frames.push({ closes, bindings: new Map() });
}

function outputOf(tag: Tag, frames: readonly Frame[], markup: string, options: TemplateOptions): TemplateOutput | null {
  const parts = splitFilters(tag.body);
  const base = (parts[0] ?? '').trim();
  const path = pathOf(base, frames);
  if (path === null || path.length === 0) return null;
  let raw = !options.autoescape;
  let markedSafe = false;
  let elementPath = path;
  for (const filter of parts.slice(1)) {
    const name = /^\s*(\w+)/.exec(filter)?.[1] ?? '';
    if (name === 'safe') {
      raw = true;
      markedSafe = true;
    }
    // `escape` leaves a value already marked safe as it is; before `safe`, or without it, it escapes.
    else if ((name === 'escape' || name === 'e') && markedSafe) continue;
    else if (ESCAPE_FILTERS.has(name)) return null;
    else if (ELEMENT_FILTERS.has(name)) elementPath = [...elementPath, ANY_MEMBER];
    else if (!KEEPS_TEXT.has(name)) return null;
  }
  const context = raw ? 'html' : startsUrlAttribute(markup, tag.start) ? 'url-attribute' : null;
  if (context === null) return null;
  const start = tag.bodyStart + tag.body.indexOf(base);
  const tagName = !raw ? '{{ }}' : markedSafe ? '| safe' : '{{ }} with autoescape off';
  return { range: [start, start + base.length], path: elementPath, context, tag: tagName };
}

/** `a | f(x, "|") | g`: the base and each filter, split at top-level bars. */
function splitFilters(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quote !== null) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** The locals path of `a.b["c"][0]`, following loop and set bindings; null for anything else. */
function pathOf(expression: string, frames: readonly Frame[]): readonly string[] | null {
  const segments: string[] = [];
  const head = /^[A-Za-z_]\w*/.exec(expression);
  if (head === null) return null;
  let rest = expression.slice(head[0].length);
  while (rest.length > 0) {
    const member = /^\s*\.\s*([A-Za-z_]\w*)/.exec(rest) ?? /^\s*\[\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*\]/.exec(rest);
    if (member !== null) {
      segments.push(member[1] ?? member[2] ?? member[3] ?? ANY_MEMBER);
      rest = rest.slice(member[0].length);
      continue;
    }
    const index = /^\s*\[\s*[A-Za-z_][\w.]*\s*\]/.exec(rest);
    if (index === null) return null;
    segments.push(ANY_MEMBER);
    rest = rest.slice(index[0].length);
  }
  const name = head[0];
  if (!NAME.test(name) || ['true', 'false', 'none', 'null', 'loop', 'super', 'caller'].includes(name)) return null;
  for (let index = frames.length - 1; index >= 0; index -= 1) {
    const bindings = frames[index]?.bindings;
    if (bindings?.has(name) === true) {
      const bound = bindings.get(name) ?? null;
      return bound === null ? null : [...bound, ...segments];
    }
  }
  return [name, ...segments];
}
