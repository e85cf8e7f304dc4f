/**
 * Questions about a string that may be a secret: is it a placeholder (`'changeme'`, `'<password>'`,
 * `'${SECRET}'`), does it look machine-generated (a key or token rather than a word), does it have the shape
 * of a credential at all (no spaces, not a label, path, URL or config key), and how to show it masked.
 * Pure functions over strings: cheap checks first, no regex over unbounded input.
 */

/** Longer strings are not credentials a person typed; the key-format table finds long keys (PEM blocks). */
const MAX_CREDENTIAL_LENGTH = 512;

/** Words that mark a value as something to fill in, not a value: `your-api-key-here`, `CHANGE_ME`, `dummy`. */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'changeme', 'change', 'changeit', 'replaceme', 'replace', 'your', 'yours', 'placeholder', 'dummy', 'example',
  'sample', 'fake', 'mock', 'redacted', 'todo', 'fixme', 'tbd', 'insert', 'here', 'none', 'null', 'undefined', 'nil',
]);

/** Whole values that say "no value". */
const EMPTY_WORDS: ReadonlySet<string> = new Set(['n/a', 'na', '-', 'false', 'true', 'none', 'null', 'undefined', 'nil']);

/** Template syntaxes a value is filled in from: `${X}`, `{{x}}`, `<x>`, `%X%`, `$X`, `%s`, `{0}`. */
const TEMPLATE_SHAPES: readonly RegExp[] = [/\$\{[^}]*\}/, /\{\{[^}]*\}\}/, /^<[^<>]+>$/, /^%[A-Za-z_][\w]*%$/, /^\$[A-Za-z_]\w*$/, /%[sd]/, /\{\d*\}/, /^\[[^\]]+\]$/];

/** An environment variable's name standing in for its value: `'JWT_SECRET'`, `'YOUR_API_KEY'`. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * Names joined by `:` or `.`: a permission or OAuth scope (`apikeys:import`, `read:users`, `admin:org_hook`) or
 * a configuration key path (`config.secret.path`, `auth.jwt.secretKeyPath`). Generated keys and tokens mix in
 * digits; these are words.
 */
const NAME_PATH = /^[A-Za-z][A-Za-z_*-]*(?:[.:][A-Za-z][A-Za-z_*-]*)+$/;

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/** A value that stands for a secret without being one: empty, filler (`xxx`, `***`), a template, a marker word. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0 || EMPTY_WORDS.has(trimmed.toLowerCase())) return true;
  if (hasFewDistinctCharacters(trimmed)) return true;
  if (ENV_NAME.test(trimmed)) return true;
  if (TEMPLATE_SHAPES.some((shape) => shape.test(trimmed))) return true;
  if (trimmed.length > 64 || looksGenerated(trimmed)) return false;
  return valueWords(trimmed).some((word) => PLACEHOLDER_WORDS.has(word) || hasFewDistinctCharacters(word, 3));
}

/**
 * Filler such as `xxxxxxxx`, `00000000`, `XXXX-XXXX`: at most two distinct letters or digits. A word must be at
 * least `minLength` long to count (so `'ab'` is not filler but `'xxx'` is).
 */
export function hasFewDistinctCharacters(text: string, minLength = 1): boolean {
  const alphanumerics = text.replace(/[^A-Za-z0-9]/g, '');
  if (alphanumerics.length < minLength) return text.length > 0 && alphanumerics.length === 0;
  return new Set(alphanumerics.toLowerCase()).size <= (alphanumerics.length >= 8 ? 2 : 1);
}

/**
 * Looks machine-generated: a key or token rather than something a person typed. Long enough, high entropy,
 * and a run of letters mixed with digits (hex, base64, base62). `test-secret-123` and `supersecret` are not.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 16 || /\s/.test(value)) return false;
  if (shannonEntropy(value) < 3.5) return false;
  return value.split(/[^A-Za-z0-9+/=]+/).some((run) => run.length >= 12 && /[0-9]/.test(run) && /[A-Za-z]/.test(run));
}

/**
 * Has the shape of a credential, for a value whose only evidence is its name (`apiKey = '...'`): not a
 * placeholder, no whitespace (a message or label), not a word or dotted/kebab name (a label, column, config
 * key or env var name), not a URL, path, ARN or file name (where a secret lives, not the secret).
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 6 || value.length > MAX_CREDENTIAL_LENGTH || /\s/.test(value)) return false;
  if (isPlaceholder(value) || isReference(value) || NAME_PATH.test(value)) return false;
  if (/^[A-Za-z]+(?:[._-][A-Za-z]+)*$/.test(value)) return value.length >= 20 && /[a-z]/.test(value) && /[A-Z]/.test(value) && shannonEntropy(value) >= 4;
  return true;
}

/** A pointer to a secret rather than the secret: a URL without credentials, a path, an ARN, a key file name. */
function isReference(value: string): boolean {
  if (value.includes('://')) return urlPassword(value) === null;
  if (/^(?:arn|vault|projects|secret|sm|ssm|kms):/i.test(value)) return true;
  if (/^(?:\.{0,2}\/|~\/)/.test(value)) return true;
  if (/^[\w.-]+\.(?:pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|env|txt|properties)$/i.test(value)) return true;
  return /^[\w.-]+(?:\/[\w.-]+)+$/.test(value) && !looksGenerated(value);
}

/** The password in `scheme://user:password@host` (RFC 3986 userinfo), or null when the URL carries none. */
export function urlPassword(value: string): string | null {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@[^\s@/]/.exec(value.trim());
  return match?.[1] ?? null;
}

/**
 * A password hash in modular crypt format (`$2b$10$...` bcrypt, `$argon2id$...`, `$scrypt$...`, `$6$...`):
 * seed data and test fixtures store these, and a hash is what should be stored, not a secret in itself.
 */
export function isPasswordHash(value: string): boolean {
  return /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|[156]|7|y)\$[^\s]{20,}$/.test(value.trim());
}

/** True for public key material: a PEM public key or certificate, or an OpenSSH public key line. */
export function isPublicKeyMaterial(value: string): boolean {
  return /-----BEGIN (?:RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(value) || /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) [A-Za-z0-9+/=]{20,}/.test(value.trim());
}

/** Shows enough to find the value and never the secret: at most four characters, fewer for short values. */
export function maskSecret(value: string): string {
  const trimmed = value.trim();
  const shown = Math.min(4, Math.floor(trimmed.length / 4));
  return `${trimmed.slice(0, shown)}…`;
}

/** `yourSecretHere` → your, secret, here; `CHANGE_ME` → change, me; `xxx-xxx` → xxx, xxx. */
function valueWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
