/**
 * Does a name say that its value is a password? Word heuristics in the spirit of CodeQL's HeuristicNames
 * (`maybePassword` minus `notSensitive`): the name has a password word, and no word saying the value is
 * something else about a password (a reset token, its length, a hint, a timestamp). For a value about to be
 * hashed ('plaintext'), a word saying it is already hashed or is the salt also rules it out; for the name a
 * result is stored under ('stored'), `passwordHash` is exactly what we look for.
 */

export type PasswordNameUse = 'plaintext' | 'stored';

const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'passphrase', 'passcode', 'pass', 'pwd', 'pw', 'pword']);

/** Run-together lowercase names (`newpassword`, `hashedpassword`) still contain one of these. */
const PASSWORD_INFIXES = ['password', 'passwd', 'passphrase'] as const;

/** Values named after a password that are not one: a reset token is random, a length or hint is not secret. */
const NOT_A_PASSWORD: ReadonlySet<string> = new Set([
  'token', 'reset', 'forgot', 'forgotten', 'recovery', 'otp', 'hint', 'question', 'length', 'len', 'policy',
  'strength', 'score', 'rule', 'rules', 'regex', 'pattern', 'min', 'max', 'expiry', 'expires', 'expired',
  'expiration', 'changed', 'updated', 'created', 'date', 'time', 'timestamp', 'count', 'attempt', 'attempts',
  'retries', 'url', 'link', 'field', 'label', 'placeholder', 'error', 'errors', 'message', 'msg', 'valid',
  'invalid', 'is', 'has', 'should', 'show', 'visible', 'required', 'prompt', 'mode', 'type', 'manager',
]);

/** A value that is already a hash (or the salt) is not the plaintext; re-hashing it is another problem. */
const ALREADY_DERIVED: ReadonlySet<string> = new Set([
  'hash', 'hashed', 'hashes', 'digest', 'encrypted', 'crypted', 'enc', 'salt', 'salted', 'pepper', 'cipher', 'ciphertext',
]);

/** Fragments checked inside run-together lowercase words, where word boundaries are lost. */
const NOT_A_PASSWORD_FRAGMENTS = ['token', 'reset', 'forgot', 'length', 'hint', 'policy', 'expir'] as const;
const ALREADY_DERIVED_FRAGMENTS = ['hash', 'digest', 'crypt', 'salt'] as const;

export function namesPassword(name: string, use: PasswordNameUse): boolean {
  const words = wordsOf(name);
  let hasPasswordWord = false;
  for (const word of words) {
    if (NOT_A_PASSWORD.has(word)) return false;
    if (use === 'plaintext' && ALREADY_DERIVED.has(word)) return false;
    if (PASSWORD_WORDS.has(word)) {
      hasPasswordWord = true;
      continue;
    }
    const infix = PASSWORD_INFIXES.find((candidate) => word.includes(candidate));
    if (infix === undefined) continue;
    const rest = word.replace(infix, ' ');
    if (NOT_A_PASSWORD_FRAGMENTS.some((fragment) => rest.includes(fragment))) return false;
    if (use === 'plaintext' && ALREADY_DERIVED_FRAGMENTS.some((fragment) => rest.includes(fragment))) return false;
    hasPasswordWord = true;
  }
  return hasPasswordWord;
}

/** `newPassword` → new, password; `PASSWORD_HASH` → password, hash; `pwd2` → pwd. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
