/**
 * What: TLS connections that accept any certificate or an old protocol: `rejectUnauthorized: false` given to
 * Node's https/tls, undici, got, ws, proxy agents, database drivers (pg, mysql2, Sequelize, TypeORM, MongoDB,
 * ioredis, node-redis), nodemailer and kafkajs; MongoDB's `tlsAllowInvalidCertificates`-style switches;
 * `checkServerIdentity` functions that never return an error; `minVersion`/`maxVersion`/`secureProtocol`
 * below TLS 1.2; `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'`, which turns verification off process-wide.
 * Why: whoever sits on the network path can present their own certificate and read or change the traffic.
 * Quiet on: settings read from configuration or the environment (not constants), `rejectUnauthorized` on
 * servers (it concerns client certificates), look-alike options given to calls of other modules. Test files
 * are reported too: a test that switches verification off is still switched off (see the docs page).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes } from '../src/analysis/node-children.js';
import { isFunctionNode, staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { nestedObjectPlaces, optionSetting, type OptionSetting } from '../src/analysis/values/option-objects.js';
import type { ValuePlace } from '../src/analysis/values/static-values.js';
import { isWeakSecureProtocol, MINIMUM_TLS_VERSION, WEAK_TLS_VERSIONS } from '../src/models/tls-settings.js';
import type { TlsOptionsRow } from '../src/models/transport-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'verificationOff' | 'libraryFlag' | 'identityUnchecked' | 'oldProtocol' | 'environmentOff' | 'suggestVerify' | 'suggestVersion' | 'suggestRemove';

/** Bounds the look into a `checkServerIdentity` body. */
const MAX_IDENTITY_NODES = 2_000;

