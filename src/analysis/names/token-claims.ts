/**
 * What a token carries and how a decoded token is used: sensitive claims in a payload (a password, a whole
 * account record), lifetime claims the application checks itself, and decoded claims that drive an
 * authorization decision (`decoded.role`, `req.user = decoded`). Word lists are in models/auth-claims.ts.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { StaticValues } from '../values/static-values.js';
import { namesPassword, wordsOf } from './password-names.js';
import { outermostResult, valueName } from './password-evidence.js';
import {
  AUTHORIZATION_CLAIMS,
  LIFETIME_CLAIM,
  PRINCIPAL_HOLDERS,
  RECORD_SERIALIZERS,
  RECORD_WORDS,
  SENSITIVE_CLAIM_NAMES,
  SENSITIVE_CLAIM_WORDS,
} from '../../models/auth-claims.js';

const MAX_REFERENCES = 32;

export interface SensitiveClaim {
  readonly node: TSESTree.Node;
  /** For messages: `password`, `the whole \`user\` record`. */
  readonly what: string;
}

/** The payload's literal keys, or null when it is not an object literal known in this file (or spreads the unknown). */
function payloadLiteral(payload: TSESTree.Node, values: StaticValues): TSESTree.ObjectExpression | null {
  const place = values.placeOf(payload);
  const node = place === null || place.values !== values ? null : unwrapExpression(place.node);
  return node?.type === 'ObjectExpression' ? node : null;
}

/** A sensitive claim or record the payload carries, or null. */
export function sensitiveClaim(payload: TSESTree.Node, values: StaticValues): SensitiveClaim | null {
  const literal = payloadLiteral(payload, values);
  if (literal === null) return wholeRecord(payload);
  for (const property of literal.properties) {
    if (property.type === 'SpreadElement') {
      const record = wholeRecord(property.argument);
      if (record !== null) return { node: property, what: record.what };
      continue;
    }
    const key = staticPropertyName(property);
    if (key === null) continue;
    if (namesPassword(key, 'stored')) return { node: property, what: `a password (\`${key}\`)` };
    if (isSensitiveName(key)) return { node: property, what: `\`${key}\`` };
    const record = wholeRecord(property.value);
    if (record !== null) return { node: property, what: record.what };
  }
  return null;
}

function isSensitiveName(name: string): boolean {
  const words = wordsOf(name).map((word) => word.toLowerCase());
  return words.some((word) => SENSITIVE_CLAIM_WORDS.has(word)) || SENSITIVE_CLAIM_NAMES.has(words.join(''));
}

/** `user`, `req.user`, `user.toJSON()`, `account.dataValues`: an account record with every column, hash included. */
function wholeRecord(node: TSESTree.Node): SensitiveClaim | null {
  let value = unwrapExpression(node);
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && RECORD_SERIALIZERS.has(staticPropertyName(value.callee) ?? '')) {
    value = unwrapExpression(value.callee.object);
  } else if (value.type === 'MemberExpression' && ['dataValues', '_doc'].includes(staticPropertyName(value) ?? '')) {
    value = unwrapExpression(value.object);
  }
  if (value.type !== 'Identifier' && value.type !== 'MemberExpression') return null;
  const name = valueName(value);
  const last = name === null ? undefined : wordsOf(name).at(-1)?.toLowerCase();
  return last !== undefined && RECORD_WORDS.has(last) ? { node, what: `the whole \`${name ?? ''}\` record` } : null;
}

/** True when the payload literal carries a lifetime claim (`exp`, or one the application checks: `expiresAt`). */
export function hasLifetimeClaim(payload: TSESTree.Node, values: StaticValues): boolean | null {
  const literal = payloadLiteral(payload, values);
  if (literal === null) return null;
  for (const property of literal.properties) {
    const key = property.type === 'SpreadElement' ? null : staticPropertyName(property);
    if (key === null) return null; // a spread or computed key may carry one
    if (LIFETIME_CLAIM.test(key)) return true;
  }
  return false;
}

/**
 * Where the result of a decode call is trusted: stored as the request's principal (`req.user = decoded`), or
 * an authorization claim read from it (`decoded.role`, `const { isAdmin } = decode(t)`). Null when not.
 */
export function trustedUse(decode: TSESTree.Node, scope: ScopeFacts): TSESTree.Node | null {
  const result = outermostResult(decode);
  const parent = result.parent;
  if (parent === undefined) return null;
  if (isPrincipalAssignment(parent, result)) return parent;
  if (parent.type === 'MemberExpression' && parent.object === result && AUTHORIZATION_CLAIMS.has(staticPropertyName(parent) ?? '')) return parent;
  if (parent.type !== 'VariableDeclarator' || parent.init !== result) return null;
  if (parent.id.type === 'ObjectPattern') {
    const claim = parent.id.properties.find((property) => property.type === 'Property' && AUTHORIZATION_CLAIMS.has(staticPropertyName(property) ?? ''));
    return claim ?? null;
  }
  if (parent.id.type !== 'Identifier') return null;
  const variable = scope.variableOf(parent.id);
  for (const reference of variable?.references.slice(0, MAX_REFERENCES) ?? []) {
    if (reference.init === true || reference.isWrite()) continue;
    const use = reference.identifier as TSESTree.Node;
    const holder = use.parent;
    if (holder === undefined) continue;
    if (isPrincipalAssignment(holder, use)) return holder;
    if (holder.type === 'MemberExpression' && holder.object === use && AUTHORIZATION_CLAIMS.has(staticPropertyName(holder) ?? '')) return holder;
  }
  return null;
}

/** `req.user = value`, `ctx.state.user = value`, `res.locals.auth = value`. */
function isPrincipalAssignment(node: TSESTree.Node, value: TSESTree.Node): boolean {
  if (node.type !== 'AssignmentExpression' || node.right !== value || node.left.type !== 'MemberExpression') return false;
  return PRINCIPAL_HOLDERS.has(staticPropertyName(node.left) ?? '');
}
