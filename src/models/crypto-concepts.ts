/**
 * The cryptography concepts: creating ciphers, generating keys, naming digest algorithms, producing key
 * material and predictable values. Rows say where each call takes the algorithm, key, IV, sizes and curves;
 * what counts as weak is in crypto-algorithms.ts. Rules ask these concepts and never name a package.
 */

interface CryptoRowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/** Where a call takes one value: an argument, or a property of an options-object argument. */
export interface ArgumentSlot {
  readonly argument: number;
  readonly property?: string;
}

/**
 * How a row names its algorithm: an argument holding an OpenSSL-style name (`'aes-256-gcm'`), one fixed name,
 * or the member at path step `step` mapped through `names` (crypto-js `CryptoJS.DES.encrypt` → `des`).
 * Names use Node's (OpenSSL's) vocabulary so one table judges every library.
 */
export type AlgorithmSource =
  | { readonly argument: number }
  | { readonly named: string }
  | { readonly step: number; readonly names: Readonly<Record<string, string>> };

/**
 * Creates a cipher or decipher (`createCipheriv(algorithm, key, iv)`, `CryptoJS.DES.encrypt(message, key, cfg)`,
 * forge `cipher.createCipher(algorithm, key)`). `iv: 'derived'` marks APIs that derive key and IV from a
 * password with one MD5 round and no salt (Node's deprecated `createCipher`); `mode` is an option holding a
 * `cipher-mode` value (crypto-js `{ mode: CryptoJS.mode.ECB }`); `defaultMode` applies when it is absent.
 */
export interface CipherRow extends CryptoRowBase {
  readonly concept: 'cipher';
  readonly direction: 'encrypt' | 'decrypt';
  readonly algorithm: AlgorithmSource;
  readonly key?: ArgumentSlot;
  readonly iv?: ArgumentSlot | 'derived';
  readonly mode?: ArgumentSlot;
  readonly defaultMode?: string;
}

/** A block-cipher mode constant (crypto-js `CryptoJS.mode.ECB`), named in lower case: `ecb`, `cbc`. */
export interface CipherModeRow extends CryptoRowBase {
  readonly concept: 'cipher-mode';
  readonly mode: string;
}

/** Asymmetric and key-agreement key types, as Node names them (`generateKeyPair('rsa', ...)`). */
export type KeyType = 'rsa' | 'rsa-pss' | 'dsa' | 'ec' | 'ed25519' | 'ed448' | 'x25519' | 'x448' | 'dh' | 'hmac' | 'aes';

/** The size settings of key generation, each in its own unit. */
export type KeyParameter = 'modulus-bits' | 'curve' | 'dh-prime-bits' | 'dh-group' | 'symmetric-bits';

export interface KeySetting extends ArgumentSlot {
  readonly parameter: KeyParameter;
  /** The library's documented value when the call leaves it out. */
  readonly default?: number;
}

/**
 * Generates keys or sets up key agreement: `generateKeyPair('rsa', { modulusLength })`, `createECDH(curve)`,
 * `getDiffieHellman('modp14')`, forge `pki.rsa.generateKeyPair(bits)`, `new NodeRSA({ b })`. `keyType` is an
 * argument naming the type, or the one type the API makes.
 */
export interface KeyGenerationRow extends CryptoRowBase {
  readonly concept: 'key-generation';
  readonly keyType: { readonly argument: number } | { readonly named: KeyType };
  readonly settings: readonly KeySetting[];
}

/**
 * Returns bytes that serve as keys: random bytes (`randomBytes(16)`, `WordArray.random(16)`) or a key derived
 * from a secret (`scryptSync(password, salt, 32)`: `argument` is the secret). `length` is where the size is
 * given, in `unit`.
 */
export interface KeyMaterialRow extends CryptoRowBase {
  readonly concept: 'key-material';
  readonly source: 'random' | 'derived';
  readonly length: ArgumentSlot & { readonly unit: 'bytes' | 'bits' };
}

/**
 * Starts a digest, an HMAC or a signature with a named algorithm: `createHash('md5')`, `createHmac('sha1', key)`,
 * `createSign('RSA-SHA1')`, `CryptoJS.HmacSHA1(message, key)`, `md5(message)`. `input` is where the data goes
 * when this call takes it; `key` is the HMAC key.
 */
export interface DigestAlgorithmRow extends CryptoRowBase {
  readonly concept: 'digest-algorithm';
  readonly use: 'hash' | 'hmac' | 'signature';
  readonly algorithm: AlgorithmSource;
  readonly input?: number;
  readonly key?: ArgumentSlot;
}

/**
 * Returns a value an observer can predict or reproduce, not drawn from a CSPRNG: `uuid.v1()` (time and MAC
 * address), `nanoid/non-secure`, `shortid.generate()` (Math.random). `source` says what it is made of, for messages.
 */
export interface PredictableValueRow extends CryptoRowBase {
  readonly concept: 'predictable-value';
  readonly source: string;
}

/** Returns the bytes its `argument` spells in an encoding (crypto-js `CryptoJS.enc.Hex.parse(hex)`): constant in, constant out. */
export interface ByteEncodingRow extends CryptoRowBase {
  readonly concept: 'byte-encoding';
  readonly argument: number;
}

/** Compares two buffers in time independent of their contents (`crypto.timingSafeEqual`). */
export interface ConstantTimeCompareRow extends CryptoRowBase {
  readonly concept: 'constant-time-compare';
}

export type CryptoRow = ByteEncodingRow | CipherRow | CipherModeRow | KeyGenerationRow | KeyMaterialRow | DigestAlgorithmRow | PredictableValueRow | ConstantTimeCompareRow;
