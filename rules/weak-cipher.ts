/**
 * What: encryption with a broken or risky cipher (DES, 3DES, RC4, RC2, Blowfish, CAST5, IDEA), ECB mode,
 * Node's IV-less `createCipher`, a constant, zero or reused IV or nonce, and AES-GCM (or another AEAD)
 * decryption that never sets the auth tag or never calls `final()` (or swallows its error), across Node's
 * crypto, crypto-js and node-forge.
 * Why: these leak plaintext patterns, let ciphertexts be decrypted or forged, or release unauthenticated data.
 * Quiet on: AES in CBC/CTR/GCM with a random IV per message, IVs that are parameters or computed per call,
 * decipher objects handed to other code, test files, look-alikes from other modules.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { algorithmOf, slotNode } from '../src/analysis/concepts/crypto-calls.js';
import type { ApiCall } from '../src/analysis/concepts/concept-queries.js';
import { objectMethodUses } from '../src/analysis/concepts/object-method-uses.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { parentOf } from '../src/analysis/node-shapes.js';
import { constantBytes } from '../src/analysis/values/constant-bytes.js';
import { IvReuseTracker } from '../src/analysis/values/iv-reuse.js';
import { describeCipher, type CipherDescription } from '../src/models/crypto-algorithms.js';
import type { CipherRow } from '../src/models/crypto-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'brokenCipher' | 'smallBlock' | 'ecbMode' | 'derivedIv' | 'constantIv' | 'reusedIv' | 'missingAuthTag' | 'uncheckedFinal';

/** Cipher methods that return the cipher itself, so a chain keeps calling methods on it. */
const RETURNS_SELF: ReadonlySet<string> = new Set(['setAuthTag', 'setAAD', 'setAutoPadding']);

export const weakCipher = defineRule<MessageId>({
  id: 'weak-cipher',
  title: 'Broken cipher, ECB mode, or a constant, reused or unauthenticated IV',
  cwe: ['CWE-327', 'CWE-1204', 'CWE-329', 'CWE-323', 'CWE-354'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Encrypt with AES-256-GCM (or ChaCha20-Poly1305) and a fresh random 12-byte IV per message, set and check the auth tag on decryption.',
  messages: {
    brokenCipher: '{{api}} {{verb}} with {{cipher}}, which is broken; use AES-256-GCM with a random IV instead.',
    smallBlock: '{{api}} {{verb}} with {{cipher}}, a 64-bit block cipher open to birthday attacks (Sweet32); use AES-256-GCM instead.',
    ecbMode: '{{api}} uses {{cipher}}: ECB encrypts equal blocks to equal ciphertext and leaks patterns; use AES-256-GCM with a random IV instead.',
    derivedIv: '{{api}} derives key and IV from the password with one unsalted MD5 round, so the IV repeats; use createCipheriv with a key from scrypt and a random IV instead.',
    constantIv: '{{api}} is given {{what}} as its IV, the same on every run; generate it with crypto.randomBytes() for each message and store it beside the ciphertext instead.',
    reusedIv: '{{api}} reuses the IV `{{iv}}` {{where}}; generate a fresh crypto.randomBytes() IV for each encryption instead.',
    missingAuthTag: '{{api}} decrypts {{cipher}} but never calls setAuthTag(), so forged ciphertext is not detected; set the tag received with the message before final().',
    uncheckedFinal: '{{api}} decrypts {{cipher}} but {{problem}}, so a forged ciphertext yields plaintext; call final() and let its authentication error reject the message instead.',
  },
  appliesTo: (file) => !isTestPath(file.path) && file.concepts.mayUse('cipher'),
  create: (context) => {
    const reused = new IvReuseTracker(context.scope);
    const check = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const cipher = context.concepts.callTo(call, 'cipher');
      if (cipher !== null) checkCipher(context, cipher, reused);
    };
    return { CallExpression: check, NewExpression: check };
  },
});

