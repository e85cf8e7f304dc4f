/**
 * Cookie writes: `res.cookie(...)`, `reply.setCookie(...)`, `ctx.cookies.set(...)` on a response known from its
 * import or type, or on a handler's untyped response parameter (`(req, res) => res.cookie(...)`, Koa's `ctx`),
 * and whether the cookie carries a session or a token, by its name or by the value's name.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { identifierWords } from '../../models/secret-names.js';
import { CREDENTIAL_COOKIE_WORDS, READABLE_COOKIE_WORDS } from '../../models/auth-claims.js';
import type { CookieWriteRow } from '../../models/session-concepts.js';
import { valueName } from '../names/password-evidence.js';
import { securityRoleOf } from '../names/security-names.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { responseParameterType } from '../taint/html-responses.js';
import type { FileTaint } from '../taint/file-taint.js';
import type { StaticValues } from '../values/static-values.js';
import type { ApiCall, ConceptQueries } from './concept-queries.js';

/** Method names that write a cookie in a modeled framework: checked before any resolution, to stay cheap. */
const COOKIE_METHODS: ReadonlySet<string> = new Set(['cookie', 'setCookie', 'set']);

/** Bounds the member chain from a handler parameter to the method (`ctx.cookies.set`). */
const MAX_MEMBERS = 4;

interface CookieQueries {
  readonly concepts: ConceptQueries;
  readonly taint: FileTaint;
}

/** The modeled cookie writes this call is, or none. */
export function cookieWriteCalls(context: CookieQueries, call: TSESTree.CallExpression): ApiCall<CookieWriteRow>[] {
  const callee = unwrapExpression(call.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (callee.type !== 'MemberExpression' || method === null || !COOKIE_METHODS.has(method)) return [];
  if (method === 'set' && (callee.object.type !== 'MemberExpression' || staticPropertyName(callee.object) !== 'cookies')) return [];
  const direct = context.concepts.callsTo(call, 'cookie-write');
  if (direct.length > 0) return direct;
  const members: string[] = [];
  let object = unwrapExpression(callee.object);
  for (let step = 0; step < MAX_MEMBERS && object.type === 'MemberExpression'; step += 1) {
    const name = staticPropertyName(object);
    if (name === null) return [];
    members.unshift(name);
    object = unwrapExpression(object.object);
  }
  if (object.type !== 'Identifier') return [];
  const type = responseParameterType(context.taint, object);
  if (type === null) return [];
  return context.concepts.callsMatching(call, { module: type.module, steps: [...type.steps, ...members, method] }, 'cookie-write');
}

/**
 * How to name the cookie in a message when it carries a session or a token (`` `accessToken` ``, `a token`),
 * else null. CSRF double-submit cookies are meant to be read by script and are not credentials.
 */
export function isCredentialCookie(values: StaticValues, name: TSESTree.Node, value: TSESTree.Node): string | null {
  const cookieName = values.stringOf(name);
  const nameWords = identifierWords(cookieName ?? valueName(name) ?? '');
  if (nameWords.some((word) => READABLE_COOKIE_WORDS.has(word))) return null;
  const shown = cookieName === null ? 'session' : `\`${cookieName}\``;
  const role = cookieName === null ? null : securityRoleOf(cookieName);
  if (nameWords.some((word) => CREDENTIAL_COOKIE_WORDS.has(word)) || role === 'token' || role === 'session-id') return shown;
  const carried = valueName(value);
  const carriedRole = carried === null ? null : securityRoleOf(carried);
  return carriedRole === 'token' || carriedRole === 'session-id' ? (cookieName === null ? 'token' : shown) : null;
}
