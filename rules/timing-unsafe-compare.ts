/**
 * What: `===`, `==`, `!==` or `!=` between a secret (a token, API key, signature, HMAC, secret, password hash or
 * one-time code) and another credential value: a request header or parameter, an environment secret, an
 * HMAC digest, or a literal that looks like a credential.
 * Why: string comparison stops at the first differing character, so response times tell an attacker how
 * much of a guess is right and the secret can be recovered a character at a time.
 * Quiet on: comparisons with null, undefined, '' or non-credential literals (`token.type === 'refresh'`),
 * typeof and length checks, plaintext passwords (a separate weakness), values neither side of which is a
 * credential (`token === nextToken` in a lexer), lookups by key in `find`/`filter` callbacks, elements labelled
 * or counted in `map`/`reduce` callbacks, test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { valueName } from '../src/analysis/names/password-evidence.js';
import { ROLE_WORDS, securityRoleOf, type SecurityRole } from '../src/analysis/names/security-names.js';
import { isLookup, isSync, isTally } from '../src/analysis/comparison-intent.js';
import { staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { looksLikeCredential } from '../src/analysis/secrets/secret-values.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { moduleBinding } from '../src/rules-api/module-bindings.js';
import type { RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'unsafeCompare' | 'useTimingSafeEqual';

/** Roles whose comparison leaks the secret; plaintext passwords are another rule's weakness. */
const SECRET_ROLES: ReadonlySet<SecurityRole> = new Set(['token', 'secret', 'api-key', 'key', 'signature', 'password-hash', 'one-time-code']);
const EQUALITY: ReadonlySet<string> = new Set(['===', '==', '!==', '!=']);
/** Request accessors that take a header or parameter name: `req.get('x-signature')`, `ctx.get(...)`, `req.header(...)`. */
const NAMED_ACCESSORS: ReadonlySet<string> = new Set(['get', 'header', 'getHeader', 'param']);
const MAX_CHAIN = 8;
const CRYPTO_MODULES = ['node:crypto', 'crypto'] as const;

/** A digest is evidence only beside a secret (`token === sha256(x)`); an HMAC is a secret on its own. */
type Evidence = { readonly kind: 'role'; readonly role: SecurityRole } | { readonly kind: 'mac' | 'digest' | 'credential-literal' };

export const timingUnsafeCompare = defineRule<MessageId>({
  id: 'timing-unsafe-compare',
  title: 'Secret compared with a time-leaking operator',
  cwe: ['CWE-208'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'medium',
  precision: 'high',
  hasSuggestions: true,
  help: 'Compare secrets, tokens and MACs with crypto.timingSafeEqual on equal-length buffers (hash both sides first when lengths vary).',
  messages: {
    unsafeCompare: '`{{operator}}` compares {{role}} (`{{name}}`) and returns at the first differing character; compare with crypto.timingSafeEqual instead.',
    useTimingSafeEqual: 'Use crypto.timingSafeEqual (for string values) instead.',
  },
  appliesTo: (file) => !isTestPath(file.path),
  create: (context) => ({
    BinaryExpression: (node) => {
      if (!EQUALITY.has(node.operator) || node.left.type === 'PrivateIdentifier') return;
      if (isLookup(node) || isTally(node) || isSync(node, context.file.source.slice.bind(context.file.source))) return;
      const left = evidenceOf(context, node.left);
      const right = evidenceOf(context, node.right);
      if (left === null || right === null) return;
      const secret = [left, right].find((evidence): evidence is Extract<Evidence, { kind: 'role' }> => evidence.kind === 'role' && SECRET_ROLES.has(evidence.role)) ?? null;
      const mac = left.kind === 'mac' || right.kind === 'mac';
      if (secret === null && !mac) return;
      const role = secret === null ? 'an HMAC' : ROLE_WORDS[secret.role];
      const named = secret === null ? null : (left === secret ? node.left : node.right);
      const name = context.file.source.slice((named ?? node).range).replace(/\s+/g, ' ').slice(0, 40);
      context.report({ node, messageId: 'unsafeCompare', data: { operator: node.operator, role, name }, suggest: timingSafeSuggestion(context, node) });
    },
  }),
});

/** Why a compared value is a credential, or null when it is not one (or is a literal that is not a secret). */
function evidenceOf(context: RuleContext<MessageId>, node: TSESTree.Node): Evidence | null {
  const value = unwrapExpression(node);
  if (value.type === 'Literal' || value.type === 'TemplateLiteral') {
    const text = context.values.stringOf(value)?.replace(/^(?:Bearer|Basic|Token)\s+/i, '') ?? null;
    return text !== null && looksLikeCredential(text) ? { kind: 'credential-literal' } : null;
  }
  if (value.type === 'UnaryExpression') return null;
  if (value.type === 'MemberExpression' && staticPropertyName(value) === 'length') return null;
  const name = accessorLabel(context, value) ?? valueName(value);
  const role = name === null ? null : securityRoleOf(name);
  if (role !== null) return { kind: 'role', role };
  const digest = digestOutput(context, value);
  return digest !== null ? { kind: digest } : (definitionEvidence(context, value) ?? null);
}

/**
 * What a neutrally named value was defined as, through `const`, options objects, spreads and imports:
 * `const expected = settings.apiKey` with `settings = { ...base, apiKey: process.env.API_KEY }` is an API key,
 * and `const expected = 'Bearer 9f8e...'` a credential literal. A `??`/`||` fallback keeps its first operand's name.
 */
function definitionEvidence(context: RuleContext<MessageId>, node: TSESTree.Node, depth = 0): Evidence | null {
  if (depth > MAX_CHAIN) return null;
  const defined = definitionOf(context, node);
  if (defined === null) return null;
  const value = unwrapExpression(defined.type === 'LogicalExpression' && (defined.operator === '??' || defined.operator === '||') ? defined.left : defined);
  if (value.type === 'Literal' || value.type === 'TemplateLiteral') {
    const text = context.values.stringOf(value)?.replace(/^(?:Bearer|Basic|Token)\s+/i, '') ?? null;
    return text !== null && looksLikeCredential(text) ? { kind: 'credential-literal' } : null;
  }
  const name = value.type === 'Identifier' || value.type === 'MemberExpression' ? valueName(value) : null;
  const role = name === null ? null : securityRoleOf(name);
  return role !== null ? { kind: 'role', role } : definitionEvidence(context, value, depth + 1);
}

/** The initializer of a `const` or the property value an object literal (or a spread into it) gives a member. */
function definitionOf(context: RuleContext<MessageId>, node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === 'Identifier') {
    const definition = context.scope.variableOf(node)?.defs;
    const declarator = definition?.length === 1 ? definition[0]?.node : undefined;
    const isConst = declarator?.type === 'VariableDeclarator' && declarator.parent.kind === 'const' && declarator.id.type === 'Identifier';
    return isConst ? declarator.init : null;
  }
  if (node.type !== 'MemberExpression') return null;
  const name = staticPropertyName(node);
  const place = name === null ? null : context.values.propertyPlace(node.object, name);
  return place?.kind === 'found' && place.place.values === context.values ? place.place.node : null;
}

