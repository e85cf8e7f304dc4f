/**
 * What: a token, session id, reset or one-time code, password, nonce, salt, IV or key made from a predictable
 * value: `Math.random()`, the clock (`Date.now()`, `new Date().getTime()`), uuid v1/v6, `nanoid/non-secure`,
 * `shortid`, or a digest of public data only (`md5(req.query.login)`, `sha1(email + Date.now())`).
 * Why: Math.random is xorshift128+, whose state a few outputs reveal; clocks and public fields can be guessed;
 * hashing adds no entropy. Whoever predicts the value takes over the session or the account.
 * Quiet on: values that go nowhere security-named (jitter, backoff, sampling, shuffles, colors, ids for UI),
 * values mixed with a CSPRNG or a secret, test files, a local `Math` or `uuid` look-alike.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { digestChain } from '../src/analysis/concepts/digest-chains.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { outermostResult } from '../src/analysis/names/password-evidence.js';
import { PredictableSources, type PredictableSource } from '../src/analysis/names/predictable-sources.js';
import { ROLE_WORDS, type SecurityRole } from '../src/analysis/names/security-names.js';
import { DestinationFinder, type Destination } from '../src/analysis/names/value-destinations.js';
import { parentOf, staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import { moduleBinding } from '../src/rules-api/module-bindings.js';
import type { ReportDescriptor, RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'predictable' | 'digestOfPublic' | 'useCsprng';

/** Roles a predictable value must not fill (a signature or a password hash is computed, not drawn). */
const RANDOM_ROLES: ReadonlySet<SecurityRole> = new Set(['token', 'secret', 'session-id', 'nonce', 'one-time-code', 'password', 'salt', 'api-key', 'key', 'iv']);
const CRYPTO_MODULES = ['node:crypto', 'crypto'] as const;
/** `crypto.randomInt(max)` takes a safe integer range below 2^48. */
const MAX_RANDOM_INT = 2 ** 48;

export const insecureRandomness = defineRule<MessageId>({
  id: 'insecure-randomness',
  title: 'Token, code or key made from a predictable value',
  cwe: ['CWE-338', 'CWE-330', 'CWE-340'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'high',
  precision: 'high',
  hasSuggestions: true,
  help: 'Draw tokens, codes, nonces, salts and keys from the CSPRNG: crypto.randomBytes(32), crypto.randomInt(), crypto.randomUUID().',
  messages: {
    predictable: '{{source}} is predictable and makes {{role}} ({{how}} `{{name}}`); use crypto.randomBytes(), crypto.randomInt() or crypto.randomUUID() instead.',
    digestOfPublic: 'A digest of `{{input}}` is no secret, yet it makes {{role}} ({{how}} `{{name}}`): anyone can recompute it; use crypto.randomBytes(32) instead.',
    useCsprng: 'Use `{{replacement}}` from node:crypto instead.',
  },
  appliesTo: (file) => !isTestPath(file.path),
  create: (context) => {
    const sources = new PredictableSources(context.scope, context.values, context.concepts);
    const finder = new DestinationFinder(context.scope, context.values, {
      throughCall: (call, argument) => (context.concepts.callTo(call, 'fast-hash')?.target === argument ? outermostResult(call) : null),
      isJoinable: (part) => sources.isPredictable(part),
    });
    const mayDigest = context.concepts.mayUse('digest-algorithm');
    const reported = new Set<TSESTree.Node>();
    const report = (destination: Destination, descriptor: ReportDescriptor<MessageId>): void => {
      if (!RANDOM_ROLES.has(destination.role) || reported.has(destination.node)) return;
      if (destination.role === 'salt' && !isSaltInUse(context, destination)) return;
      reported.add(destination.node);
      context.report(descriptor);
    };
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const source = sources.sourceAt(call);
      if (source !== null) {
        const destination = finder.find(call);
        if (destination !== null) {
          const data = { source: source.source, role: ROLE_WORDS[destination.role], how: destination.how, name: destination.name };
          report(destination, { node: call, messageId: 'predictable', data, suggest: csprngSuggestion(context, source) });
        }
        return;
      }
      // An HMAC or a signature is keyed: its output is as secret as the key.
      const digest = mayDigest ? context.concepts.callTo(call, 'digest-algorithm') : null;
      if (digest?.row.use !== 'hash') return;
      const { inputs, result } = digestChain(digest, context.scope);
      const input = inputs.find((candidate) => !context.values.isConstant(candidate));
      if (input === undefined || !inputs.every((candidate) => sources.isPredictable(candidate))) return;
      const destination = finder.find(result);
      if (destination === null) return;
      const text = context.file.source.slice(input.range).replace(/\s+/g, ' ');
      const data = { input: text.length > 40 ? `${text.slice(0, 37)}...` : text, role: ROLE_WORDS[destination.role], how: destination.how, name: destination.name };
      report(destination, { node: input, messageId: 'digestOfPublic', data });
    };
    return { CallExpression: check, NewExpression: check };
  },
});

