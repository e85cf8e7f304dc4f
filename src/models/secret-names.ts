/**
 * Names that say a value is a secret (`JWT_SECRET`, `dbPassword`, `apiKey`, `x-api-key`) and names that only
 * mention one (`passwordField`, `PASSWORD_MIN_LENGTH`, `tokenType`, `secretName`, `cacheKey`). The rule is the
 * head noun: a name is about what its last word says, so `passwordLabel` is a label and `secretName` is a name.
 * After the head only words that keep the meaning may follow (`JWT_SECRET_PROD`, `apiKeyV2`, `passwordHex`).
 */

/** What a name says its value is, for messages. */
export type SecretNameKind = 'password' | 'secret' | 'token' | 'key' | 'authorization';

/** Head nouns that name a secret on their own. */
const SECRET_NOUNS: Readonly<Record<string, SecretNameKind>> = {
  password: 'password',
  passwd: 'password',
  passphrase: 'password',
  pwd: 'password',
  pass: 'password',
  secret: 'secret',
  token: 'token',
  apikey: 'key',
  secretkey: 'key',
  privatekey: 'key',
  accesskey: 'key',
  authtoken: 'token',
  accesstoken: 'token',
  authorization: 'authorization',
};

/** `key` is a secret only after one of these (`apiKey`, `SECRET_ACCESS_KEY`), not `cacheKey` or `primaryKey`. */
const SECRET_KEY_MODIFIERS: ReadonlySet<string> = new Set([
  'api', 'secret', 'private', 'access', 'encryption', 'encrypt', 'decryption', 'signing', 'sign', 'hmac', 'master',
  'auth', 'crypto', 'cipher', 'aes', 'jwt', 'license', 'session', 'webhook', 'shared', 'admin', 'client', 'service',
]);

/** Tokens that are not credentials: pagination cursors, cancellation handles, CSRF values, DI tokens. */
const NON_SECRET_TOKEN_MODIFIERS: ReadonlySet<string> = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cancel', 'cancellation', 'sync', 'resume', 'cursor', 'csrf',
  'xsrf', 'injection', 'lexer', 'parser', 'design', 'color', 'theme',
]);

/**
 * Words that say the value is shipped to browsers and apps by design (`publishableKey`, `NEXT_PUBLIC_API_KEY`),
 * and analytics products whose project token or key is public (Mixpanel project tokens, Amplitude API keys);
 * with one of these the name is not a secret unless it also says secret, private or admin.
 */
const PUBLIC_QUALIFIERS: ReadonlySet<string> = new Set(['public', 'publishable', 'mixpanel', 'amplitude']);
const PRIVATE_QUALIFIERS: ReadonlySet<string> = new Set(['secret', 'private', 'admin', 'personal', 'management', 'server']);

/** Words that may follow the head noun without changing what the value is. */
const MEANING_PRESERVING_SUFFIXES: ReadonlySet<string> = new Set([
  'value', 'str', 'string', 'raw', 'plain', 'plaintext', 'b64', 'base64', 'hex', 'bytes', 'buf', 'buffer',
  'prod', 'production', 'dev', 'development', 'staging', 'live', 'local', 'default', 'fallback', 'old', 'new',
  'current', 'previous', 'primary', 'secondary', 'override',
]);

/** The secret a name says its value is, or null (`passwordField`, `tokenType`, `cacheKey`, `user`). */
export function secretNameKind(name: string): SecretNameKind | null {
  const words = identifierWords(name);
  if (words.some((word) => PUBLIC_QUALIFIERS.has(word)) && !words.some((word) => PRIVATE_QUALIFIERS.has(word))) return null;
  let head = words.length - 1;
  while (head > 0 && isMeaningPreserving(words[head] ?? '')) head -= 1;
  const noun = words[head];
  if (noun === undefined) return null;
  const modifier = words[head - 1];
  if (noun === 'key') return modifier !== undefined && SECRET_KEY_MODIFIERS.has(modifier) ? 'key' : null;
  if (noun === 'token' && modifier !== undefined && NON_SECRET_TOKEN_MODIFIERS.has(modifier)) return null;
  return Object.prototype.hasOwnProperty.call(SECRET_NOUNS, noun) ? (SECRET_NOUNS[noun] ?? null) : null;
}

/** Cheap test before tokenising: could this name have a secret head noun at all? */
export function mayNameSecret(name: string): boolean {
  return /pass|pwd|secret|token|key|authorization/i.test(name);
}

function isMeaningPreserving(word: string): boolean {
  return MEANING_PRESERVING_SUFFIXES.has(word) || /^v?\d+$/.test(word);
}

/** `JWT_SECRET` → jwt, secret; `apiKeyV2` → api, key, v2; `x-api-key` → x, api, key; `APIKey` → api, key. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
