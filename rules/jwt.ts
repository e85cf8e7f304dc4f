/**
 * What: JSON Web Tokens signed or checked unsafely, in jsonwebtoken, jose, fast-jwt, @nestjs/jwt, passport-jwt
 * and express-jwt: a verifier with a public key or key lookup and no `algorithms` allow-list, the `none`
 * algorithm allowed, `ignoreExpiration: true`, tokens signed with no expiry, a guessable constant secret
 * (`'changeme'`, an env var's name), passwords or whole user records in the payload, and `decode` results
 * trusted as if verified (`req.user = jwt.decode(token)`, `decoded.role`).
 * Why: each lets an attacker forge a token, or keep using or read one they should not.
 * Quiet on: HMAC secrets without an allow-list (the library then accepts only HS*), payloads it cannot read,
 * expiry the payload carries itself (`expiresAt`), decodes in a function that also verifies, test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ApiCall } from '../src/analysis/concepts/concept-queries.js';
import { addOptionEdit, keyKind, localNode, optionSetting, slotPlace, type KeyKind } from '../src/analysis/concepts/jwt-calls.js';
import { objectMethodUses } from '../src/analysis/concepts/object-method-uses.js';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { hasLifetimeClaim, sensitiveClaim, trustedUse } from '../src/analysis/names/token-claims.js';
import { isFunctionNode, parentOf } from '../src/analysis/node-shapes.js';
import { isPlaceholder } from '../src/analysis/secrets/secret-values.js';
import { ConstantStrings } from '../src/analysis/values/constant-strings.js';
import type { JwtSignRow, JwtVerifyRow, OptionSlot } from '../src/models/auth-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext, SuggestionDescriptor } from '../src/rules-api/rule-types.js';

type MessageId =
  | 'noAllowList'
  | 'noneAlgorithm'
  | 'decodeTrusted'
  | 'ignoresExpiration'
  | 'noExpiry'
  | 'guessableSecret'
  | 'guessableFallback'
  | 'sensitivePayload'
  | 'addAllowList'
  | 'removeNone'
  | 'checkExpiration';

type JwtCall = TSESTree.CallExpression | TSESTree.NewExpression;

const KEY_WORDS: Readonly<Record<KeyKind, string>> = {
  'public-key': 'a public key',
  'key-set': 'a key set looked up by the token\'s `kid`',
  'key-function': 'a key function',
};

export const jwt = defineRule<MessageId>({
  id: 'jwt',
  title: 'JSON Web Token signed or verified unsafely',
  cwe: ['CWE-347', 'CWE-613', 'CWE-1391', 'CWE-200'],
  owasp: { 2021: ['A07:2021', 'A02:2021'], 2025: ['A07:2025', 'A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Verify every token with jwt.verify and an `algorithms` allow-list, never allow `none`, sign with an expiry and a random secret from the environment, and keep only an id in the payload.',
  hasSuggestions: true,
  messages: {
    noAllowList: "{{api}} verifies with {{key}} but no `algorithms` allow-list, so the token's own header picks the algorithm (an HS256 token signed with the public key as its secret passes); list the one algorithm your keys use.",
    noneAlgorithm: '{{api}} {{action}} the `none` algorithm, which means no signature: anyone can forge such a token; allow only the algorithm your keys use.',
    decodeTrusted: '{{api}} decodes the token without checking its signature, and the result is trusted here ({{use}}); verify it with a verify call before using its claims.',
    ignoresExpiration: '{{api}} is told `ignoreExpiration: true`, so expired and stolen tokens stay valid forever; remove the option and keep tokens short-lived.',
    noExpiry: '{{api}} signs tokens with no expiry ({{how}}), so a leaked token works forever; give every token a short lifetime.',
    guessableSecret: '{{api}} is given the constant secret `{{value}}`, which anyone can guess and forge tokens with; read a long random secret from the environment instead.',
    guessableFallback: '{{api}} falls back to the constant secret `{{value}}` when the environment has none, and anyone can forge tokens with it; fail at startup instead.',
    sensitivePayload: '{{api}} puts {{what}} in the token payload, which anyone holding the token can read (it is only base64); keep an id there and look the rest up on the server.',
    addAllowList: "Add `algorithms: ['{{algorithm}}']` to accept only {{algorithm}}",
    removeNone: 'Remove `none`; accept only the algorithms left in the list',
    checkExpiration: 'Set `ignoreExpiration: false` to reject expired tokens',
  },
  appliesTo: (file) => !isTestPath(file.path) && (file.concepts.mayUse('jwt-verify') || file.concepts.mayUse('jwt-sign') || file.concepts.mayUse('jwt-decode')),
  create: (context) => {
    const constants = new ConstantStrings(context.scope, context.values);
    const reported = new Set<TSESTree.Node>();
    const verifyingFunctions = new Set<TSESTree.Node>();
    const decodes: Array<{ readonly decode: ApiCall; readonly use: TSESTree.Node }> = [];
    const checkKeys = (api: string, call: JwtCall, slots: readonly OptionSlot[]): void => {
      for (const slot of slots) {
        const argument = call.arguments[slot.argument];
        if (argument === undefined || argument.type === 'SpreadElement') continue;
        for (const constant of constants.of(argument, slot.property?.split('.') ?? [], { throughArrays: true })) {
          if (constant.value.trim() === '' || !isPlaceholder(constant.value) || reported.has(constant.node)) continue;
          reported.add(constant.node);
          context.report({ node: constant.node, messageId: constant.isFallback ? 'guessableFallback' : 'guessableSecret', data: { api, value: constant.value } });
        }
      }
    };
    const check = (call: JwtCall): void => {
      for (const sign of context.concepts.callsTo(call, 'jwt-sign')) {
        checkSign(context, sign);
        if (sign.row.key !== undefined) checkKeys(sign.api, call, [sign.row.key]);
      }
      for (const verify of context.concepts.callsTo(call, 'jwt-verify')) {
        verifyingFunctions.add(enclosingFunction(call));
        checkVerify(context, verify);
        checkKeys(verify.api, call, verify.row.keys);
      }
      const decode = context.concepts.callTo(call, 'jwt-decode');
      const use = decode === null ? null : trustedUse(call, context.scope);
      if (decode !== null && use !== null) decodes.push({ decode, use });
    };
    return {
      CallExpression: check,
      NewExpression: check,
      'Program:exit': () => {
        for (const { decode, use } of decodes) {
          // Decoding first to pick the key (by `kid` or issuer) and verifying after is the documented pattern.
          if (verifyingFunctions.has(enclosingFunction(decode.call))) continue;
          context.report({ node: decode.call, messageId: 'decodeTrusted', data: { api: decode.api, use: excerpt(context, use) } });
        }
      },
    };
  },
});

function checkSign(context: RuleContext<MessageId>, sign: ApiCall<JwtSignRow>): void {
  const { row, call, api } = sign;
  if (row.options !== undefined && row.algorithmOption !== undefined) {
    const algorithm = optionSetting(call, row.options, row.algorithmOption, context.values, context.scope);
    if (algorithm.kind === 'constant' && typeof algorithm.value === 'string' && algorithm.value.toLowerCase() === 'none') {
      context.report({ node: algorithm.node, messageId: 'noneAlgorithm', data: { api, action: 'signs with' } });
    }
  }
  const payload = row.payload === undefined ? undefined : call.arguments[row.payload];
  if (payload !== undefined && payload.type !== 'SpreadElement') {
    const claim = sensitiveClaim(payload, context.values);
    if (claim !== null) context.report({ node: claim.node, messageId: 'sensitivePayload', data: { api, what: claim.what } });
  }
  const how = missingExpiry(context, sign, payload);
  if (how !== null) context.report({ node: call, messageId: 'noExpiry', data: { api, how } });
}

/** How the token goes without an expiry, or null when it has one or that is not known from the file. */
function missingExpiry(context: RuleContext<MessageId>, sign: ApiCall<JwtSignRow>, payload: TSESTree.Node | undefined): string | null {
  const { row, call } = sign;
  if (row.expiry === null) return null;
  const lifetime = payload === undefined || payload.type === 'SpreadElement' ? false : hasLifetimeClaim(payload, context.values);
  if (lifetime !== false) return null;
  if ('method' in row.expiry) {
    const uses = objectMethodUses(call, context.scope, new Set(row.expiry.builderMethods));
    return !uses.escapes && uses.calls.has('sign') && !uses.calls.has(row.expiry.method) ? `no \`${row.expiry.method}()\` and no \`exp\` claim` : null;
  }
  if (row.options === undefined) return null;
  const expiry = optionSetting(call, row.options, row.expiry.option, context.values, context.scope);
  const isMissing = expiry.kind === 'absent' || (expiry.kind === 'constant' && expiry.value === undefined);
  return isMissing ? `no \`${row.expiry.option}\` and no \`exp\` claim` : null;
}

