/**
 * Pug (https://pugjs.org/language/): `= x`, `#{x}` and `attr=x` escape; `!= x`, `!{x}` and `attr!=x` write raw.
 * Pug compiles a template into a JavaScript function whose code lines (`- var t = x`), loops (`each item in
 * items`) and mixins keep their JavaScript scoping, so this scanner writes the same skeleton (code lines as
 * written, blocks as braces, loops as `for...of`, mixins as functions, outputs as calls to marker functions),
 * parses it as data with the host's parser, and reads the outputs' locals as for EJS. Text under filters (`:markdown`) and comments is
 * not template code. `include` and `extends` pull in other views with the same locals.
 */
import { markerCalls, scriptReads } from './script-reads.js';
import { readAttributes, readInterpolations, type PugExpression } from './pug-syntax.js';
import type { OutputContext, ScriptParser, TemplateInclude, TemplateOutput, TemplateScanResult } from './template-types.js';

const MARKER = '__rampartOutput';

interface Segment {
  readonly programStart: number;
  readonly templateStart: number;
  readonly length: number;
}

interface Marker {
  readonly context: OutputContext;
  readonly tag: string;
}

interface Line {
  readonly indent: number;
  /** Offsets of the content (after the indentation) and of the line's end. */
  readonly start: number;
  readonly end: number;
}

class PugProgram {
  text = '';
  readonly segments: Segment[] = [];
  readonly markers = new Map<number, Marker>();
  readonly includes: TemplateInclude[] = [];

  emit(code: string): void {
    this.text += code;
  }

  copy(templateStart: number, code: string): void {
    this.segments.push({ programStart: this.text.length, templateStart, length: code.length });
    this.text += code;
  }

  output(expression: PugExpression, marker: Marker): void {
    this.text += '; ';
    this.markers.set(this.text.length, marker);
    this.text += `${MARKER}(`;
    this.copy(expression.start, expression.code);
    this.text += ');\n';
  }

  templateOffset(offset: number): number {
    for (const segment of this.segments) {
      if (offset >= segment.programStart && offset <= segment.programStart + segment.length) return segment.templateStart + (offset - segment.programStart);
    }
    return 0;
  }
}

export function scanPug(template: string, parse: ScriptParser): TemplateScanResult {
  const program = new PugProgram();
  const lines = splitLines(template);
  const closers: Array<{ indent: number; code: string }> = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    while (closers.length > 0 && (closers[closers.length - 1]?.indent ?? -1) >= line.indent) program.emit(closers.pop()?.code ?? '');
    const handled = readLine(template, lines, index, program);
    if (!handled.ok) return handled;
    if (handled.block !== null) closers.push({ indent: line.indent, code: handled.block });
    index = handled.next;
  }
  while (closers.length > 0) program.emit(closers.pop()?.code ?? '');
  return readProgram(program, parse);
}

function readProgram(program: PugProgram, parse: ScriptParser): TemplateScanResult {
  const parsed = parse(program.text);
  if (!parsed.ok) return { ok: false, error: { offset: program.templateOffset(parsed.error.offset), message: `template code does not parse: ${parsed.error.message}` } };
  const { ast, scope } = parsed.value;
  const outputs: TemplateOutput[] = [];
  for (const node of markerCalls(ast, [MARKER])) {
    const marker = program.markers.get(node.range[0]);
    const value = node.arguments[0];
    if (marker === undefined || value === undefined || value.type === 'SpreadElement') continue;
    for (const read of scriptReads(value, scope, marker.context === 'url-attribute')) {
      outputs.push({ range: [program.templateOffset(read.node.range[0]), program.templateOffset(read.node.range[1])], path: read.path, context: marker.context, tag: marker.tag });
    }
  }
  return { ok: true, scan: { outputs, includes: program.includes } };
}

