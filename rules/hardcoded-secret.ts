/**
 * What: a secret written into the source. Three kinds of evidence, strongest first: a string in a provider's
 * key format anywhere (PEM private key, `AKIA...`, `ghp_...`, `xoxb-...`, `sk_live_...`); a constant given to a
 * parameter that takes a secret (jsonwebtoken/jose keys, session and cookie secrets, database passwords and
 * connection URLs, AWS, Stripe, Twilio, SendGrid, OpenAI credentials); a constant assigned to a name that says
 * it is a secret (`JWT_SECRET`, `password:`, `apiKey =`). Constants are followed to the literal that spells
 * them, and the finding sits there, once, with the strongest evidence's message.
 * In the CLI it also reads committed `.env` files and `.npmrc` (analysis/secrets/config-file-secrets.ts).
 * Why: whoever reads the code or its history holds the credential, and rotating it takes a deploy.
 * Quiet on: environment and config reads, placeholders and empty defaults, public keys and keys public by
 * design (Stripe publishable, PostHog project keys), names that only mention a secret (`passwordField`,
 * `tokenType`, `secretName`) or say the value is public (`publishableKey`, `NEXT_PUBLIC_API_KEY`, a Mixpanel
 * token), scopes and key paths (`apikeys:import`, `config.secret.path`), labels and messages, and, in test
 * files, values that do not look generated (`'test'`, `'secret'`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { staticPropertyName } from '../src/analysis/node-shapes.js';
import { hasFewDistinctCharacters, isPasswordHash, isPlaceholder, isPublicKeyMaterial, looksGenerated, looksLikeCredential, maskSecret, urlPassword } from '../src/analysis/secrets/secret-values.js';
import { configFileSecrets, type ConfigSecretMessage } from '../src/analysis/secrets/config-file-secrets.js';
import { ConstantStrings } from '../src/analysis/values/constant-strings.js';
import type { SecretKind } from '../src/models/concepts.js';
import { findSecretFormat, isPublicByDesign } from '../src/models/secret-formats.js';
import { mayNameSecret, secretNameKind, type SecretNameKind } from '../src/models/secret-names.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { ReportDescriptor, RuleContext, RuleListeners } from '../src/rules-api/rule-types.js';

type MessageId = 'secretArgument' | 'secretName' | 'fallbackSecret' | 'comparedSecret' | ConfigSecretMessage;

/**
 * One finding per literal, with the most specific message: a provider's key format beats a modeled parameter,
 * which beats a name or a password spotted inside a URL.
 */
const STRENGTH = { name: 1, embeddedFormat: 1, argument: 2, issuedFormat: 3 } as const;

const ARGUMENT_WORDS: Readonly<Record<SecretKind, string>> = {
  'signing-key': 'signing secret',
  'encryption-key': 'encryption key',
  password: 'password',
  'api-key': 'API key',
  'access-key': 'secret access key',
  'connection-url': 'password in its connection URL',
};

const NAME_WORDS: Readonly<Record<SecretNameKind, string>> = {
  password: 'password',
  secret: 'secret',
  token: 'token',
  key: 'key',
  authorization: 'credential',
};

