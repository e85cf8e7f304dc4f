/**
 * What: session middleware and session or token cookies without the cookie flags that protect them: `secure`
 * off or left to a default that is off, `httpOnly: false` (or left out where the library defaults to false),
 * `sameSite` missing or `none`, in express-session, cookie-session, @fastify/session, koa-session and
 * `res.cookie` / `reply.setCookie` / `ctx.cookies.set`; and guessable constant session secrets.
 * Why: a session cookie readable by script, sent over plain HTTP or attached to cross-site requests is stolen
 * by XSS, sniffed on the network, or ridden by CSRF; a guessable secret lets anyone forge sessions.
 * Quiet on: flags that do not fold to a constant (`secure: isProduction`), options it cannot read, cookies
 * whose name and value say nothing of a session or token (UI hints, CSRF double-submit cookies), test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { cookieWriteCalls, isCredentialCookie } from '../src/analysis/concepts/cookie-writes.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { isPlaceholder } from '../src/analysis/secrets/secret-values.js';
import { ConstantStrings } from '../src/analysis/values/constant-strings.js';
import type { PropertyPlace, StaticValues } from '../src/analysis/values/static-values.js';
import { staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import type { CookieDefaults, SessionMiddlewareRow } from '../src/models/session-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'weakSessionCookie' | 'weakCookie' | 'guessableSecret' | 'setHttpOnly';

type Flag = 'httpOnly' | 'secure' | 'sameSite';

/** The setting that closes each gap, for the message. */
const FIXES: Readonly<Record<Flag, string>> = { httpOnly: '`httpOnly: true`', secure: '`secure: true`', sameSite: "`sameSite: 'lax'`" };

const RISKS: Readonly<Record<Flag, string>> = {
  httpOnly: 'script injected into the page can read it',
  secure: 'it travels over plain HTTP',
  sameSite: 'cross-site requests carry it (CSRF)',
};

interface Weakness {
  readonly flag: Flag;
  readonly text: string;
}