export const tlsVerificationDisabled = defineRule<MessageId>({
  id: 'tls-verification-disabled',
  title: 'TLS certificate verification disabled or a protocol older than TLS 1.2 allowed',
  cwe: ['CWE-295', 'CWE-297', 'CWE-757'],
  owasp: { 2021: ['A05:2021', 'A07:2021', 'A02:2021'], 2025: ['A02:2025', 'A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Keep certificate verification on: trust a private CA with the `ca` option instead of `rejectUnauthorized: false`, and require TLS 1.2 or later.',
  hasSuggestions: true,
  messages: {
    verificationOff: '{{api}} is given `rejectUnauthorized: false`{{where}}, so any certificate is accepted and the connection can be intercepted; trust the server\'s CA with the `ca` option instead.',
    libraryFlag: '{{api}} is given `{{option}}: {{value}}`{{where}}, which skips certificate checks; trust the server\'s CA with `tlsCAFile` instead.',
    identityUnchecked: '{{api}} is given a `checkServerIdentity` that never returns an error{{where}}, so a certificate for any host is accepted; call `tls.checkServerIdentity(host, cert)` and return its result instead.',
    oldProtocol: '{{api}} sets `{{option}}: \'{{value}}\'`{{where}}, allowing a protocol older than TLS 1.2; set `minVersion: \'TLSv1.2\'` (or leave Node\'s default) instead.',
    environmentOff: 'Setting NODE_TLS_REJECT_UNAUTHORIZED to \'0\' turns certificate verification off for every TLS connection of the process; remove it and trust the server\'s CA with `NODE_EXTRA_CA_CERTS` instead.',
    suggestVerify: 'Set `rejectUnauthorized: true` (connections to servers with untrusted certificates will fail).',
    suggestVersion: 'Use \'{{version}}\' instead.',
    suggestRemove: 'Remove this assignment; connections to servers with untrusted certificates will then fail.',
  },
  create: (context) => {
    const reported = new Set<TSESTree.Node>();
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (call.arguments.length === 0) return;
      for (const site of context.concepts.callsTo(call, 'tls-options')) checkSite(context, call, site.row, site.api, reported);
    };
    return {
      CallExpression: check,
      NewExpression: check,
      AssignmentExpression: (assignment) => checkEnvironment(context, assignment),
    };
  },
});

function checkSite(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression, row: TlsOptionsRow, api: string, reported: Set<TSESTree.Node>): void {
  const argument = call.arguments[row.argument];
  if (argument === undefined || argument.type === 'SpreadElement') return;
  for (const object of nestedObjectPlaces(argument, row.property, context.values)) {
    const report = (setting: OptionSetting, messageId: MessageId, data: Record<string, string>, suggest?: SuggestionDescriptor<MessageId>[]): void => {
      const here = setting.place.values === context.values;
      const node = here ? (propertyOf(setting.place.node) ?? setting.place.node) : argument;
      if (reported.has(node)) return;
      reported.add(node);
      const where = here ? '' : ' (set in an imported module)';
      context.report({ node, messageId, data: { api, where, ...data }, ...(here && suggest !== undefined ? { suggest } : {}) });
    };
    if (row.checks === 'all') checkVerification(context, object, row, report);
    checkVersions(object, report);
  }
}

type Report = (setting: OptionSetting, messageId: MessageId, data: Record<string, string>, suggest?: SuggestionDescriptor<MessageId>[]) => void;

function checkVerification(context: RuleContext<MessageId>, object: ValuePlace, row: TlsOptionsRow, report: Report): void {
  const reject = optionSetting(object, 'rejectUnauthorized');
  if (reject?.possible?.includes(false) === true) report(reject, 'verificationOff', {}, replaceLiteral(reject, false, 'true', 'suggestVerify'));
  for (const flag of row.insecureFlags ?? []) {
    const setting = optionSetting(object, flag.option);
    if (setting?.possible?.includes(flag.insecure) === true) report(setting, 'libraryFlag', { option: flag.option, value: String(flag.insecure) });
  }
  const identity = optionSetting(object, 'checkServerIdentity');
  const check = identity === null ? null : functionAt(context, identity.place);
  if (identity !== null && check !== null && neverReturnsError(check, identity.place)) report(identity, 'identityUnchecked', {});
}

function checkVersions(object: ValuePlace, report: Report): void {
  for (const option of ['minVersion', 'maxVersion']) {
    const setting = optionSetting(object, option);
    const weak = setting?.possible?.find((value): value is string => typeof value === 'string' && WEAK_TLS_VERSIONS.has(value));
    if (setting === null || weak === undefined) continue;
    const suggest = replaceLiteral(setting, weak, `'${MINIMUM_TLS_VERSION}'`, 'suggestVersion');
    report(setting, 'oldProtocol', { option, value: weak }, suggest?.map((item) => ({ ...item, data: { version: MINIMUM_TLS_VERSION } })));
  }
  const protocol = optionSetting(object, 'secureProtocol');
  const pinned = protocol?.possible?.find((value): value is string => typeof value === 'string' && isWeakSecureProtocol(value));
  if (protocol !== null && pinned !== undefined) report(protocol, 'oldProtocol', { option: 'secureProtocol', value: pinned });
}

/** A suggestion replacing the literal `from` with `text`, when the value is that literal written here. */
function replaceLiteral(setting: OptionSetting, from: unknown, text: string, messageId: MessageId): SuggestionDescriptor<MessageId>[] | undefined {
  const node = unwrapExpression(setting.place.node);
  if (node.type !== 'Literal' || node.value !== from) return undefined;
  return [{ messageId, edits: [{ range: node.range, text }] }];
}

/** The property whose value `node` is, so the finding covers `rejectUnauthorized: false` rather than `false`. */
function propertyOf(node: TSESTree.Node): TSESTree.Property | null {
  const parent = node.parent;
  return parent?.type === 'Property' && parent.value === node ? parent : null;
}

type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** The function a `checkServerIdentity` value is: written in place, a `const`, or a function declaration. */
function functionAt(context: RuleContext<MessageId>, place: ValuePlace): FunctionLike | null {
  const resolved = place.values.placeOf(place.node) ?? place;
  const node = unwrapExpression(resolved.node);
  if (isFunctionNode(node)) return node;
  if (node.type !== 'Identifier' || resolved.values !== context.values) return null;
  // placeOf follows `const` bindings only; a hoisted `function skip() {}` is read from its declaration.
  const variable = context.scope.variableOf(node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return definition?.type === 'FunctionName' && definition.node.type === 'FunctionDeclaration' ? definition.node : null;
}

/**
 * True when no path of the function returns an error or throws: every `return` gives nothing, `undefined` or
 * `null`, and no `throw` is written. Node treats any such result as "the identity matches".
 */
function neverReturnsError(fn: FunctionLike, place: ValuePlace): boolean {
  if (fn.body.type !== 'BlockStatement') {
    const results = place.values.possibleValues(fn.body);
    return results !== null && results.every((value) => value === undefined || value === null);
  }
  const pending: TSESTree.Node[] = [fn.body];
  for (let seen = 0; pending.length > 0; seen += 1) {
    const node = pending.pop();
    if (node === undefined || seen > MAX_IDENTITY_NODES) return false;
    if (node.type === 'ThrowStatement') return false;
    if (node.type === 'ReturnStatement' && node.argument !== null) {
      const results = place.values.possibleValues(node.argument);
      if (results === null || !results.every((value) => value === undefined || value === null)) return false;
    }
    if (node !== fn.body && isFunctionNode(node)) continue;
    pending.push(...childNodes(node));
  }
  return true;
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` (or `0`, or through `process.env['...']`) on the real `process`. */
function checkEnvironment(context: RuleContext<MessageId>, assignment: TSESTree.AssignmentExpression): void {
  if (assignment.operator !== '=') return;
  const target = unwrapExpression(assignment.left);
  if (target.type !== 'MemberExpression') return;
  const name = target.computed ? context.values.stringOf(target.property) : staticPropertyName(target);
  if (name !== 'NODE_TLS_REJECT_UNAUTHORIZED' || !isProcessEnv(context, target.object)) return;
  const values = context.values.possibleValues(assignment.right);
  if (values === null || !values.some((value) => String(value) === '0')) return;
  const statement = assignment.parent;
  const suggest: SuggestionDescriptor<MessageId>[] | undefined =
    statement?.type === 'ExpressionStatement' && statement.expression === assignment ? [{ messageId: 'suggestRemove', edits: [{ range: statement.range, text: '' }] }] : undefined;
  context.report({ node: assignment, messageId: 'environmentOff', ...(suggest === undefined ? {} : { suggest }) });
}

function isProcessEnv(context: RuleContext<MessageId>, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type !== 'MemberExpression' || staticPropertyName(object) !== 'env') return false;
  const process = unwrapExpression(object.object);
  return process.type === 'Identifier' && process.name === 'process' && context.scope.isGlobalReference(process);
}
