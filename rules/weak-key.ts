/**
 * What: keys too weak for the algorithm: RSA and DSA under 2048 bits, elliptic curves below P-256,
 * Diffie-Hellman primes or MODP groups under 2048 bits, symmetric and HMAC keys under 128 bits, derived keys
 * shorter than 16 bytes, and cipher or HMAC keys spelled as constants (or derived from a constant password).
 * Why: 1024-bit RSA and DH and 160-bit curves are within reach of well-funded attackers (Logjam precomputed
 * 1024-bit DH groups), short keys fall to brute force, and a constant key is known to everyone with the code.
 * Quiet on: sizes read from configuration, library defaults that meet the minimum, imported PEM keys,
 * keys from the environment or a KMS, test files, look-alikes from other modules.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiCall } from '../src/analysis/concepts/concept-queries.js';
import { slotNode, slotSetting } from '../src/analysis/concepts/crypto-calls.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { constantBytes } from '../src/analysis/values/constant-bytes.js';
import { ConstantStrings } from '../src/analysis/values/constant-strings.js';
import { judgeKeySetting, type KeyVerdict } from '../src/analysis/concepts/key-strength.js';
import type { ArgumentSlot, KeyGenerationRow, KeyParameter } from '../src/models/crypto-concepts.js';
import { MINIMUM_SYMMETRIC_KEY_BITS } from '../src/models/crypto-algorithms.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId = 'weakSize' | 'shortDerivedKey' | 'shortKey' | 'constantKey' | 'constantPassword' | 'useSize';

export const weakKey = defineRule<MessageId>({
  id: 'weak-key',
  title: 'Key too short for its algorithm, or written in the code',
  cwe: ['CWE-326', 'CWE-321'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'high',
  precision: 'high',
  hasSuggestions: true,
  help: 'Use RSA of 2048 bits or more (3072 for use past 2030), P-256 or X25519/Ed25519, 2048-bit DH groups, 256-bit symmetric keys from crypto.randomBytes(32), and load keys from a secret store.',
  messages: {
    weakSize: '{{api}} makes {{what}}, below the {{minimum}} minimum; use {{advice}} instead.',
    shortDerivedKey: '{{api}} derives a {{bytes}}-byte key, shorter than 16 bytes (128 bits); derive at least 32 bytes instead.',
    shortKey: '{{api}} is given a {{bits}}-bit key from {{source}}, shorter than 128 bits; use crypto.randomBytes(32) instead.',
    constantKey: '{{api}} is given a key written in the code ({{where}}); load it from a secret manager or the environment instead.',
    constantPassword: '{{api}} is given a key derived from a constant password ({{where}}); load the key or its passphrase from a secret manager instead.',
    useSize: 'Use {{value}} instead.',
  },
  appliesTo: (file) => !isTestPath(file.path) && (file.concepts.mayUse('key-generation') || file.concepts.mayUse('key-material') || file.concepts.mayUse('cipher')),
  create: (context) => {
    const constants = new ConstantStrings(context.scope, context.values);
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const generation = context.concepts.callTo(call, 'key-generation');
      if (generation !== null) checkGeneration(context, generation);
      const material = context.concepts.callTo(call, 'key-material');
      if (material?.row.source === 'derived') checkDerivedLength(context, material.api, call, material.row.length);
      const cipher = context.concepts.callTo(call, 'cipher');
      if (cipher?.row.key !== undefined) checkKeyUse(context, constants, cipher.api, call, cipher.row.key);
      const digest = context.concepts.callTo(call, 'digest-algorithm');
      if (digest?.row.key !== undefined) checkKeyUse(context, constants, digest.api, call, digest.row.key);
    };
    return { CallExpression: check, NewExpression: check };
  },
});

function checkGeneration(context: RuleContext<MessageId>, generation: ApiCall<KeyGenerationRow>): void {
  const { row, call, api } = generation;
  const keyType = 'named' in row.keyType ? row.keyType.named : context.values.stringOf(call.arguments[row.keyType.argument] ?? call);
  if (keyType === null) return;
  const judged = new Set<KeyParameter>();
  for (const setting of row.settings) {
    if (judged.has(setting.parameter)) continue;
    const value = slotSetting(call, setting, context.values);
    if (value.kind === 'unknown') judged.add(setting.parameter);
    const known = value.kind === 'constant' ? value.value : value.kind === 'absent' ? setting.default : undefined;
    if (typeof known !== 'number' && typeof known !== 'string') continue;
    judged.add(setting.parameter);
    const verdict = judgeKeySetting(keyType, setting.parameter, known);
    if (verdict === null) continue;
    const node = value.kind === 'constant' && isWithin(value.node, call) ? value.node : call;
    const data = { api, what: verdict.what, minimum: verdict.minimum, advice: verdict.advice };
    context.report({ node, messageId: 'weakSize', data, suggest: sizeSuggestion(context, node, verdict) });
  }
}

/** Replace a literal size, curve or group with the minimum: the key is made the same way, only stronger. */
function sizeSuggestion(context: RuleContext<MessageId>, node: TSESTree.Node, verdict: KeyVerdict): SuggestionDescriptor<MessageId>[] {
  if (node.type !== 'Literal' || verdict.replacement === null) return [];
  const quote = typeof node.value === 'string' ? (context.file.source.slice(node.range)[0] ?? "'") : '';
  const value = typeof node.value === 'string' ? `${quote}${verdict.replacement}${quote}` : verdict.replacement;
  return [{ messageId: 'useSize', data: { value }, edits: [{ range: node.range, text: value }] }];
}

