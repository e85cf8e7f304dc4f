/**
 * What: request bodies and uploads read without a bound or with a huge one: body parsers (Express, body-parser,
 * koa-bodyparser, koa-body, Fastify's `bodyLimit`) set above 10 MiB for parsed bodies or 100 MiB for raw bytes
 * and files; multer and express-fileupload with no `limits.fileSize` (they have no default); multer disk storage
 * whose `destination` or `filename` comes from the request (`req.body.folder`, `file.originalname`); ajv with
 * `allErrors: true` in a file that handles requests.
 * Why: one request fills the memory or the disk, or blocks the event loop while a huge JSON body parses; a
 * client-chosen path or name writes where the client wants; `allErrors` makes validation cost grow with the
 * number of errors an attacker packs into one body.
 * Quiet on: limits left at the libraries' defaults (except the unbounded ones), limits from configuration or
 * the environment, storage functions that build names from server values, ajv instances in files without
 * request handling.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes } from '../src/analysis/node-children.js';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { nestedObjectPlaces, optionSetting, type OptionSetting } from '../src/analysis/values/option-objects.js';
import type { ValuePlace } from '../src/analysis/values/static-values.js';
import type { BodyKind, BodyLimitRow, SizeOption } from '../src/models/limit-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'hugeLimit' | 'noFileLimit' | 'requestPath' | 'clientFileName' | 'allErrors';

const MIB = 1024 * 1024;
/** Above these a body is no longer "a request": parsed bodies block the event loop, buffered ones fill memory or disk. */
const HUGE_BYTES: Readonly<Record<BodyKind, number>> = { parsed: 10 * MIB, bytes: 100 * MIB };
const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: MIB, gb: 1024 * MIB, tb: 1024 * 1024 * MIB, pb: 1024 * 1024 * 1024 * MIB };
/** Bounds the look into a storage function's body: such functions are a few lines. */
const MAX_STORAGE_NODES = 2_000;
/** Calls that turn a client's name into a safe one (`path.basename` drops directories; slug and sanitize helpers drop the rest). */
const NAME_SANITIZERS = /^(basename|sanitize\w*|slugify|slug|filenamify|encodeURIComponent)$/i;
const REQUEST_INPUTS: ReadonlySet<string> = new Set(['body', 'query', 'params', 'headers', 'cookies']);

export const bodyAndUploadLimits = defineRule<MessageId>({
  id: 'body-and-upload-limits',
  title: 'Request body or upload without a sane size limit, or stored under a client-chosen path',
  cwe: ['CWE-770', 'CWE-434', 'CWE-22'],
  owasp: { 2021: ['A05:2021', 'A04:2021'], 2025: ['A02:2025', 'A06:2025'] },
  severity: 'medium',
  precision: 'medium',
  help: 'Give every body parser and upload middleware a limit sized to what the route needs (`limits: { fileSize }` for multer), and store uploads under server-generated names in a fixed folder.',
  messages: {
    hugeLimit: '{{api}} accepts bodies of up to {{size}} (`{{option}}`); one request can fill memory{{disk}} or block the event loop; set the limit to what the route needs instead.',
    noFileLimit: '{{api}} is used without `limits.fileSize`, so uploads of any size are accepted; set `limits: { fileSize, files }` to what the route needs.',
    requestPath: 'The upload {{what}} comes from the request ({{source}}), so a client chooses where files are written; use a fixed folder and a server-generated name instead.',
    clientFileName: 'Uploads are stored under the client\'s own file name ({{source}}): clients overwrite each other\'s files and choose the extension; use a server-generated name (`crypto.randomUUID()`) and keep the original only as data.',
    allErrors: '`allErrors: true` makes ajv collect every error of request input, so validation time grows with what a client sends; leave it off for untrusted data.',
  },
  create: (context) => {
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      for (const site of context.concepts.callsTo(call, 'body-limit')) checkLimits(context, call, site.row, site.api);
      for (const site of context.concepts.callsTo(call, 'upload-storage')) checkStorage(context, call, site.row.argument, [site.row.destination, site.row.filename]);
      if (context.concepts.callTo(call, 'schema-validator-options') !== null) checkAllErrors(context, call);
    };
    return { CallExpression: check, NewExpression: check };
  },
});

function checkLimits(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression, row: BodyLimitRow, api: string): void {
  const argument = call.arguments[row.argument];
  if (argument?.type === 'SpreadElement') return;
  const objects = argument === undefined ? [] : nestedObjectPlaces(argument, undefined, context.values);
  // Options that are not object literals (a variable from configuration) are the configuration's business.
  if (argument !== undefined && objects.length === 0) return;
  for (const size of row.sizes) {
    const settings = objects.map((object) => settingAt(object, size.option));
    if (size.defaultBytes === null && settings.every((setting) => setting === null)) {
      context.report({ node: argument ?? call, messageId: 'noFileLimit', data: { api } });
      continue;
    }
    for (const setting of settings) if (setting !== null) checkSize(context, setting, size, api, argument ?? call);
  }
}

/** The setting at a dotted option name (`limits.fileSize`) of one options object. */
function settingAt(object: ValuePlace, option: string): OptionSetting | null {
  const names = option.split('.');
  const last = names.pop();
  if (last === undefined) return null;
  const parents = names.length === 0 ? [object] : nestedObjectPlaces(object.node, names.join('.'), object.values);
  for (const parent of parents) {
    const setting = optionSetting(parent, last);
    if (setting !== null) return setting;
  }
  return null;
}

