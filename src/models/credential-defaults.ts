/**
 * Password knowledge the plaintext-password rule reads as data: passwords products ship with or people pick
 * first, words that say a password-named value is no longer the password itself, the names that pair a
 * password with an account, and the query parameters a password travels in when it is put in a URL.
 */

/**
 * Default and first-guess passwords (the top of every credential-stuffing list, and vendor defaults such as
 * root/toor or admin/admin). Matched exactly: `'Password'` is a form label, `'password'` a default.
 */
export const DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'root', 'toor', 'password', 'passw0rd', 'pass', 'passwd', 'changeme', 'default', 'guest',
  'test', 'user', 'demo', 'letmein', 'secret', 'qwerty', '1234', '12345',
]);

/** Words beside `password` in a name that say the value was hashed or encrypted (`hashedPassword`, `encryptedPwd`). */
export const PROTECTED_PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'hashed', 'hash', 'encrypted', 'encrypt', 'crypted', 'bcrypt', 'bcrypted', 'salted', 'digest', 'scrypt', 'argon', 'argon2', 'enc',
]);

/** Property names that hold the account a password belongs to, for `{ username: 'admin', password: 'admin' }`. */
export const ACCOUNT_NAME_KEYS: ReadonlySet<string> = new Set(['username', 'user', 'userName', 'user_name', 'login', 'email', 'name', 'account', 'uid']);

/** A URL's query parameter that carries a password: `?password=`, `&pwd=`. */
export const URL_PASSWORD_PARAMETER = /[?&](?:password|passwd|pwd|pass|passphrase)=$/i;

/**
 * Keys of connection options (`{ host, port, username, password }` for a database, a broker, a mail server):
 * service credentials are hardcoded-secret's (by the parameter they are given to), and local development
 * databases with `root`/`root` are not accounts an attacker can reach.
 */
export const CONNECTION_KEYS: ReadonlySet<string> = new Set(['host', 'hostname', 'port', 'database', 'dialect', 'connectionString', 'uri', 'url', 'server', 'socketPath']);

/** Code that never serves users, beside tests: mocks and load or benchmark scripts (`__mocks__/`, `x.mock.ts`, `load-testing/`). */
export const NON_PRODUCTION_PATH = /(?:^|\/)(?:__mocks__|mocks?|load-?test(?:ing|s)?|benchmarks?)\/|\.mock\.[cm]?[jt]sx?$/i;
