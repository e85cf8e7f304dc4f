/**
 * EJS (https://ejs.co/#docs, v3): `<%= x %>` escapes, `<%- x %>` writes raw, `<% code %>` is a scriptlet,
 * `<%# %>` a comment, `<%%` a literal `<%`, `<% include path %>` EJS 2's include directive; `-%>` and `_%>` trim whitespace. EJS compiles a template into one
 * JavaScript function by pasting scriptlets and output expressions in order (`; __append(escapeFn(x))\n`), so
 * this scanner builds the same program (outputs become calls to two marker functions), parses it as data with
 * the host's parser (as a script, as EJS runs it), and asks the scope manager which names the template declares. `<%- include('x', data) %>`
 * pulls in another view and is not an output. Custom delimiters (`delimiter: '?'`) are not read.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { markerCalls, scriptReads } from './script-reads.js';
import { startsUrlAttribute, type ScriptParser, type TemplateInclude, type TemplateOutput, type TemplateScanResult } from './template-types.js';

const RAW = '__rampartRaw';
const ESCAPED = '__rampartEscaped';
const TAG = /<%(%|_|=|-|#)?/g;
const CLOSE = /(?:-|_|%)?%>/g;

interface Segment {
  /** Offset of the copied code in the program, and in the template. */
  readonly programStart: number;
  readonly templateStart: number;
  readonly length: number;
}

interface EjsProgram {
  readonly text: string;
  readonly segments: readonly Segment[];
  /** The template with every tag blanked: the markup an output sits in. */
  readonly markup: string;
  /** EJS 2's `<% include path %>` directives (a preprocessor step, not code). */
  readonly directives: readonly TemplateInclude[];
}

export function scanEjs(template: string, parse: ScriptParser): TemplateScanResult {
  const program = buildProgram(template);
  if (!program.ok) return program;
  const parsed = parse(program.value.text);
  if (!parsed.ok) return { ok: false, error: { offset: templateOffset(program.value, parsed.error.offset), message: parsed.error.message } };
  const { ast, scope } = parsed.value;
  const outputs: TemplateOutput[] = [];
  const includes: TemplateInclude[] = [...program.value.directives];
  for (const node of markerCalls(ast, [RAW, ESCAPED])) {
    const marker = node.callee.type === 'Identifier' ? node.callee.name : '';
    const value = node.arguments[0];
    if (value === undefined || value.type === 'SpreadElement') continue;
    const included = includeOf(value, scope);
    if (included !== null) {
      includes.push(included);
      continue;
    }
    const start = templateOffset(program.value, value.range[0]);
    const context = marker === RAW ? 'html' : startsUrlAttribute(program.value.markup, tagStart(template, start)) ? 'url-attribute' : null;
    if (context === null) continue;
    for (const read of scriptReads(value, scope, context === 'url-attribute')) {
      outputs.push({
        range: [templateOffset(program.value, read.node.range[0]), templateOffset(program.value, read.node.range[1])],
        path: read.path,
        context,
        tag: marker === RAW ? '<%- %>' : '<%= %>',
      });
    }
  }
  return { ok: true, scan: { outputs, includes } };
}

type Built = { readonly ok: true; readonly value: EjsProgram } | { readonly ok: false; readonly error: { offset: number; message: string } };

function buildProgram(template: string): Built {
  let text = '';
  const segments: Segment[] = [];
  const directives: TemplateInclude[] = [];
  const markup = template.split('');
  TAG.lastIndex = 0;
  for (let open = TAG.exec(template); open !== null; open = TAG.exec(template)) {
    const modifier = open[1];
    if (modifier === '%') continue; // `<%%` is a literal `<%`
    CLOSE.lastIndex = open.index + open[0].length;
    let close = CLOSE.exec(template);
    while (close !== null && close[0].startsWith('%%')) close = CLOSE.exec(template); // `%%>` is a literal `%>`
    if (close === null) return { ok: false, error: { offset: open.index, message: `'${open[0]}' is never closed with '%>'` } };
    const codeStart = open.index + open[0].length;
    const codeEnd = close.index;
    for (let at = open.index; at < close.index + close[0].length; at += 1) if (markup[at] !== '\n') markup[at] = ' ';
    TAG.lastIndex = close.index + close[0].length;
    if (modifier === '#') continue;
    const code = template.slice(codeStart, codeEnd);
    const directive = modifier === undefined ? /^\s*include\s+([^\s()'"]+)\s*$/.exec(code) : null;
    if (directive !== null) {
      directives.push({ name: directive[1] ?? '', rebinds: new Set() });
      continue;
    }
    const copy = (prefix: string, body: string, suffix: string): void => {
      text += prefix;
      segments.push({ programStart: text.length, templateStart: codeStart, length: body.length });
      text += body + suffix;
    };
    if (modifier === '=' || modifier === '-') copy(`; ${modifier === '-' ? RAW : ESCAPED}(`, stripSemicolon(code), ')\n');
    else copy('; ', code, '\n');
  }
  return { ok: true, value: { text, segments, markup: markup.join(''), directives } };
}

/** EJS strips one trailing `;` from an output expression (`<%= x; %>`). */
function stripSemicolon(code: string): string {
  return code.replace(/;(\s*$)/, '$1');
}

function templateOffset(program: EjsProgram, offset: number): number {
  for (const segment of program.segments) {
    if (offset >= segment.programStart && offset <= segment.programStart + segment.length) return segment.templateStart + (offset - segment.programStart);
  }
  return 0;
}

/** The `<%` that opens the tag holding `offset`. */
function tagStart(template: string, offset: number): number {
  const found = template.lastIndexOf('<%', offset);
  return found < 0 ? offset : found;
}

/** `include('partials/header')` or `include('row', { item })`: a view, not a value. */
function includeOf(raw: TSESTree.Node, scope: ScopeFacts): TemplateInclude | null {
  const node = unwrapExpression(raw);
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'include' || !scope.isGlobalReference(node.callee)) return null;
  const name = stringLiteralValue(node.arguments[0]);
  if (name === null) return { name: '', rebinds: null };
  const data = node.arguments[1];
  if (data === undefined) return { name, rebinds: new Set() };
  const object = unwrapExpression(data);
  if (object.type !== 'ObjectExpression' || object.properties.some((property) => property.type !== 'Property')) return { name, rebinds: null };
  const keys = new Set<string>();
  for (const property of object.properties) {
    const key = property.type === 'Property' ? staticPropertyName(property) : null;
    if (key === null) return { name, rebinds: null };
    keys.add(key);
  }
  return { name, rebinds: keys };
}
