/**
 * Handlebars (https://handlebarsjs.com/guide/expressions.html; hbs and express-handlebars render it):
 * `{{x}}` escapes, `{{{x}}}` and `{{& x}}` write raw. A path reads the current context: the locals at the top,
 * an element of `X` inside `{{#each X}}`, `X` itself inside `{{#with X}}`; `../` steps out, `@root.` starts
 * over, `as |item|` names the element. A mustache with arguments calls a helper, whose result rampart cannot
 * know (it may escape, or return a SafeString): quiet. Partials (`{{> name}}`) need the helper registry and
 * are not followed.
 */
import { ANY_MEMBER, startsUrlAttribute, type TemplateOutput, type TemplateScanResult } from './template-types.js';

/** What `this` is in a block: a locals path, or null where a helper chose it. */
type Context = readonly string[] | null;

interface Block {
  readonly helper: string;
  readonly context: Context;
  readonly aliases: ReadonlyMap<string, Context>;
}

interface Mustache {
  readonly start: number;
  readonly end: number;
  /** Offset of the body (after `{{`, `{{{`, `{{&`, `{{#` ...). */
  readonly bodyStart: number;
  readonly body: string;
  readonly kind: 'escaped' | 'raw' | 'open' | 'close' | 'else' | 'comment' | 'partial';
}