/**
 * A salt only salts something: a local named `salt` must reach a digest or a password hash (`nameSalt` in a
 * temporary index name does not). A salt returned, or stored in a property, is taken at its name.
 */
function isSaltInUse(context: RuleContext<MessageId>, destination: Destination): boolean {
  const declarator = parentOf(destination.node);
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== destination.node) return true;
  const variable = context.scope.variableOf(destination.node);
  return variable?.references.some((reference) => !reference.isWrite() && feedsHash(context, reference.identifier)) === true;
}

const MAX_HASH_INPUT_DEPTH = 4;

function feedsHash(context: RuleContext<MessageId>, node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < MAX_HASH_INPUT_DEPTH; depth += 1) {
    const parent = parentOf(current);
    if (parent === null) return false;
    if (parent.type === 'CallExpression' && parent.callee !== current) {
      return context.concepts.callTo(parent, 'fast-hash') !== null || context.concepts.callTo(parent, 'password-hash') !== null || context.concepts.callTo(parent, 'key-material') !== null;
    }
    current = parent;
  }
  return false;
}

/**
 * `Math.floor(Math.random() * N)` becomes `randomInt(N)` for an integer N below 2^48; any other
 * `Math.random()` becomes a 48-bit CSPRNG draw in [0, 1). Both keep the range and the distribution.
 */
function csprngSuggestion(context: RuleContext<MessageId>, source: PredictableSource): SuggestionDescriptor<MessageId>[] {
  if (!source.isUnitRandom) return [];
  const floor = floorOfScaled(context, source.call);
  const binding = moduleBinding(context, CRYPTO_MODULES, floor === null ? 'randomBytes' : 'randomInt');
  if (binding === null) return [];
  const replacement = floor === null ? `(${binding.expression}(6).readUIntBE(0, 6) / 2 ** 48)` : `${binding.expression}(${context.file.source.slice(floor.bound.range)})`;
  const target = floor?.call ?? source.call;
  return [{ messageId: 'useCsprng', data: { replacement }, edits: [...binding.edits, { range: target.range, text: replacement }] }];
}

function floorOfScaled(context: RuleContext<MessageId>, random: TSESTree.Node): { call: TSESTree.CallExpression; bound: TSESTree.Node } | null {
  const product = parentOf(random);
  if (product?.type !== 'BinaryExpression' || product.operator !== '*') return null;
  const bound = product.left === random ? product.right : product.left;
  const value = context.values.valueOf(bound)?.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value >= MAX_RANDOM_INT) return null;
  const floor = parentOf(product);
  if (floor?.type !== 'CallExpression' || floor.arguments.length !== 1 || floor.arguments[0] !== product) return null;
  const callee = unwrapExpression(floor.callee);
  const isMathFloor = callee.type === 'MemberExpression' && staticPropertyName(callee) === 'floor' && callee.object.type === 'Identifier' && callee.object.name === 'Math' && context.scope.isGlobalReference(callee.object);
  return isMathFloor ? { call: floor, bound } : null;
}
