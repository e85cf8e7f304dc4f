/**
 * Does a name say its value protects something: a token, a session id, a one-time code, a nonce, a salt, an
 * API key, a signature? The rule is the head noun, as for secret names (models/secret-names.ts): a name is
 * about what its last word says, so `resetToken` is a token while `tokenType`, `tokenExpiry` and `TOKEN_LENGTH`
 * are not, `verificationCode` is a one-time code while `statusCode` is not, and `sessionId` is a session id
 * while `requestId` is not. Words that keep the meaning may follow the head (`tokenHex`, `apiKeyV2`).
 */
import { identifierWords, secretNameKind } from '../../models/secret-names.js';

export type SecurityRole =
  | 'token'
  | 'secret'
  | 'session-id'
  | 'nonce'
  | 'one-time-code'
  | 'password'
  | 'password-hash'
  | 'salt'
  | 'api-key'
  | 'key'
  | 'signature'
  | 'iv';

/** For messages: what a value in each role is. */
export const ROLE_WORDS: Readonly<Record<SecurityRole, string>> = {
  token: 'a token',
  secret: 'a secret',
  'session-id': 'a session id',
  nonce: 'a nonce',
  'one-time-code': 'a one-time code',
  password: 'a password',
  'password-hash': 'a password hash',
  salt: 'a salt',
  'api-key': 'an API key',
  key: 'a key',
  signature: 'a signature',
  iv: 'an IV',
};

/** Tokens that are not credentials: pagination cursors, cancellation handles, parser and design tokens. */
const NON_SECURITY_TOKEN_MODIFIERS: ReadonlySet<string> = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cancel', 'cancellation', 'sync', 'resume', 'cursor',
  'injection', 'lexer', 'parser', 'design', 'color', 'theme', 'current', 'last', 'first', 'peek', 'syntax',
  'word', 'text', 'search', 'query', 'sql', 'ast', 'css', 'html', 'markdown', 'md', 'format', 'template', 'input',
]);

/** `code` is a one-time code after one of these (`resetCode`, `otpCode`), not `statusCode` or `sourceCode`. */
const ONE_TIME_CODE_MODIFIERS: ReadonlySet<string> = new Set([
  'reset', 'verification', 'verify', 'confirm', 'confirmation', 'activation', 'activate', 'auth', 'otp', 'recovery',
  'invite', 'invitation', 'magic', 'login', 'signin', 'mfa', 'sms', 'security', 'backup', 'pairing', 'unlock',
  'authorization', 'authentication', 'access', 'secret', 'passcode', 'pin', 'twofa', 'tfa', 'onetime', 'one', 'time',
]);

/** Words that may follow the head noun without changing what the value is. */
const MEANING_PRESERVING: ReadonlySet<string> = new Set([
  'value', 'str', 'string', 'raw', 'plain', 'b64', 'base64', 'hex', 'bytes', 'buf', 'buffer', 'new', 'tmp', 'temp',
  'generated', 'random',
]);

/** The role a name says its value plays, or null (`tokenType`, `statusCode`, `requestId`, `color`). */
export function securityRoleOf(name: string): SecurityRole | null {
  const words = identifierWords(name);
  let head = words.length - 1;
  while (head > 0 && (MEANING_PRESERVING.has(words[head] ?? '') || /^v?\d+$/.test(words[head] ?? ''))) head -= 1;
  const noun = words[head];
  if (noun === undefined) return null;
  const modifier = words[head - 1];
  switch (noun) {
    case 'token':
    case 'tokens':
      return modifier !== undefined && NON_SECURITY_TOKEN_MODIFIERS.has(modifier) ? null : 'token';
    case 'jwt':
    case 'bearer':
    case 'authorization':
    case 'csrf':
    case 'xsrf':
      return 'token';
    case 'secret':
    case 'secrets':
    case 'credential':
    case 'credentials':
    case 'pepper':
      return 'secret';
    case 'sid':
    case 'sessionid':
      return 'session-id';
    case 'id':
    case 'key':
      if (modifier === 'session') return 'session-id';
      if (noun === 'id') return null;
      if (modifier === 'api') return 'api-key';
      return secretNameKind(name) === 'key' ? 'key' : null;
    case 'apikey':
      return 'api-key';
    case 'nonce':
    case 'cnonce':
      return 'nonce';
    case 'otp':
    case 'totp':
    case 'hotp':
    case 'passcode':
    case 'pin':
      return 'one-time-code';
    case 'code':
      return modifier !== undefined && ONE_TIME_CODE_MODIFIERS.has(modifier) ? 'one-time-code' : null;
    case 'password':
    case 'passwd':
    case 'pwd':
    case 'passphrase':
      return 'password';
    case 'hash':
    case 'digest':
      return modifier !== undefined && ['password', 'passwd', 'pwd', 'passphrase'].includes(modifier) ? 'password-hash' : null;
    case 'salt':
      return 'salt';
    case 'signature':
    case 'sig':
    case 'hmac':
      return 'signature';
    case 'iv':
      return 'iv';
    default:
      return null;
  }
}

/** Names of values that are public: identifiers and contact data anyone may know or guess. */
const PUBLIC_NOUNS: ReadonlySet<string> = new Set(['id', 'ids', 'uid', 'email', 'mail', 'login', 'username', 'user', 'name', 'phone', 'handle', 'slug']);

/** True for a name whose value is public (`userId`, `email`, `req.query.login`): hashing it yields nothing secret. */
export function namesPublicValue(name: string): boolean {
  const words = identifierWords(name);
  const noun = words[words.length - 1];
  return noun !== undefined && PUBLIC_NOUNS.has(noun);
}
