/**
 * The token concepts: signing, verifying and decoding JSON Web Tokens, and key sets fetched by key id. Rows say
 * where each call takes its payload, key and options, and which option names the library reads; what is weak
 * (no allow-list, `none`, no expiry) is judged by the `jwt` rule. Rules ask these concepts and never name a package.
 */

interface AuthRowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/** Where a call takes a value: an argument, or a property (dotted for nested options: `verifyOptions.algorithms`) of one. */
export interface OptionSlot {
  readonly argument: number;
  readonly property?: string;
}

/**
 * Mints a token: `jwt.sign(payload, key, { expiresIn })`, `createSigner({ key, expiresIn })`, `new SignJWT(payload)`
 * (expiry set by the chained `setExpirationTime`). `payload` is the claims argument when this call takes it;
 * `options` the options object (absent for builders); `expiry` the option or chained method that sets `exp`.
 */
export interface JwtSignRow extends AuthRowBase {
  readonly concept: 'jwt-sign';
  readonly payload?: number;
  readonly key?: OptionSlot;
  readonly options?: OptionSlot;
  readonly expiry: { readonly option: string } | { readonly method: string; readonly builderMethods: readonly string[] } | null;
  /** The option naming the one signing algorithm (`algorithm: 'none'` signs nothing). */
  readonly algorithmOption?: string;
}

/**
 * Checks a token's signature and claims: `jwt.verify(token, key, options)`, `new Strategy({ secretOrKey })`,
 * `expressjwt({ secret, algorithms })`. `keys` are the slots a key or key lookup may sit in; `options` the object
 * holding `algorithmsOption` and `ignoreExpirationOption`. `headerPicksAlgorithm`: without an allow-list the
 * library takes the algorithm from the token's own header (jsonwebtoken and what wraps it), so a public key can
 * be used as an HMAC secret; libraries that bind the algorithm to the key's type (jose, fast-jwt) say false.
 */
export interface JwtVerifyRow extends AuthRowBase {
  readonly concept: 'jwt-verify';
  readonly keys: readonly OptionSlot[];
  readonly options: OptionSlot;
  readonly algorithmsOption?: string;
  readonly ignoreExpirationOption?: string;
  readonly headerPicksAlgorithm: boolean;
}

/** Reads a token's claims without checking its signature (`jwt.decode(token)`, jose `decodeJwt`): `argument` is the token. */
export interface JwtDecodeRow extends AuthRowBase {
  readonly concept: 'jwt-decode';
  readonly argument: number;
}

/** Returns a key lookup that picks a public key by the token's key id (jwks-rsa `expressJwtSecret()`). */
export interface JwtKeySetRow extends AuthRowBase {
  readonly concept: 'jwt-key-set';
}

export type AuthRow = JwtSignRow | JwtVerifyRow | JwtDecodeRow | JwtKeySetRow;
