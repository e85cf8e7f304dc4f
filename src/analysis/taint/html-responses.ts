/**
 * When a response body is rendered as HTML: the Content-Type a handler gave its response before writing the
 * body (`res.type('text/plain')`, `res.set('Content-Type', ...)`, `res.writeHead(200, {...})`, `ctx.type =`),
 * read from the response variable's own calls and writes that end before the body, in source order (not
 * per branch: a type set in any earlier branch counts). A type that does not fold to a constant is "unknown",
 * and unknown is never HTML and never proves plain text: both rule modes stay quiet on it.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { CALL, describeReference, type ApiReference } from '../modules/api-reference.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { HtmlOutputRow } from '../../models/concepts.js';
import { CHAINABLE_RESPONSE_METHODS, CONTENT_TYPE_PROPERTIES, CONTENT_TYPE_SETTERS } from '../../models/libraries/html-responses.js';
import type { FileContext } from '../../engine/file-context.js';
import type { FileTaint } from './file-taint.js';
import type { CallNode } from './function-facts.js';
import type { FunctionNode } from './taint-types.js';

export type DeclaredContentType = 'none' | 'html' | 'other' | 'unknown';

/** `text/html`, `html`, `application/xhtml+xml` and SVG (which runs script) render as markup. */
export function classifyContentType(value: string): 'html' | 'other' {
  return /html|svg/i.test(value) ? 'html' : 'other';
}

/** The last Content-Type given to the response held by `root` that ends before `before` (a position). */
export function declaredContentType(file: FileContext, root: TSESTree.Identifier, before: number): DeclaredContentType {
  const variable = file.scope.variableOf(root);
  if (variable === null) return 'unknown';
  let latest: { end: number; type: DeclaredContentType } | null = null;
  for (const reference of variable.references) {
    for (const setting of settingsFrom(file, reference.identifier as TSESTree.Node)) {
      if (setting.end <= before && (latest === null || setting.end > latest.end)) latest = setting;
    }
  }
  return latest?.type ?? 'none';
}

/** Content types set through one reference: its chain of calls (`res.status(200).type('html')`) or a property write. */
function settingsFrom(file: FileContext, identifier: TSESTree.Node): Array<{ end: number; type: DeclaredContentType }> {
  const settings: Array<{ end: number; type: DeclaredContentType }> = [];
  let current: TSESTree.Node = identifier;
  for (let links = 0; links < 16; links += 1) {
    const member = current.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current) break;
    const name = staticPropertyName(member);
    const write = member.parent;
    if (name !== null && write?.type === 'AssignmentExpression' && write.left === member && CONTENT_TYPE_PROPERTIES.has(name)) {
      settings.push({ end: write.range[1], type: folded(file, write.right) });
      break;
    }
    // `ctx.response.type = 'html'`
    if (name === 'response' && write?.type === 'MemberExpression' && staticPropertyName(write) === 'type' && write.parent?.type === 'AssignmentExpression' && write.parent.left === write) {
      settings.push({ end: write.parent.range[1], type: folded(file, write.parent.right) });
      break;
    }
    const call = member.parent;
    if (name === null || call?.type !== 'CallExpression' || call.callee !== member) break;
    const setter = CONTENT_TYPE_SETTERS[name];
    if (setter !== undefined) {
      const type = setterType(file, call, setter);
      if (type !== null) settings.push({ end: call.range[1], type });
    }
    if (!CHAINABLE_RESPONSE_METHODS.has(name)) break;
    current = call;
  }
  return settings;
}

function setterType(file: FileContext, call: TSESTree.CallExpression, setter: 'type' | 'named' | 'status-then-headers'): DeclaredContentType | null {
  const [first, second, third] = call.arguments;
  if (setter === 'type') return first === undefined ? null : folded(file, first);
  if (setter === 'named') {
    if (first === undefined) return null;
    const name = file.values.stringOf(first);
    if (name !== null) return name.toLowerCase() === 'content-type' ? (second === undefined ? 'unknown' : folded(file, second)) : null;
    return headersObjectType(file, first);
  }
  const headers = third ?? second;
  return headers === undefined ? null : headersObjectType(file, headers);
}

/** The Content-Type in an object of headers; `unknown` when the object cannot be read (it may set one). */
function headersObjectType(file: FileContext, node: TSESTree.Node): DeclaredContentType | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal') return null; // `writeHead(200, 'OK')`: a status message
  if (value.type !== 'ObjectExpression') return 'unknown';
  if (value.properties.some((property) => property.type === 'SpreadElement')) return 'unknown';
  for (const property of value.properties) {
    if (property.type !== 'Property') continue;
    const key = property.key.type === 'Identifier' && !property.computed ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
    if (key?.toLowerCase() === 'content-type') return folded(file, property.value);
  }
  return null;
}

function folded(file: FileContext, node: TSESTree.Node): DeclaredContentType {
  const text = file.values.stringOf(node);
  return text === null ? 'unknown' : classifyContentType(text);
}

/** The response variable a call or member is made on, through chainable methods (`res.status(404).send`). */
export function responseRoot(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = unwrapExpression(node);
  for (let links = 0; links < 16; links += 1) {
    if (current.type === 'Identifier') return current;
    if (current.type !== 'CallExpression') return null;
    const callee = unwrapExpression(current.callee);
    const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
    if (callee.type !== 'MemberExpression' || method === null || !CHAINABLE_RESPONSE_METHODS.has(method)) return null;
    current = unwrapExpression(callee.object);
  }
  return null;
}