function checkVerify(context: RuleContext<MessageId>, verify: ApiCall<JwtVerifyRow>): void {
  const { row, call, api } = verify;
  if (row.ignoreExpirationOption !== undefined) {
    const ignore = optionSetting(call, row.options, row.ignoreExpirationOption, context.values, context.scope);
    if (ignore.kind === 'constant' && ignore.value === true) {
      const written = localNode(call, row.options, row.ignoreExpirationOption, context.values, context.scope);
      const suggest: SuggestionDescriptor<MessageId>[] =
        written?.type === 'Literal' ? [{ messageId: 'checkExpiration', edits: [{ range: written.range, text: 'false' }] }] : [];
      context.report({ node: ignore.node, messageId: 'ignoresExpiration', data: { api }, suggest });
    }
  }
  if (row.algorithmsOption === undefined) return;
  const algorithms = optionSetting(call, row.options, row.algorithmsOption, context.values, context.scope);
  if (algorithms.kind === 'constant') {
    const names = Array.isArray(algorithms.value) ? algorithms.value : [algorithms.value];
    if (names.some((name) => typeof name === 'string' && name.toLowerCase() === 'none')) {
      const written = localNode(call, row.options, row.algorithmsOption, context.values, context.scope);
      context.report({ node: algorithms.node, messageId: 'noneAlgorithm', data: { api, action: 'allows' }, suggest: removeNoneSuggestion(written) });
    }
    return;
  }
  if (algorithms.kind !== 'absent' || !row.headerPicksAlgorithm) return;
  const key = verifierKey(context, call, row.keys);
  if (key === null) return;
  const edit = key.kind === 'key-function' ? null : addOptionEdit(call, row.options, row.algorithmsOption, "['RS256']");
  const suggest: SuggestionDescriptor<MessageId>[] = edit === null ? [] : [{ messageId: 'addAllowList', data: { algorithm: 'RS256' }, edits: [edit] }];
  context.report({ node: key.node, messageId: 'noAllowList', data: { api, key: KEY_WORDS[key.kind] }, suggest });
}