function checkCipher(context: RuleContext<MessageId>, cipher: ApiCall<CipherRow>, reused: IvReuseTracker): void {
  const { row, api, call } = cipher;
  const named = algorithmOf(cipher, row.algorithm, context.values);
  const description = named === null ? null : describeCipher(withMode(context, cipher, named.name));
  const data = { api, cipher: description?.display ?? '', verb: row.direction === 'encrypt' ? 'encrypts' : 'decrypts' };
  const at = named?.node ?? call;
  if (description?.weakness === 'broken-cipher') return context.report({ node: at, messageId: 'brokenCipher', data });
  if (description?.weakness === 'small-block') return context.report({ node: at, messageId: 'smallBlock', data });
  if (description?.weakness === 'ecb-mode') return context.report({ node: at, messageId: 'ecbMode', data });
  if (row.iv === 'derived') return context.report({ node: call, messageId: 'derivedIv', data });
  if (row.direction === 'encrypt' && row.iv !== undefined && description?.mode !== null) {
    const iv = slotNode(call, row.iv, context.values);
    if (iv !== null) checkIv(context, api, call, iv, reused);
  }
  if (row.direction === 'decrypt' && description?.authenticated === true) checkAuthentication(context, api, call, description);
}

/** crypto-js names the mode in an option (`{ mode: CryptoJS.mode.ECB }`): fold it into the cipher name. */
function withMode(context: RuleContext<MessageId>, cipher: ApiCall<CipherRow>, name: string): string {
  const { row, call } = cipher;
  if (row.mode === undefined) return name;
  const argument = call.arguments[row.mode.argument];
  const modeNode = slotNode(call, row.mode, context.values);
  const mode = modeNode === null ? (argument === undefined ? row.defaultMode : undefined) : context.concepts.valueIs(modeNode, 'cipher-mode')?.row.mode;
  return mode === undefined ? name : `${name}-${mode}`;
}

function checkIv(context: RuleContext<MessageId>, api: string, call: TSESTree.CallExpression | TSESTree.NewExpression, iv: TSESTree.Node, reused: IvReuseTracker): void {
  const bytes = constantBytes(iv, context.values, context.scope, context.concepts);
  if (bytes !== null) {
    context.report({ node: iv, messageId: 'constantIv', data: { api, what: bytes === 'zeros' ? 'zero bytes' : 'a constant' } });
    return;
  }
  const reuse = reused.check(iv, call);
  if (reuse !== null) context.report({ node: iv, messageId: 'reusedIv', data: { api, iv: reuse.name, where: reuse.where } });
}

function checkAuthentication(context: RuleContext<MessageId>, api: string, call: TSESTree.CallExpression | TSESTree.NewExpression, description: CipherDescription): void {
  const uses = objectMethodUses(call, context.scope, RETURNS_SELF);
  if (uses.escapes) return;
  const data = { api, cipher: description.display };
  if (!uses.calls.has('setAuthTag')) {
    context.report({ node: call, messageId: 'missingAuthTag', data });
    return;
  }
  const finals = uses.calls.get('final') ?? [];
  if (finals.length === 0) {
    context.report({ node: call, messageId: 'uncheckedFinal', data: { ...data, problem: 'never calls final(), the step that checks the tag' } });
    return;
  }
  const swallowed = finals.find((final) => isSwallowed(final));
  if (swallowed !== undefined) context.report({ node: swallowed, messageId: 'uncheckedFinal', data: { ...data, problem: 'an empty catch swallows the authentication error of final()' } });
}

/** True when `node` runs in a `try` whose `catch` block is empty: the thrown authentication error is dropped. */
function isSwallowed(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (let parent = parentOf(current); parent !== null; parent = parentOf(current)) {
    if (parent.type === 'TryStatement' && parent.block === current) return parent.handler !== null && parent.handler.body.body.length === 0;
    if (parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression' || parent.type === 'ArrowFunctionExpression') return false;
    current = parent;
  }
  return false;
}