function splitLines(template: string): Line[] {
  const lines: Line[] = [];
  for (const match of template.matchAll(/^([ \t]*)(.*?)\r?$/gm)) {
    const content = match[2] ?? '';
    if (content.trim() === '') continue;
    const start = match.index + (match[1]?.length ?? 0);
    lines.push({ indent: (match[1] ?? '').replace(/\t/g, '  ').length, start, end: start + content.length });
  }
  return lines;
}

type LineResult = { readonly ok: true; readonly next: number; readonly block: string | null } | { readonly ok: false; readonly error: { offset: number; message: string } };

/** The index of the first line after `index` indented no deeper than it: the end of its block. */
function blockEnd(lines: readonly Line[], index: number): number {
  const indent = lines[index]?.indent ?? 0;
  let next = index + 1;
  while (next < lines.length && (lines[next]?.indent ?? 0) > indent) next += 1;
  return next;
}

function readLine(template: string, lines: readonly Line[], index: number, program: PugProgram): LineResult {
  const line = lines[index] as Line;
  const content = template.slice(line.start, line.end);
  const done = (block: string | null): LineResult => ({ ok: true, next: index + 1, block });
  const skipBlock = (): LineResult => ({ ok: true, next: blockEnd(lines, index), block: null });
  if (content.startsWith('//')) return skipBlock();
  if (content.startsWith(':')) return skipBlock();
  if (content.startsWith('|')) {
    text(template, line.start + 1, line.end, program);
    return done(null);
  }
  if (content.startsWith('<')) {
    text(template, line.start, line.end, program);
    return done(null);
  }
  if (content === '-') {
    // A code block: every line below it is JavaScript.
    const end = blockEnd(lines, index);
    for (let inner = index + 1; inner < end; inner += 1) {
      const code = lines[inner] as Line;
      program.copy(code.start, template.slice(code.start, code.end));
      program.emit('\n');
    }
    return { ok: true, next: end, block: null };
  }
  if (content.startsWith('-')) {
    // Code with an indented block wraps it in braces (`- for (...)` over the lines below), as Pug compiles it.
    const hasBlock = (lines[index + 1]?.indent ?? -1) > line.indent;
    program.emit('; ');
    program.copy(line.start + 1, content.slice(1));
    program.emit(hasBlock ? ' {\n' : '\n');
    return done(hasBlock ? '}\n' : null);
  }
  if (content.startsWith('!=') || content.startsWith('=')) {
    bufferedCode(template, line.start, line.end, program);
    return done(null);
  }
  const keyword = /^(each|for|while|if|else if|else|unless|case|when|default|block|append|prepend|mixin|include|extends|doctype)\b/.exec(content)?.[1];
  if (keyword !== undefined) return keywordLine(template, line, keyword, program, done, skipBlock);
  if (content.startsWith('+')) {
    program.emit('{\n');
    return done('}\n');
  }
  return tagLine(template, line.start, line.end, lines, index, program, false);
}

function keywordLine(template: string, line: Line, keyword: string, program: PugProgram, done: (block: string | null) => LineResult, skipBlock: () => LineResult): LineResult {
  const rest = template.slice(line.start + keyword.length, line.end);
  if (keyword === 'include' || keyword === 'extends') {
    const name = rest.trim();
    // `include:markdown file.md` inserts the file as text.
    if (!rest.startsWith(':') && name !== '') program.includes.push({ name: /\.\w+$/.test(name) ? name : `${name}.pug`, rebinds: new Set() });
    return done(null);
  }
  if (keyword === 'doctype') return done(null);
  if (keyword === 'each' || keyword === 'for') {
    const loop = /^\s+([A-Za-z_$][\w$]*)(?:\s*,\s*([A-Za-z_$][\w$]*))?\s+in\s+(.+)$/.exec(rest);
    if (loop === null) return skipBlock();
    const listStart = line.start + keyword.length + (loop.index ?? 0) + loop[0].length - (loop[3]?.length ?? 0);
    program.emit(`for (const ${loop[1] ?? '_'} of (`);
    program.copy(listStart, loop[3] ?? '');
    program.emit(`)) { const ${loop[2] ?? '__rampartIndex'} = 0;\n`);
    return done('}\n');
  }
  if (keyword === 'mixin') {
    const mixin = /^\s+([\w-]+)\s*(?:\(([^)]*)\))?/.exec(rest);
    const parameters = (mixin?.[2] ?? '').split(',').map((name) => name.trim().replace(/^\.\.\./, '')).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    program.emit(`function __rampartMixin(${parameters.join(', ')}) { const block = 0, attributes = 0;\n`);
    return done('}\n');
  }
  program.emit('{\n');
  return done('}\n');
}