export const hardcodedSecret = defineRule<MessageId>({
  id: 'hardcoded-secret',
  title: 'Secret written in the source code',
  cwe: ['CWE-798', 'CWE-259', 'CWE-321'],
  owasp: { 2021: ['A07:2021', 'A02:2021'], 2025: ['A07:2025', 'A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Read secrets from the environment or a secret manager at startup, fail fast when one is missing, and revoke any secret that was committed.',
  messages: {
    knownFormat: 'Hard-coded {{format}} (`{{masked}}`); revoke it and read its replacement from the environment or a secret manager instead.',
    secretArgument: '{{api}} is given a hard-coded {{secret}} (`{{masked}}`); read it from the environment or a secret manager instead.',
    secretName: '`{{name}}` holds a hard-coded {{secret}} (`{{masked}}`); read it from the environment or a secret manager instead.',
    comparedSecret: '`{{name}}` is compared with a hard-coded {{secret}} (`{{masked}}`); compare with a value read from the environment or a secret manager instead.',
    fallbackSecret: '{{target}} falls back to a hard-coded {{secret}} (`{{masked}}`) when the environment has none; fail at startup instead of running with a known secret.',
    committedSecret: '`{{name}}` in the committed {{file}} holds a {{secret}} (`{{masked}}`); revoke it, keep the file out of Git and commit a `.env.example` with placeholders instead.',
    weakSigningSecret: '`{{name}}` in the committed {{file}} is a guessable signing secret (`{{masked}}`) anyone can forge tokens or sessions with; generate a random secret of at least 32 bytes, keep it out of Git and revoke this one.',
    registryCredential: '.npmrc holds a literal `{{field}}` for {{registry}} (`{{masked}}`); write `${NPM_TOKEN}` instead, set the token in CI secrets and revoke this one.',
  },
  create: (context) => createListeners(context),
  configFile: { kinds: ['env', 'npmrc'], check: (file, report) => configFileSecrets(file).forEach(report) },
});

interface Candidate {
  readonly strength: number;
  readonly descriptor: ReportDescriptor<MessageId>;
}

function looksLikeIssuedToken(value: string): boolean {
  return looksGenerated(value) && looksLikeCredential(value);
}

/** The name a compared value goes by: `apiKey`, `req.headers['x-api-key']` → x-api-key, `process.env.TOKEN` → TOKEN. */
function comparedName(node: TSESTree.Node): string | null {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'MemberExpression' ? staticPropertyName(node) : null;
}

function createListeners(context: RuleContext<MessageId>): RuleListeners {
  const isTest = isTestPath(context.file.path);
  const constants = new ConstantStrings(context.scope, context.values);
  const found = new Map<TSESTree.Node, Candidate>();
  const offer = (strength: number, descriptor: ReportDescriptor<MessageId>): void => {
    const previous = found.get(descriptor.node);
    if (previous === undefined || previous.strength < strength) found.set(descriptor.node, { strength, descriptor });
  };

  /**
   * Evidence from a name, a parameter or a URL needs a value with the shape of a secret. Test files are judged
   * by issued key formats only: their generated-looking values are test keys far more often than leaks.
   */
  const isSecretValue = (value: string, hasShape: (value: string) => boolean): boolean =>
    !isTest && !isPublicKeyMaterial(value) && !isPublicByDesign(value) && !isPasswordHash(value) && hasShape(value);

  const checkFormat = (text: string, node: TSESTree.Node): void => {
    const match = findSecretFormat(text);
    if (match === null) return;
    const isEmbedded = match.format.evidence === 'embedded';
    // An issued key is real by its format, unless its body is documentation filler (`AKIAXXXXXXXXXXXXXXXX`).
    if (isEmbedded ? !isSecretValue(match.secret, (value) => !isPlaceholder(value)) : hasFewDistinctCharacters(match.secret.slice(-16))) return;
    offer(isEmbedded ? STRENGTH.embeddedFormat : STRENGTH.issuedFormat, { node, messageId: 'knownFormat', data: { format: match.format.name, masked: maskSecret(match.secret) } });
  };

  const checkName = (name: string | null, value: TSESTree.Node | null | undefined, compared = false): void => {
    if (name === null || value === null || value === undefined || !mayNameSecret(name)) return;
    const kind = secretNameKind(name);
    if (kind === null) return;
    for (const constant of constants.of(value, [], { throughArrays: false })) {
      const secret = kind === 'authorization' ? constant.value.replace(/^(?:Bearer|Basic|Token|Bot)\s+/i, '') : constant.value;
      // Tokens and authorization values are issued by a service, never typed by a person: they look generated
      // (a lexer's `lastToken = '?Punctuator'` and an OAuth `token: 'https://.../token'` endpoint do not).
      const hasShape = kind === 'token' || kind === 'authorization' ? looksLikeIssuedToken : looksLikeCredential;
      if (!isSecretValue(secret, hasShape)) continue;
      const data = { name, target: `\`${name}\``, secret: NAME_WORDS[kind], masked: maskSecret(secret) };
      offer(STRENGTH.name, { node: constant.node, messageId: compared ? 'comparedSecret' : constant.isFallback ? 'fallbackSecret' : 'secretName', data });
    }
  };

  const checkCall = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    if (call.arguments.length === 0) return;
    for (const sink of context.concepts.callsTo(call, 'secret-argument')) {
      const argument = call.arguments[sink.row.argument];
      if (argument === undefined || argument.type === 'SpreadElement') continue;
      const path = sink.row.property?.split('.') ?? [];
      for (const constant of constants.of(argument, path)) {
        const secret = sink.row.secret === 'connection-url' ? urlPassword(constant.value) : constant.value;
        if (secret === null || !isSecretValue(secret, (value) => !isPlaceholder(value))) continue;
        const data = { api: sink.api, target: sink.api, secret: ARGUMENT_WORDS[sink.row.secret], masked: maskSecret(secret) };
        offer(STRENGTH.argument, { node: constant.node, messageId: constant.isFallback ? 'fallbackSecret' : 'secretArgument', data });
      }
    }
  };

  const listeners: RuleListeners = {
    Literal: (node) => {
      if (typeof node.value === 'string') checkFormat(node.value, node);
    },
    TemplateLiteral: (node) => {
      for (const quasi of node.quasis) checkFormat(quasi.value.cooked ?? '', node);
    },
    VariableDeclarator: (node) => checkName(node.id.type === 'Identifier' ? node.id.name : null, node.init),
    Property: (node) => {
      if (node.parent.type === 'ObjectExpression' && node.kind === 'init') checkName(staticPropertyName(node), node.value);
    },
    PropertyDefinition: (node) => checkName(staticPropertyName(node), node.value),
    AssignmentExpression: (node) => {
      if (node.operator !== '=') return;
      const target = node.left;
      checkName(target.type === 'Identifier' ? target.name : target.type === 'MemberExpression' ? staticPropertyName(target) : null, node.right);
    },
    AssignmentPattern: (node) => checkName(node.left.type === 'Identifier' ? node.left.name : null, node.right),
    // `if (apiKey === 'sk_...')`: the literal a secret is checked against is the secret.
    BinaryExpression: (node) => {
      if (!['===', '==', '!==', '!='].includes(node.operator) || node.left.type === 'PrivateIdentifier') return;
      for (const [named, other] of [[node.left, node.right], [node.right, node.left]] as const) {
        if (other.type === 'Literal' || other.type === 'TemplateLiteral') checkName(comparedName(named), other, true);
      }
    },
    'Program:exit': () => {
      const candidates = [...found.values()].sort((a, b) => a.descriptor.node.range[0] - b.descriptor.node.range[0]);
      for (const candidate of candidates) context.report(candidate.descriptor);
    },
  };
  if (!context.concepts.mayUse('secret-argument')) return listeners;
  return { ...listeners, CallExpression: checkCall, NewExpression: checkCall };
}