/** `req.get('X-Signature')`, `req.header('x-api-key')`: the name asked for says what the value is. */
function accessorLabel(context: RuleContext<MessageId>, node: TSESTree.Node): string | null {
  if (node.type !== 'CallExpression' || node.arguments[0] === undefined) return null;
  const callee = unwrapExpression(node.callee);
  const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  return method !== null && NAMED_ACCESSORS.has(method) ? context.values.stringOf(node.arguments[0]) : null;
}

/** A digest's or an HMAC's output: `createHmac(...).update(x).digest('hex')`, `md5(x)`, directly or through a `const`. */
function digestOutput(context: RuleContext<MessageId>, node: TSESTree.Node, depth = 0): 'mac' | 'digest' | null {
  if (depth > MAX_CHAIN) return null;
  const place = context.values.placeOf(node);
  const parts = place?.values === context.values ? context.strings.of(place.node).dynamicParts : [];
  // `'sha256=' + hmac.digest('hex')`: a prefix keeps the digest what it is.
  if (parts.length === 1 && parts[0] !== undefined && parts[0] !== place?.node) return digestOutput(context, parts[0], depth + 1);
  let current: TSESTree.Node | null = place?.values === context.values ? unwrapExpression(place.node) : null;
  let found: 'mac' | 'digest' | null = null;
  for (let step = 0; step < MAX_CHAIN && current?.type === 'CallExpression'; step += 1) {
    const use = context.concepts.callTo(current, 'digest-algorithm')?.row.use;
    if (use === 'hmac') return 'mac';
    if (use !== undefined || context.concepts.callTo(current, 'fast-hash') !== null) found = 'digest';
    const callee = unwrapExpression(current.callee);
    current = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : null;
  }
  return found;
}

/**
 * `a === b` becomes a constant-time comparison that gives the same answer for strings (and false for values
 * that are not strings, as `===` does for a string against them). Offered only when both sides are plain
 * reads, since the rewrite evaluates each twice.
 */
function timingSafeSuggestion(context: RuleContext<MessageId>, node: TSESTree.BinaryExpression): SuggestionDescriptor<MessageId>[] {
  if (!isPlainRead(node.left) || !isPlainRead(node.right)) return [];
  const binding = moduleBinding(context, CRYPTO_MODULES, 'timingSafeEqual');
  if (binding === null) return [];
  const [a, b] = [context.file.source.slice(node.left.range), context.file.source.slice(node.right.range)];
  const equal = `(typeof ${a} === 'string' && typeof ${b} === 'string' && Buffer.byteLength(${a}) === Buffer.byteLength(${b}) && ${binding.expression}(Buffer.from(${a}), Buffer.from(${b})))`;
  const text = node.operator.startsWith('!') ? `!${equal}` : equal;
  return [{ messageId: 'useTimingSafeEqual', edits: [...binding.edits, { range: node.range, text }] }];
}

function isPlainRead(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') return true;
  if (value.type !== 'MemberExpression') return false;
  return (!value.computed || value.property.type === 'Literal') && (value.object.type === 'ThisExpression' || isPlainRead(value.object));
}