function checkSize(context: RuleContext<MessageId>, setting: OptionSetting, size: SizeOption, api: string, fallback: TSESTree.Node): void {
  const bytes = (setting.possible ?? []).map(sizeInBytes).filter((value): value is number => value !== null);
  const largest = bytes.length === 0 ? null : Math.max(...bytes);
  if (largest === null || largest <= HUGE_BYTES[size.body]) return;
  const here = setting.place.values === context.values;
  const node = here ? (propertyOf(setting.place.node) ?? setting.place.node) : fallback;
  const disk = size.body === 'bytes' ? ' or disk' : '';
  context.report({ node, messageId: 'hugeLimit', data: { api, option: size.option, size: describeSize(largest), disk } });
}

/** A size as the `bytes` package reads it (`'50mb'`, `'1.5 GB'`, `1048576`), or null. */
export function sizeInBytes(value: unknown): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?b)?\s*$/i.exec(value);
  if (match === null) return null;
  const unit = SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
}

function describeSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'any size';
  return bytes >= 1024 * MIB ? `${Math.round(bytes / (1024 * MIB))} GiB` : `${Math.round(bytes / MIB)} MiB`;
}

function propertyOf(node: TSESTree.Node): TSESTree.Property | null {
  const parent = node.parent;
  return parent?.type === 'Property' && parent.value === node ? parent : null;
}

type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** `diskStorage({ destination: (req, file, cb) => cb(null, …), filename: … })`: what each callback answers with. */
function checkStorage(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, options: readonly string[]): void {
  const argument = call.arguments[index];
  if (argument === undefined || argument.type === 'SpreadElement') return;
  for (const object of nestedObjectPlaces(argument, undefined, context.values)) {
    if (object.values !== context.values) continue;
    for (const option of options) {
      const setting = optionSetting(object, option);
      const fn = setting === null ? null : unwrapExpression(setting.place.node);
      if (fn !== null && isFunctionNode(fn)) checkStorageFunction(context, fn, option === options[0] ? 'folder' : 'file name');
    }
  }
}

function checkStorageFunction(context: RuleContext<MessageId>, fn: FunctionLike, what: 'folder' | 'file name'): void {
  const [requestParameter, fileParameter, callbackParameter] = fn.params.map((parameter) => (parameter.type === 'Identifier' ? parameter.name : null));
  if (callbackParameter === undefined || callbackParameter === null) return;
  for (const answer of callbackAnswers(fn, callbackParameter)) {
    const source = clientValueIn(answer, requestParameter ?? null, fileParameter ?? null);
    if (source === null) continue;
    const clientName = what === 'file name' && source.kind === 'file name';
    context.report({ node: answer, messageId: clientName ? 'clientFileName' : 'requestPath', data: { what, source: source.text } });
  }
}

/** The second argument of every `cb(null, value)` in the function (nested functions included: `crypto.randomBytes(…, (err, buf) => cb(…))`). */
function callbackAnswers(fn: FunctionLike, callback: string): TSESTree.Node[] {
  const answers: TSESTree.Node[] = [];
  const pending: TSESTree.Node[] = [fn.body];
  for (let seen = 0; pending.length > 0 && seen < MAX_STORAGE_NODES; seen += 1) {
    const node = pending.pop();
    if (node === undefined) break;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === callback) {
      const value = node.arguments[1];
      if (value !== undefined && value.type !== 'SpreadElement') answers.push(value);
    }
    pending.push(...childNodes(node));
  }
  return answers;
}

/** Request input (`req.body.x`) or the client's file name (`file.originalname`) in the value, outside a name sanitizer. */
function clientValueIn(value: TSESTree.Node, request: string | null, file: string | null): { kind: 'request' | 'file name'; text: string } | null {
  const pending: TSESTree.Node[] = [value];
  for (let seen = 0; pending.length > 0 && seen < MAX_STORAGE_NODES; seen += 1) {
    const node = pending.pop();
    if (node === undefined) break;
    if (node.type === 'CallExpression' && isNameSanitizer(node)) continue;
    if (node.type === 'MemberExpression') {
      const found = clientMember(node, request, file);
      if (found !== null) return found;
    }
    pending.push(...childNodes(node));
  }
  return null;
}

function clientMember(node: TSESTree.MemberExpression, request: string | null, file: string | null): { kind: 'request' | 'file name'; text: string } | null {
  const object = unwrapExpression(node.object);
  const name = staticPropertyName(node);
  if (object.type !== 'Identifier' || name === null) return null;
  if (object.name === file && name === 'originalname') return { kind: 'file name', text: `${file}.originalname` };
  if (object.name === request && REQUEST_INPUTS.has(name)) return { kind: 'request', text: `${request}.${name}` };
  return null;
}

function isNameSanitizer(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  return name !== null && NAME_SANITIZERS.test(name);
}

/** `new Ajv({ allErrors: true })` where the file handles requests (the instance validates what they carry). */
function checkAllErrors(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression): void {
  const argument = call.arguments[0];
  if (argument === undefined || argument.type === 'SpreadElement' || !context.taint.maySeeRequestData) return;
  for (const object of nestedObjectPlaces(argument, undefined, context.values)) {
    const setting = optionSetting(object, 'allErrors');
    if (setting?.possible?.includes(true) !== true) continue;
    const here = setting.place.values === context.values;
    context.report({ node: here ? (propertyOf(setting.place.node) ?? setting.place.node) : argument, messageId: 'allErrors' });
    return;
  }
}