function checkDerivedLength(context: RuleContext<MessageId>, api: string, call: TSESTree.CallExpression | TSESTree.NewExpression, length: ArgumentSlot & { unit: 'bytes' | 'bits' }): void {
  const setting = slotSetting(call, length, context.values);
  if (setting.kind !== 'constant' || typeof setting.value !== 'number') return;
  const bytes = length.unit === 'bits' ? setting.value / 8 : setting.value;
  if (bytes > 0 && bytes * 8 < MINIMUM_SYMMETRIC_KEY_BITS) {
    context.report({ node: isWithin(setting.node, call) ? setting.node : call, messageId: 'shortDerivedKey', data: { api, bytes: String(bytes) } });
  }
}

function checkKeyUse(context: RuleContext<MessageId>, constants: ConstantStrings, api: string, call: TSESTree.CallExpression | TSESTree.NewExpression, slot: ArgumentSlot): void {
  const key = slotNode(call, slot, context.values);
  if (key === null) return;
  const found = constants.of(key).find((constant) => constant.value.length > 0) ?? null;
  if (found !== null || constantBytes(key, context.values, context.scope, context.concepts) !== null) {
    const where = found === null || isWithin(found.node, call) ? 'here' : `line ${context.file.source.spanOf(found.node.range).start.line}`;
    context.report({ node: key, messageId: 'constantKey', data: { api, where } });
    return;
  }
  const source = context.values.placeOf(key);
  const producer = source?.values === context.values ? source.node : null;
  if (producer?.type !== 'CallExpression') return;
  const material = context.concepts.callTo(producer, 'key-material');
  if (material === null) return;
  if (material.row.source === 'derived') {
    const secret = material.target === null ? [] : constants.of(material.target);
    if (secret.length > 0) context.report({ node: key, messageId: 'constantPassword', data: { api, where: isWithin(producer, call) ? 'here' : `line ${context.file.source.spanOf(producer.range).start.line}` } });
    return;
  }
  const length = slotSetting(producer, material.row.length, context.values);
  if (length.kind !== 'constant' || typeof length.value !== 'number') return;
  const bits = material.row.length.unit === 'bits' ? length.value : length.value * 8;
  if (bits > 0 && bits < MINIMUM_SYMMETRIC_KEY_BITS) context.report({ node: key, messageId: 'shortKey', data: { api, bits: String(bits), source: material.api } });
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