const PATH = /^(?:@root[./]|(?:\.\.\/)*)?(?:this(?:[./]|$)|\.\/)?(?:[^\s!"#%&'()*+,./;<=>@[\\\]^`{|}~]+|\[[^\]]*\])(?:[./](?:[^\s!"#%&'()*+,./;<=>@[\\\]^`{|}~]+|\[[^\]]*\]))*$|^this$|^\.$/;

export function scanHandlebars(template: string): TemplateScanResult {
  const mustaches: Mustache[] = [];
  const blanked = template.split('');
  for (let at = 0; at < template.length; ) {
    const found = nextMustache(template, at);
    if (found === null) break;
    if (!found.ok) return { ok: false, error: found.error };
    mustaches.push(found.value);
    for (let index = found.value.start; index < found.value.end; index += 1) if (blanked[index] !== '\n') blanked[index] = ' ';
    at = found.value.end;
  }
  const markup = blanked.join('');
  const outputs: TemplateOutput[] = [];
  const stack: Block[] = [{ helper: '', context: [], aliases: new Map() }];
  for (const mustache of mustaches) {
    if (mustache.kind === 'open') stack.push(openBlock(mustache.body, stack));
    else if (mustache.kind === 'close') {
      if (stack.length > 1) stack.pop();
    } else if (mustache.kind === 'escaped' || mustache.kind === 'raw') {
      const output = outputOf(template, mustache, stack, markup);
      if (output !== null) outputs.push(output);
    }
  }
  return { ok: true, scan: { outputs, includes: [] } };
}

function outputOf(template: string, mustache: Mustache, stack: readonly Block[], markup: string): TemplateOutput | null {
  const expression = mustache.body.trim();
  if (!PATH.test(expression)) return null; // a helper call, a literal, or a sub-expression
  const path = resolvePath(expression, stack);
  if (path === null || path.length === 0) return null;
  const context = mustache.kind === 'raw' ? 'html' : startsUrlAttribute(markup, mustache.start) ? 'url-attribute' : null;
  if (context === null) return null;
  const start = mustache.bodyStart + mustache.body.indexOf(expression);
  return { range: [start, start + expression.length], path, context, tag: mustache.kind === 'escaped' ? '{{ }}' : template[mustache.bodyStart - 1] === '&' ? '{{& }}' : '{{{ }}}' };
}

type Found = { readonly ok: true; readonly value: Mustache } | { readonly ok: false; readonly error: { offset: number; message: string } };

function nextMustache(template: string, from: number): Found | null {
  let start = template.indexOf('{{', from);
  while (start > 0 && template[start - 1] === '\\') start = template.indexOf('{{', start + 2); // `\{{` is literal
  if (start < 0) return null;
  if (template.startsWith('{{{{', start)) {
    // A raw block: its content is text up to the matching `{{{{/name}}}}`.
    const close = template.indexOf('{{{{/', start + 4);
    const end = close < 0 ? -1 : template.indexOf('}}}}', close);
    if (end < 0) return { ok: false, error: { offset: start, message: 'raw block is never closed' } };
    return { ok: true, value: { start, end: end + 4, bodyStart: start + 4, body: '', kind: 'comment' } };
  }
  let cursor = start + 2;
  if (template[cursor] === '~') cursor += 1;
  if (template.startsWith('!--', cursor)) return closeAt(template, start, cursor, '--}}', 'comment');
  if (template[cursor] === '!') return closeAt(template, start, cursor, '}}', 'comment');
  if (template[cursor] === '{') return closeAt(template, start, cursor + 1, '}}}', 'raw');
  const sigil = template[cursor];
  if (sigil === '&') return closeAt(template, start, cursor + 1, '}}', 'raw');
  if (sigil === '#' || sigil === '^') return closeAt(template, start, cursor + (template[cursor + 1] === '>' || template[cursor + 1] === '*' ? 2 : 1), '}}', template.startsWith('^}}', cursor) || template.startsWith('^~}}', cursor) ? 'else' : 'open');
  if (sigil === '/') return closeAt(template, start, cursor + 1, '}}', 'close');
  if (sigil === '>') return closeAt(template, start, cursor + 1, '}}', 'partial');
  const found = closeAt(template, start, cursor, '}}', 'escaped');
  if (found.ok && /^\s*else\b/.test(found.value.body)) return { ok: true, value: { ...found.value, kind: 'else' } };
  return found;
}

function closeAt(template: string, start: number, bodyStart: number, closing: string, kind: Mustache['kind']): Found {
  const end = template.indexOf(closing, bodyStart);
  if (end < 0) return { ok: false, error: { offset: start, message: `'{{' is never closed with '${closing}'` } };
  let body = template.slice(bodyStart, end);
  if (body.endsWith('~')) body = body.slice(0, -1);
  if (body.startsWith('~')) body = ` ${body.slice(1)}`;
  return { ok: true, value: { start, end: end + closing.length, bodyStart, body, kind } };
}

function openBlock(body: string, stack: readonly Block[]): Block {
  const current = stack[stack.length - 1] as Block;
  const match = /^\s*([^\s}]+)\s*(.*?)\s*$/s.exec(body);
  const helper = match?.[1] ?? '';
  const rest = match?.[2] ?? '';
  const params = /\bas\s*\|([^|]*)\|\s*$/.exec(rest);
  const argument = (params === null ? rest : rest.slice(0, params.index)).trim();
  const target = PATH.test(argument) ? resolvePath(argument, stack) : null;
  const names = params?.[1]?.trim().split(/\s+/) ?? [];
  const aliases = new Map<string, Context>();
  if (helper === 'each') {
    const element = target === null ? null : [...target, ANY_MEMBER];
    if (names[0] !== undefined) aliases.set(names[0], element);
    if (names[1] !== undefined) aliases.set(names[1], null);
    return { helper, context: element, aliases };
  }
  if (helper === 'with') {
    if (names[0] !== undefined) aliases.set(names[0], target);
    return { helper, context: target, aliases };
  }
  if (helper === 'if' || helper === 'unless') return { helper, context: current.context, aliases };
  // A custom block helper chooses what its block sees.
  return { helper, context: null, aliases };
}

/** The locals path of a Handlebars path expression, or null when it is not rooted at the locals. */
function resolvePath(expression: string, stack: readonly Block[]): readonly string[] | null {
  let rest = expression;
  let level = stack.length - 1;
  let context: Context;
  if (rest.startsWith('@root')) {
    context = [];
    rest = rest.slice('@root'.length).replace(/^[./]/, '');
  } else {
    while (rest.startsWith('../')) {
      level -= 1;
      rest = rest.slice(3);
    }
    if (level < 0) return null;
    const explicitThis = /^(?:this(?:[./]|$)|\.\/|\.$)/.test(rest);
    rest = rest.replace(/^(?:this|\.)(?:[./]|$)/, '');
    const segments = splitPath(rest);
    const head = segments[0];
    if (!explicitThis && head !== undefined) {
      for (let index = level; index >= 0; index -= 1) {
        const alias = stack[index]?.aliases.get(head);
        if (alias !== undefined) return alias === null ? null : [...alias, ...segments.slice(1)];
      }
    }
    context = stack[level]?.context ?? null;
  }
  if (context === null) return null;
  return [...context, ...splitPath(rest)];
}

function splitPath(path: string): string[] {
  const segments: string[] = [];
  for (const match of path.matchAll(/\[([^\]]*)\]|[^./[\]]+/g)) segments.push(match[1] ?? match[0]);
  return segments;
}