/** `= x` or `!= x` (at a line start or after a tag): the expression is written, escaped or raw. */
function bufferedCode(template: string, start: number, end: number, program: PugProgram): void {
  const raw = template.startsWith('!=', start);
  const codeStart = start + (raw ? 2 : 1);
  const code = template.slice(codeStart, end);
  if (raw) program.output({ start: codeStart, code }, { context: 'html', tag: '!=' });
}

function text(template: string, start: number, end: number, program: PugProgram): void {
  for (const interpolation of readInterpolations(template, start, end)) {
    if (interpolation.raw) program.output(interpolation.expression, { context: 'html', tag: '!{}' });
  }
}

function tagLine(template: string, start: number, end: number, lines: readonly Line[], index: number, program: PugProgram, nested: boolean): LineResult {
  const line = lines[index] as Line;
  let cursor = start;
  const name = /(?:[\w-]+(?::[\w-]+)*|#\{[^}]*\})?(?:[.#][\w-]+)*/y;
  name.lastIndex = cursor;
  const head = name.exec(template);
  if (head === null || head[0] === '') {
    text(template, start, end, program);
    return { ok: true, next: index + 1, block: null };
  }
  cursor += head[0].length;
  while (template[cursor] === '(' || template.startsWith('&attributes', cursor)) {
    if (template.startsWith('&attributes', cursor)) cursor += '&attributes'.length;
    const attributes = readAttributes(template, cursor);
    if (!attributes.ok) return { ok: false, error: attributes.error };
    for (const attribute of attributes.value.attributes) {
      if (attribute.raw) program.output(attribute.value, { context: 'html', tag: `${attribute.name}!=` });
      else if (attribute.isUrl) program.output(attribute.value, { context: 'url-attribute', tag: `${attribute.name}=` });
    }
    cursor = attributes.value.end;
  }
  // Attributes may span lines: the rest of the tag is on the line where they closed.
  const lineEnd = template.indexOf('\n', cursor) < 0 ? template.length : template.indexOf('\n', cursor);
  const restEnd = Math.max(Math.min(lineEnd, template.length), cursor);
  let next = index + 1;
  while (next < lines.length && (lines[next]?.start ?? 0) < restEnd) next += 1;
  const rest = template.slice(cursor, restEnd).replace(/\r$/, '');
  const hasBlock = !nested && (lines[next]?.indent ?? -1) > line.indent;
  if (rest.startsWith('.') && rest.trim() === '.') {
    // Block text: every line below is text.
    const end = blockEnd(lines, index);
    for (let inner = next; inner < end; inner += 1) text(template, lines[inner]?.start ?? 0, lines[inner]?.end ?? 0, program);
    return { ok: true, next: Math.max(end, next), block: null };
  }
  if (rest.startsWith(': ')) {
    const expanded = tagLine(template, cursor + 2, restEnd, lines, index, program, true);
    if (!expanded.ok) return expanded;
  } else if (/^!?=/.test(rest)) bufferedCode(template, cursor, restEnd, program);
  else if (rest.startsWith(' ')) text(template, cursor + 1, restEnd, program);
  if (hasBlock) program.emit('{\n');
  return { ok: true, next, block: hasBlock ? '}\n' : null };
}