/** The modeled response type of a handler parameter (`res`, or Koa's and Hono's context), or null. */
export function responseParameterType(taint: FileTaint, identifier: TSESTree.Identifier): ApiReference | null {
  const variable = taint.file.scope.variableOf(identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter') return null;
  const fn = definition.node as FunctionNode;
  const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
  const role = index < 0 ? null : taint.parameterRole(fn, index);
  if (role?.role === 'response') return role.reference;
  return role?.role === 'request' ? taint.contextResponseType(fn, index) : null;
}

/** The response variable and the chainable calls made on it: `res.status(404).type('html')` → `res`, `status().type()`. */
export function responseChain(node: TSESTree.Node): { root: TSESTree.Identifier; steps: string[] } | null {
  const root = responseRoot(node);
  if (root === null) return null;
  const steps: string[] = [];
  for (let link = unwrapExpression(node); link.type === 'CallExpression'; ) {
    const linkCallee = unwrapExpression(link.callee) as TSESTree.MemberExpression;
    steps.unshift(staticPropertyName(linkCallee) ?? '*', CALL);
    link = unwrapExpression(linkCallee.object);
  }
  return { root, steps };
}

/** `res.status(404).type('html').send(x)` on a handler's response parameter: `Response().status().type().send`. */
export function chainedResponseReference(taint: FileTaint, call: CallNode): ApiReference | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || unwrapExpression(callee.object).type !== 'CallExpression') return null;
  const method = staticPropertyName(callee);
  const chain = responseChain(callee.object);
  const type = chain === null ? null : responseParameterType(taint, chain.root);
  if (method === null || chain === null || type === null) return null;
  return { module: type.module, steps: [...type.steps, ...chain.steps, method] };
}

/**
 * Whether a modeled html-output row holds for this body: always for `c.html`; for `'declared'` once `text/html`
 * was set; for `'string-default'` (Express) unless another type was set or the body is plainly not a string;
 * for `'leading-markup'` (Koa) likewise, and unless the body starts with constant text other than `<`.
 */
export function servesHtml(file: FileContext, receiver: TSESTree.Node, row: HtmlOutputRow, body: TSESTree.Node): boolean {
  if (row.htmlWhen === undefined) return true;
  const root = responseRoot(receiver);
  const declared = root === null ? 'unknown' : declaredContentType(file, root, body.range[0]);
  if (row.htmlWhen === 'declared' || declared !== 'none') return declared === 'html';
  if (!mayBeString(file, body)) return false;
  if (row.htmlWhen === 'string-default') return true;
  const leading = leadingText(file, body);
  return leading === null || leading.trimStart() === '' || leading.trimStart().startsWith('<');
}

/** `servesHtml` for a call on the response (`res.status(200).send(body)`: the receiver is `res.status(200)`). */
export function callServesHtml(file: FileContext, call: CallNode, row: HtmlOutputRow, body: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  return servesHtml(file, callee.type === 'MemberExpression' ? callee.object : callee, row, body);
}

/** False for object and array literals (sent as JSON), directly or through a constant binding. */
function mayBeString(file: FileContext, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression' || value.type === 'ArrayExpression') return false;
  if (value.type !== 'Identifier') return true;
  const variable = file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return true;
  const init = unwrapExpression(definition.node.init);
  return init.type !== 'ObjectExpression' && init.type !== 'ArrayExpression';
}

/** The constant text a string body starts with (`'Hello ' + name` → `Hello `), or null when it starts with a value. */
function leadingText(file: FileContext, node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type === 'TemplateLiteral') return value.quasis[0]?.value.cooked ?? null;
  if (value.type === 'BinaryExpression' && value.operator === '+') return leadingText(file, value.left);
  if (value.type === 'Literal' && typeof value.value === 'string') return value.value;
  return null;
}

/** Koa's `ctx.body = value`: the row, api and target when the member is a modeled html-output property of a response. */
export function htmlPropertyWrite(fileTaint: FileTaint, write: TSESTree.AssignmentExpression): { row: HtmlOutputRow; api: string; target: TSESTree.Node } | null {
  if (write.operator !== '=' || write.left.type !== 'MemberExpression') return null;
  // A context recognised by its shape is a response in the shape view only.
  const taint = fileTaint.reporting();
  const member = write.left;
  const name = staticPropertyName(member);
  const object = unwrapExpression(member.object);
  if (name === null) return null;
  // `ctx.body` or `ctx.response.body`
  const nested = object.type === 'MemberExpression' && staticPropertyName(object) === 'response' ? unwrapExpression(object.object) : null;
  const root = nested ?? object;
  if (root.type !== 'Identifier') return null;
  const type = taint.file.origins.referenceOf(root) ?? responseParameterType(taint, root);
  if (type === null) return null;
  const steps = nested === null ? [...type.steps, name] : [...type.steps, 'response', name];
  const match = taint.file.project.conceptIndex.match({ module: type.module, steps }, 'html-output');
  if (match === null || !servesHtml(taint.file, root, match.row, write.right)) return null;
  return { row: match.row, api: describeReference({ module: type.module, steps }), target: write.right };
}