/** The first key slot holding a public key, a key set or a key function, with the node to report. */
function verifierKey(context: RuleContext<MessageId>, call: JwtCall, slots: readonly OptionSlot[]): { kind: KeyKind; node: TSESTree.Node } | null {
  for (const slot of slots) {
    const place = slotPlace(call, slot, context.values);
    if (place.kind !== 'found' || place.place.values !== context.values) continue;
    const kind = keyKind(place.place.node, context.values, context.scope, context.concepts);
    if (kind !== null) return { kind, node: place.place.node };
  }
  return null;
}

/** Deletes the `'none'` element of an inline allow-list that names other algorithms too. */
function removeNoneSuggestion(list: TSESTree.Node | null): SuggestionDescriptor<MessageId>[] {
  if (list?.type !== 'ArrayExpression' || list.elements.length < 2) return [];
  const index = list.elements.findIndex((element) => element?.type === 'Literal' && typeof element.value === 'string' && element.value.toLowerCase() === 'none');
  const element = list.elements[index];
  if (element === undefined || element === null) return [];
  const next = list.elements[index + 1];
  const previous = list.elements[index - 1];
  const range: [number, number] = next !== undefined && next !== null ? [element.range[0], next.range[0]] : [previous?.range[1] ?? element.range[0], element.range[1]];
  return [{ messageId: 'removeNone', edits: [{ range, text: '' }] }];
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = parentOf(current); parent !== null; parent = parentOf(current)) {
    if (isFunctionNode(parent)) return parent;
    current = parent;
  }
  return current;
}

function excerpt(context: RuleContext<MessageId>, node: TSESTree.Node): string {
  const text = context.file.source.slice(node.range).replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
}
