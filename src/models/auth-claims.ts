/**
 * Words about what a token carries and where a decoded token is put, for the `jwt` rule. A token's payload is
 * only base64: whoever holds the token reads it, so passwords and whole account records do not belong there.
 * Reading authorization claims or setting the request's user from a token is trusting it.
 */

/** Claim names (as words, see password-names `wordsOf`) that hold data a token must not carry. */
export const SENSITIVE_CLAIM_WORDS: ReadonlySet<string> = new Set(['ssn', 'cvv', 'cvc', 'iban', 'pin']);

/** Run-together claim names that hold such data: `creditCard`, `cardNumber`, `socialSecurityNumber`. */
export const SENSITIVE_CLAIM_NAMES: ReadonlySet<string> = new Set(['creditcard', 'cardnumber', 'socialsecuritynumber', 'creditcardnumber', 'bankaccount']);

/** The last word of a name that holds a whole account record: `user`, `req.user`, `foundAccount`. */
export const RECORD_WORDS: ReadonlySet<string> = new Set(['user', 'account', 'customer', 'member', 'employee', 'profile']);

/** Methods that turn an ORM record into a plain object with every column (Sequelize, Mongoose, TypeORM). */
export const RECORD_SERIALIZERS: ReadonlySet<string> = new Set(['toJSON', 'toObject', 'get']);

/** Claims whose value grants rights: reading one from a token is an authorization decision. */
export const AUTHORIZATION_CLAIMS: ReadonlySet<string> = new Set([
  'role', 'roles', 'isAdmin', 'admin', 'is_admin', 'permissions', 'scope', 'scopes', 'groups', 'isSuperuser', 'superuser', 'isStaff', 'authorities',
]);

/** Members a request or context stores its authenticated principal under: `req.user`, `ctx.state.user`. */
export const PRINCIPAL_HOLDERS: ReadonlySet<string> = new Set(['user', 'currentUser', 'principal', 'identity', 'auth', 'claims', 'authUser', 'jwtPayload']);

/** Payload claims that bound a token's lifetime when the application checks them itself (`expiresAt`, `iat`). */
export const LIFETIME_CLAIM = /^(?:exp|iat|nbf)$|expir|createdAt|issuedAt|issued_at|created_at/i;

/** Words of a cookie name that say it carries a session or a credential: `session`, `connect.sid`, `auth_token`. */
export const CREDENTIAL_COOKIE_WORDS: ReadonlySet<string> = new Set(['session', 'sess', 'sid', 'token', 'jwt', 'auth', 'authorization', 'remember']);

/** Words of a cookie name meant to be read by script: CSRF double-submit tokens. */
export const READABLE_COOKIE_WORDS: ReadonlySet<string> = new Set(['csrf', 'xsrf']);
