/**
 * What: passwords handled as plain text: a request password compared with a stored one by `===`, looked up
 * as a query value (`User.find({ username, password: req.body.password })`), stored through a modeled ORM
 * write unhashed where the project depends on no password-hashing library, written to a log, put in a URL's
 * query string; and default credentials in code (`{ username: 'admin', password: 'admin' }`, a guessable
 * literal used when `process.env.ADMIN_PASSWORD` is unset).
 * Why: a database that holds plain passwords hands every account (and its owner's other accounts) to whoever
 * reads it; logs and URLs are copied to places with weaker access control; a default password is the first
 * one an attacker tries.
 * Quiet on: values that passed through any call first (`await bcrypt.hash(password, 12)`), names that say
 * hashed (`passwordHash`, `hashedPassword`), two request values compared (`password === confirmPassword`),
 * credential-shaped literals (hardcoded-secret's), labels (`'Password'`), test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { isPresentedInput, isUntransformed, namesPlainPassword, plainPasswordName } from '../src/analysis/names/plaintext-passwords.js';
import { staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { looksLikeCredential } from '../src/analysis/secrets/secret-values.js';
import { ACCOUNT_NAME_KEYS, CONNECTION_KEYS, DEFAULT_PASSWORDS, NON_PRODUCTION_PATH, URL_PASSWORD_PARAMETER } from '../src/models/credential-defaults.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';
import { passwordValuesIn, storedWrites, type StoredWrite } from '../src/analysis/concepts/password-writes.js';

type MessageId = 'comparedPlaintext' | 'queriedPlaintext' | 'storedPlaintext' | 'loggedPassword' | 'passwordInUrl' | 'defaultCredential' | 'defaultFallback';

const EQUALITY: ReadonlySet<string> = new Set(['===', '==', '!==', '!=']);
const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

export const plaintextPassword = defineRule<MessageId>({
  id: 'plaintext-password',
  title: 'Password stored, compared, logged or sent as plain text, or a default credential',
  cwe: ['CWE-256', 'CWE-522', 'CWE-798', 'CWE-1392', 'CWE-532', 'CWE-598'],
  owasp: { 2021: ['A07:2021', 'A02:2021'], 2025: ['A07:2025', 'A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Store only a slow salted hash of a password (argon2id, bcrypt, scrypt) and check it with the library\'s verify function; never log a password or put it in a URL; require an operator-set password instead of a default.',
  messages: {
    comparedPlaintext: '`{{operator}}` compares the request password `{{presented}}` with the stored `{{stored}}`, so passwords are stored in plain text; store a hash and check it with argon2.verify or bcrypt.compare.',
    queriedPlaintext: '{{api}} looks the account up by the request password `{{presented}}`, so passwords are stored in plain text; find the account by name and check a stored hash with argon2.verify or bcrypt.compare.',
    storedPlaintext: '{{api}} stores the request password `{{presented}}` unhashed and the project uses no password-hashing library; store argon2.hash or bcrypt.hash of it instead.',
    loggedPassword: '{{api}} writes the password `{{name}}` to the log, where everyone with log access reads it; log the event without the password.',
    passwordInUrl: 'The password `{{name}}` is put in a URL query string, which browsers, proxies and server logs keep; send it in a POST body instead.',
    defaultCredential: 'The account `{{account}}` gets the default password `{{password}}`, the first one an attacker tries; require a password set at install time instead.',
    defaultFallback: '`{{name}}` falls back to the guessable password `{{password}}` when the environment has none; fail at startup instead.',
  },
  appliesTo: (file) => !isTestPath(file.path) && !NON_PRODUCTION_PATH.test(file.path),
  create: (context) => {
    const writes: StoredWrite[] = [];
    let hashesInFile = false;
    return {
      BinaryExpression: (node) => {
        if (EQUALITY.has(node.operator) && node.left.type !== 'PrivateIdentifier') checkComparison(context, node, node.left);
        if (node.operator === '+') checkUrlConcatenation(context, node);
      },
      TemplateLiteral: (node) => checkUrlTemplate(context, node),
      ObjectExpression: (node) => checkDefaultCredential(context, node),
      LogicalExpression: (node) => checkFallback(context, node),
      CallExpression: (call) => {
        if (context.concepts.callsTo(call, 'password-hash').length > 0) hashesInFile = true;
        checkLog(context, call);
        checkQuery(context, call);
        writes.push(...storedWrites(context, call));
      },
      NewExpression: (call) => writes.push(...storedWrites(context, call)),
      'Program:exit': () => {
        if (hashesInFile || dependsOnPasswordHashing(context)) return;
        for (const write of writes) {
          const presented = presentedPassword(context, write.value);
          if (presented !== null) context.report({ node: write.value, messageId: 'storedPlaintext', data: { api: write.api, presented } });
        }
      },
    };
  },
});

/** The request password a value is, named as written (`req.body.password`), or null. */
function presentedPassword(context: RuleContext<MessageId>, node: TSESTree.Node): string | null {
  if (plainPasswordName(node) === null || !isUntransformed(context.scope, node)) return null;
  const flow = context.taint.flowTo(node, { sanitizedFor: 'code' });
  return flow !== null && isPresentedInput(flow.source.kind) ? context.file.source.slice(node.range).slice(0, 40) : null;
}