export const insecureSessionCookie = defineRule<MessageId>({
  id: 'insecure-session-cookie',
  title: 'Session or token cookie without Secure, HttpOnly or SameSite',
  cwe: ['CWE-614', 'CWE-1004', 'CWE-1275', 'CWE-1391'],
  owasp: { 2021: ['A07:2021', 'A05:2021'], 2025: ['A07:2025', 'A02:2025'] },
  severity: 'medium',
  precision: 'high',
  help: "Set session and token cookies with `httpOnly: true`, `secure: true` and `sameSite: 'lax'` (or 'strict'), and sign sessions with a long random secret from the environment.",
  hasSuggestions: true,
  messages: {
    weakSessionCookie: '{{api}} issues its session cookie with {{weaknesses}}, so {{risks}}; set {{fix}}.',
    weakCookie: '{{api}} sets the {{cookie}} cookie with {{weaknesses}}, so {{risks}}; set {{fix}}.',
    guessableSecret: '{{api}} signs sessions with the constant secret `{{value}}`, which anyone can guess and forge sessions with; read a long random secret from the environment instead.',
    setHttpOnly: 'Set `httpOnly: true` to keep the cookie from scripts',
  },
  appliesTo: (file) => !isTestPath(file.path) && (file.concepts.mayUse('session-middleware') || file.concepts.mayUse('cookie-write')),
  create: (context) => {
    const constants = new ConstantStrings(context.scope, context.values);
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (call.type === 'CallExpression') {
        for (const write of cookieWriteCalls(context, call)) {
          const options = write.row.options;
          const name = call.arguments[write.row.name];
          const value = call.arguments[write.row.value];
          if (name === undefined || value === undefined || name.type === 'SpreadElement' || value.type === 'SpreadElement') continue;
          const cookie = isCredentialCookie(context.values, name, value);
          if (cookie === null) continue;
          reportWeakFlags(context, call, optionsAt(context, call, options), write.row.defaults, (weak) => ({ messageId: 'weakCookie', data: { api: write.api, cookie, ...weak } }));
        }
      }
      for (const middleware of sessionMiddleware(context, call)) {
        checkMiddleware(context, middleware, constants);
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
});

interface Middleware {
  readonly api: string;
  readonly row: SessionMiddlewareRow;
  /** The call holding the options: the middleware call, or a plugin's registration. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** `session({...})`, or `app.register(fastifySession, {...})` for a plugin. */
function sessionMiddleware(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression): Middleware[] {
  const direct = context.concepts.callsTo(call, 'session-middleware').filter((match) => match.row.plugin !== true);
  const found: Middleware[] = direct.map((match) => ({ api: match.api, row: match.row, call }));
  const callee = unwrapExpression(call.callee);
  const plugin = call.arguments[0];
  if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'register' && plugin !== undefined && plugin.type !== 'SpreadElement') {
    const match = context.concepts.valueIs(plugin, 'session-middleware');
    if (match !== null && match.row.plugin === true) found.push({ api: match.model.name, row: match.row, call });
  }
  return found;
}

function checkMiddleware(context: RuleContext<MessageId>, middleware: Middleware, constants: ConstantStrings): void {
  const { api, row, call } = middleware;
  const argument = call.arguments[row.options];
  if (argument !== undefined && argument.type !== 'SpreadElement') {
    for (const secret of row.secrets) {
      for (const constant of constants.of(argument, [secret], { throughArrays: true })) {
        if (constant.value.trim() === '' || !isPlaceholder(constant.value)) continue;
        context.report({ node: constant.node, messageId: 'guessableSecret', data: { api, value: constant.value } });
      }
    }
  }
  const options = optionsAt(context, call, row.options);
  const flags: PropertyPlace = row.cookie === undefined || options.kind !== 'found' ? options : options.place.values.propertyPlace(options.place.node, row.cookie);
  reportWeakFlags(context, call, flags, row.defaults, (weak) => ({ messageId: 'weakSessionCookie', data: { api, ...weak } }));
}

function optionsAt(context: RuleContext<MessageId>, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): PropertyPlace {
  const argument = call.arguments[index];
  if (argument === undefined) return { kind: 'absent' };
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  return { kind: 'found', place: { node: argument, values: context.values } };
}

type Describe = (weak: { weaknesses: string; risks: string; fix: string }) => { messageId: MessageId; data: Record<string, string> };

function reportWeakFlags(context: RuleContext<MessageId>, call: TSESTree.Node, options: PropertyPlace, defaults: CookieDefaults, describe: Describe): void {
  if (options.kind === 'unknown') return;
  const weaknesses: Weakness[] = [];
  const setting = (flag: Flag): { kind: 'absent' | 'unknown' } | { kind: 'constant'; value: unknown } => {
    if (options.kind === 'absent') return { kind: 'absent' };
    const found = options.place.values.propertyPlace(options.place.node, flag);
    if (found.kind !== 'found') return found;
    const known = found.place.values.valueOf(found.place.node);
    return known === null ? { kind: 'unknown' } : { kind: 'constant', value: known.value };
  };
  const httpOnly = setting('httpOnly');
  if (httpOnly.kind === 'constant' && httpOnly.value === false) weaknesses.push({ flag: 'httpOnly', text: '`httpOnly: false`' });
  if (httpOnly.kind === 'absent' && !defaults.httpOnly) weaknesses.push({ flag: 'httpOnly', text: 'no `httpOnly`' });
  const secure = setting('secure');
  if (secure.kind === 'constant' && secure.value === false) weaknesses.push({ flag: 'secure', text: '`secure: false`' });
  if (secure.kind === 'absent' && defaults.secure === false) weaknesses.push({ flag: 'secure', text: 'no `secure`' });
  const sameSite = setting('sameSite');
  if (sameSite.kind === 'constant' && (sameSite.value === false || (typeof sameSite.value === 'string' && sameSite.value.toLowerCase() === 'none'))) {
    weaknesses.push({ flag: 'sameSite', text: `\`sameSite: ${typeof sameSite.value === 'string' ? `'${sameSite.value}'` : 'false'}\`` });
  }
  if (sameSite.kind === 'absent') weaknesses.push({ flag: 'sameSite', text: 'no `sameSite`' });
  if (weaknesses.length === 0) return;
  const described = describe({ weaknesses: listed(weaknesses.map((weak) => weak.text)), risks: listed(weaknesses.map((weak) => RISKS[weak.flag])), fix: listed(weaknesses.map((weak) => FIXES[weak.flag])) });
  const node = options.kind === 'found' && options.place.values === context.values ? options.place.node : call;
  const suggest = weaknesses.some((weak) => weak.flag === 'httpOnly') ? httpOnlySuggestion(options, context.values) : [];
  context.report({ node, messageId: described.messageId, data: described.data, suggest });
}

/** `httpOnly: false` → `true` in a literal written here; or `httpOnly: true` added to an inline options literal. */
function httpOnlySuggestion(options: PropertyPlace, values: StaticValues): SuggestionDescriptor<MessageId>[] {
  if (options.kind !== 'found' || options.place.values !== values) return [];
  const literal = unwrapExpression(options.place.node);
  if (literal.type !== 'ObjectExpression') return [];
  const existing = literal.properties.find((property) => property.type === 'Property' && staticPropertyName(property) === 'httpOnly');
  if (existing?.type === 'Property') {
    return existing.value.type === 'Literal' ? [{ messageId: 'setHttpOnly', edits: [{ range: existing.value.range, text: 'true' }] }] : [];
  }
  const first = literal.properties[0];
  const edit = first === undefined ? { range: literal.range, text: '{ httpOnly: true }' } : { range: [first.range[0], first.range[0]] as const, text: 'httpOnly: true, ' };
  return [{ messageId: 'setHttpOnly', edits: [edit] }];
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

