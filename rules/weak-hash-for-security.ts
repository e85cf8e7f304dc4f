/**
 * What: MD5 or SHA-1 (or MD4/MD2) where security rests on collision resistance: signatures
 * (`createSign('RSA-SHA1')`, `crypto.sign('sha1', ...)`), HMACs (`createHmac('md5', key)`, `CryptoJS.HmacSHA1`),
 * home-made MACs that hash a secret followed by data (`md5(secret + body)`), and digests used as signatures
 * (`const signature = sha1(...)`, compared with `req.headers['x-signature']`).
 * Why: MD5 and SHA-1 collisions are practical (chosen-prefix for both), so signatures over them can be moved
 * to other messages, and a secret-prefix digest can be extended to sign data the secret holder never saw.
 * Quiet on: digests of a secret alone (preimage resistance still holds: a stored token hash or a code derived
 * from a random secret is not forgeable), ETags, cache keys, checksums and content ids, Gravatar hashes,
 * passwords (weak-password-hash reports those), SHA-2 and SHA-3, test files, look-alikes from other modules.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { algorithmOf } from '../src/analysis/concepts/crypto-calls.js';
import type { ApiCall } from '../src/analysis/concepts/concept-queries.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { PasswordEvidenceFinder, valueName } from '../src/analysis/names/password-evidence.js';
import { securityRoleOf, ROLE_WORDS, type SecurityRole } from '../src/analysis/names/security-names.js';
import { DestinationFinder } from '../src/analysis/names/value-destinations.js';
import { unwrapExpression } from '../src/analysis/node-shapes.js';
import { digestChain } from '../src/analysis/concepts/digest-chains.js';
import { weakDigestOf } from '../src/models/crypto-algorithms.js';
import type { DigestAlgorithmRow } from '../src/models/crypto-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'weakSignature' | 'weakHmac' | 'secretPrefixMac' | 'digestAsSignature';

/** Values that key a home-made MAC when hashed before the data; passwords belong to weak-password-hash. */
const KEY_ROLES: ReadonlySet<SecurityRole> = new Set(['token', 'secret', 'api-key', 'key']);

export const weakHashForSecurity = defineRule<MessageId>({
  id: 'weak-hash-for-security',
  title: 'MD5 or SHA-1 used for a signature, an HMAC or a secret',
  cwe: ['CWE-328', 'CWE-327'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Sign and authenticate with SHA-256 or stronger (RSA-SHA256, HMAC-SHA256), and store digests of secrets with SHA-256.',
  messages: {
    weakSignature: '{{api}} signs or verifies with {{digest}}, whose collisions are practical; use SHA-256 (RSA-SHA256, ECDSA with SHA-256, Ed25519) instead.',
    weakHmac: '{{api}} computes an HMAC with {{digest}}; use HMAC-SHA256 instead.',
    secretPrefixMac: '{{api}} builds a MAC as {{digest}} of {{evidence}} ({{role}}) followed by data, which length extension and collisions forge; use HMAC-SHA256 keyed with that secret instead.',
    digestAsSignature: '{{api}} computes {{digest}} that is {{how}} `{{name}}`, a signature open to collision forgery; use HMAC-SHA256 or a SHA-256 signature instead.',
  },
  appliesTo: (file) => !isTestPath(file.path) && file.concepts.mayUse('digest-algorithm'),
  create: (context) => {
    const finder = new DestinationFinder(context.scope, context.values, { isJoinable: () => true });
    const passwords = new PasswordEvidenceFinder(context.scope, context.strings);
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const digest = context.concepts.callTo(call, 'digest-algorithm');
      if (digest !== null) checkDigest(context, digest, finder, passwords);
    };
    return { CallExpression: check, NewExpression: check };
  },
});

function checkDigest(context: RuleContext<MessageId>, digest: ApiCall<DigestAlgorithmRow>, finder: DestinationFinder, passwords: PasswordEvidenceFinder): void {
  const named = algorithmOf(digest, digest.row.algorithm, context.values);
  const weak = named === null ? null : weakDigestOf(named.name);
  if (named === null || weak === null) return;
  const data = { api: digest.api, digest: weak };
  if (digest.row.use === 'signature') return context.report({ node: named.node, messageId: 'weakSignature', data });
  if (digest.row.use === 'hmac') return context.report({ node: named.node, messageId: 'weakHmac', data });
  const { inputs, result } = digestChain(digest, context.scope);
  if (inputs.some((input) => passwords.inHashedValue(input) !== null)) return;
  const parts = inputs.flatMap((input) => context.strings.of(input).dynamicParts);
  const key = parts.length > 1 && parts[0] !== undefined ? keyRole(parts[0]) : null;
  if (key !== null && parts[0] !== undefined) {
    const evidence = `\`${context.file.source.slice(parts[0].range)}\``;
    return context.report({ node: named.node, messageId: 'secretPrefixMac', data: { ...data, evidence, role: ROLE_WORDS[key] } });
  }
  const destination = finder.find(result);
  if (destination?.role !== 'signature') return;
  context.report({ node: named.node, messageId: 'digestAsSignature', data: { ...data, how: destination.how, name: destination.name } });
}

/** The role of a hashed part named like a key (`secret`, `apiKey`, `req.body.token`), or null. */
function keyRole(part: TSESTree.Node): SecurityRole | null {
  const name = valueName(unwrapExpression(part));
  const role = name === null ? null : securityRoleOf(name);
  return role !== null && KEY_ROLES.has(role) ? role : null;
}