function checkComparison(context: RuleContext<MessageId>, node: TSESTree.BinaryExpression, left: TSESTree.Expression): void {
  for (const [presentedSide, storedSide] of [[left, node.right], [node.right, left]] as const) {
    const stored = unwrapExpression(storedSide);
    if (stored.type !== 'MemberExpression' || plainPasswordName(stored) === null) continue;
    const presented = presentedPassword(context, presentedSide);
    if (presented === null || context.taint.flowTo(stored, { sanitizedFor: 'code' }) !== null) continue;
    context.report({ node, messageId: 'comparedPlaintext', data: { operator: node.operator, presented, stored: context.file.source.slice(stored.range).slice(0, 40) } });
    return;
  }
}

function checkQuery(context: RuleContext<MessageId>, call: TSESTree.CallExpression): void {
  for (const query of context.concepts.callsTo(call, 'nosql-query')) {
    if (query.target === null) continue;
    for (const value of passwordValuesIn(query.target)) {
      const presented = presentedPassword(context, value);
      if (presented !== null) context.report({ node: value, messageId: 'queriedPlaintext', data: { api: query.api, presented } });
    }
  }
}

function checkLog(context: RuleContext<MessageId>, call: TSESTree.CallExpression): void {
  const callee = unwrapExpression(call.callee);
  const isConsole = callee.type === 'MemberExpression' && CONSOLE_METHODS.has(staticPropertyName(callee) ?? '') && callee.object.type === 'Identifier' && callee.object.name === 'console' && context.scope.isGlobalReference(callee.object);
  const api = isConsole ? context.file.source.slice(callee.range) : context.concepts.callsTo(call, 'log-write')[0]?.api;
  if (api === undefined) return;
  for (const argument of call.arguments) {
    for (const value of loggedParts(argument)) {
      const name = plainPasswordName(value);
      if (name !== null) context.report({ node: value, messageId: 'loggedPassword', data: { api, name } });
    }
  }
}

/** The values a log argument writes: itself, the parts of a template or `+` concatenation, an object's values. */
function loggedParts(node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const value = unwrapExpression(node);
  if (depth > 3) return [];
  if (value.type === 'TemplateLiteral') return value.expressions.flatMap((part) => loggedParts(part, depth + 1));
  if (value.type === 'BinaryExpression' && value.operator === '+') return [...loggedParts(value.left, depth + 1), ...loggedParts(value.right, depth + 1)];
  if (value.type === 'ObjectExpression') return value.properties.flatMap((property) => (property.type === 'Property' ? loggedParts(property.value, depth + 1) : []));
  return [value];
}

function checkUrlTemplate(context: RuleContext<MessageId>, node: TSESTree.TemplateLiteral): void {
  node.expressions.forEach((expression, index) => {
    const before = node.quasis[index]?.value.cooked ?? '';
    const name = URL_PASSWORD_PARAMETER.test(before) ? (plainPasswordName(expression) ?? unwrappedName(expression)) : null;
    if (name !== null) context.report({ node: expression, messageId: 'passwordInUrl', data: { name } });
  });
}

function checkUrlConcatenation(context: RuleContext<MessageId>, node: TSESTree.BinaryExpression): void {
  if (node.left.type === 'PrivateIdentifier') return;
  const before = unwrapExpression(node.left);
  const text = before.type === 'Literal' ? context.values.stringOf(before) : before.type === 'BinaryExpression' ? trailingLiteral(before) : null;
  if (text === null || !URL_PASSWORD_PARAMETER.test(text)) return;
  const name = plainPasswordName(node.right) ?? unwrappedName(node.right);
  if (name !== null) context.report({ node: node.right, messageId: 'passwordInUrl', data: { name } });
}

/** `'?user=' + u + '&password='`: the literal the concatenation ends with. */
function trailingLiteral(node: TSESTree.BinaryExpression): string | null {
  const right = unwrapExpression(node.right);
  return node.operator === '+' && right.type === 'Literal' && typeof right.value === 'string' ? right.value : null;
}

/** After `password=` any non-literal value is the password, whatever it is called (`encodeURIComponent(pw)`). */
function unwrappedName(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' || value.type === 'TemplateLiteral') return null;
  if (value.type === 'CallExpression' && value.arguments[0] !== undefined) return unwrappedName(value.arguments[0]);
  return value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? staticPropertyName(value) : null;
}

function checkDefaultCredential(context: RuleContext<MessageId>, node: TSESTree.ObjectExpression): void {
  let account: string | null = null;
  let password: { node: TSESTree.Node; value: string } | null = null;
  if (isConnectionOptions(node)) return;
  for (const property of node.properties) {
    if (property.type !== 'Property') continue;
    const key = staticPropertyName(property);
    const value = property.value.type === 'Literal' && typeof property.value.value === 'string' ? property.value.value : null;
    if (key === null || value === null) continue;
    if (ACCOUNT_NAME_KEYS.has(key)) account ??= value;
    else if (namesPlainPassword(key)) password = { node: property.value, value };
  }
  if (account === null || password === null || !isGuessable(password.value, account)) return;
  context.report({ node: password.node, messageId: 'defaultCredential', data: { account, password: password.value } });
}

/** `process.env.ADMIN_PASSWORD || 'admin'`: a guessable literal hardcoded-secret leaves alone (it is too short or common to look like a credential). */
function checkFallback(context: RuleContext<MessageId>, node: TSESTree.LogicalExpression): void {
  if (node.operator === '&&') return;
  const read = unwrapExpression(node.left);
  const name = read.type === 'MemberExpression' ? staticPropertyName(read) : null;
  if (read.type !== 'MemberExpression' || name === null || !namesPlainPassword(name) || !isEnvironmentRead(context, read.object)) return;
  const holder = node.parent.type === 'Property' ? node.parent.parent : null;
  if (holder?.type === 'ObjectExpression' && isConnectionOptions(holder)) return;
  const fallback = context.values.stringOf(node.right);
  if (fallback === null || fallback.trim() === '' || looksLikeCredential(fallback)) return;
  context.report({ node: node.right, messageId: 'defaultFallback', data: { name, password: fallback } });
}

function isEnvironmentRead(context: RuleContext<MessageId>, node: TSESTree.Node): boolean {
  const env = unwrapExpression(node);
  if (env.type !== 'MemberExpression' || staticPropertyName(env) !== 'env') return false;
  const process = unwrapExpression(env.object);
  return process.type === 'Identifier' && process.name === 'process' && context.scope.isGlobalReference(process);
}

function isConnectionOptions(node: TSESTree.ObjectExpression): boolean {
  return node.properties.some((property) => property.type === 'Property' && CONNECTION_KEYS.has(staticPropertyName(property) ?? ''));
}

/** A default password, or the account name repeated, that hardcoded-secret's credential shape does not cover. */
function isGuessable(password: string, account: string): boolean {
  return password.trim() !== '' && (DEFAULT_PASSWORDS.has(password) || password === account) && !looksLikeCredential(password);
}

/** A dependency of the file's package hashes passwords (bcrypt, argon2, ...): stored writes may be hashed in a model hook. */
function dependsOnPasswordHashing(context: RuleContext<MessageId>): boolean {
  const hashing = context.file.project.conceptIndex.modulesFor('password-hash');
  for (const dependency of context.file.project.manifests.dependenciesOf(context.file.absolutePath)) {
    if (hashing.has(dependency)) return true;
  }
  return false;
}
