/**
 * What is weak in cryptography, as data: cipher families and modes, digest algorithms, elliptic curves,
 * Diffie-Hellman groups and the minimum sizes, in Node's (OpenSSL's) names. Sources: NIST SP 800-131A Rev. 2
 * (transitions: DES, 2-key 3DES, SHA-1 signatures, 1024-bit RSA/DH, 112-bit security floor), NIST SP 800-57
 * Part 1 (security strengths), RFC 7568/7465 (RC4), Sweet32 (64-bit blocks), the OWASP Cryptographic Storage
 * Cheat Sheet; names from `openssl list -cipher-algorithms` and `crypto.getCurves()`.
 */

/** Why a cipher should not protect data. */
export type CipherWeakness = 'broken-cipher' | 'small-block' | 'ecb-mode';

export interface CipherDescription {
  /** Display name: `AES-256-ECB`, `3DES`, `RC4`. */
  readonly display: string;
  readonly family: string;
  /** Lower-case mode (`cbc`, `gcm`, `ecb`), or null for stream ciphers. */
  readonly mode: string | null;
  readonly weakness: CipherWeakness | null;
  /** An AEAD mode whose tag must be checked on decryption (`setAuthTag` before `final`). */
  readonly authenticated: boolean;
}

interface FamilyRule {
  readonly pattern: RegExp;
  readonly family: string;
  readonly weakness: CipherWeakness | null;
  /** The mode when the name gives none (`des-ede3` is 3DES in ECB mode; `aes128` is CBC). */
  readonly defaultMode: string | null;
}

/** Cipher families by name prefix; group 1 (when present) holds the rest of the name (mode, key size). */
const FAMILIES: readonly FamilyRule[] = [
  { pattern: /^(?:des-ede3|des3|3des|tripledes)(.*)$/, family: '3DES', weakness: 'small-block', defaultMode: 'ecb' },
  { pattern: /^des-ede(.*)$/, family: '2-key 3DES', weakness: 'broken-cipher', defaultMode: 'ecb' },
  { pattern: /^desx(.*)$/, family: 'DESX', weakness: 'broken-cipher', defaultMode: 'cbc' },
  { pattern: /^des(.*)$/, family: 'DES', weakness: 'broken-cipher', defaultMode: 'cbc' },
  { pattern: /^rc4(.*)$/, family: 'RC4', weakness: 'broken-cipher', defaultMode: null },
  { pattern: /^rc2(.*)$/, family: 'RC2', weakness: 'broken-cipher', defaultMode: 'cbc' },
  { pattern: /^(?:bf|blowfish)(.*)$/, family: 'Blowfish', weakness: 'small-block', defaultMode: 'cbc' },
  { pattern: /^cast5?(.*)$/, family: 'CAST5', weakness: 'small-block', defaultMode: 'cbc' },
  { pattern: /^idea(.*)$/, family: 'IDEA', weakness: 'small-block', defaultMode: 'cbc' },
  { pattern: /^(?:aes|aria|camellia|sm4|seed)(.*)$/, family: 'block', weakness: null, defaultMode: 'cbc' },
  { pattern: /^chacha20(.*)$/, family: 'ChaCha20', weakness: null, defaultMode: null },
];

const AUTHENTICATED_MODES: ReadonlySet<string> = new Set(['gcm', 'ccm', 'ocb', 'poly1305', 'siv', 'gcm-siv']);
const KNOWN_MODES = ['gcm-siv', 'gcm', 'ccm', 'ocb', 'siv', 'ecb', 'cbc', 'cfb1', 'cfb8', 'cfb', 'ofb', 'ctr', 'xts', 'wrap-pad', 'wrap', 'poly1305'] as const;

/** Reads an OpenSSL cipher name (`aes-256-ecb`, `id-aes128-GCM`, `des-ede3-cbc`, `bf`, forge's `3DES-CBC`), or null. */
export function describeCipher(name: string): CipherDescription | null {
  const normalized = name.trim().toLowerCase().replace(/^id-/, '');
  for (const rule of FAMILIES) {
    const match = rule.pattern.exec(normalized);
    if (match === null) continue;
    const rest = match[1] ?? '';
    const mode = KNOWN_MODES.find((candidate) => rest === candidate || rest.endsWith(`-${candidate}`) || rest.endsWith(candidate)) ?? rule.defaultMode;
    const family = rule.family === 'block' ? (/^[a-z]+/.exec(normalized)?.[0] ?? normalized).toUpperCase() : rule.family;
    const weakness = rule.weakness ?? (mode === 'ecb' ? 'ecb-mode' : null);
    const display = rule.family === 'block' || rule.family === 'ChaCha20' ? name.toUpperCase() : family;
    return { display, family, mode, weakness, authenticated: mode !== null && AUTHENTICATED_MODES.has(mode) };
  }
  return null;
}

/** The weak digest a hash or signature algorithm name uses (`md5`, `RSA-SHA1`, `sha1WithRSAEncryption`), or null. */
export function weakDigestOf(name: string): 'MD5' | 'SHA-1' | 'MD4' | 'MD2' | null {
  const match = /(?:^|[^a-z0-9])(md[245]|sha-?1)(?![0-9])/.exec(name.trim().toLowerCase());
  if (match === null) return null;
  const digest = match[1] ?? '';
  return digest.startsWith('sha') ? 'SHA-1' : (digest.toUpperCase() as 'MD5' | 'MD4' | 'MD2');
}

/** Minimum sizes, NIST SP 800-131A Rev. 2: 112-bit security (RSA/DH 2048), P-256 for curves, 128-bit symmetric keys. */
export const MINIMUM_RSA_BITS = 2048;
export const MINIMUM_DH_BITS = 2048;
export const MINIMUM_CURVE_BITS = 256;
export const MINIMUM_SYMMETRIC_KEY_BITS = 128;

/** Curves at 128-bit security whose names do not spell a size at or above 256. */
const STRONG_CURVES: ReadonlySet<string> = new Set(['x25519', 'ed25519', 'curve25519', 'x448', 'ed448', 'curve448']);

/** The field size in bits a curve name spells (`secp192k1` 192, `prime256v1` 256, `P-384` 384), or null when unknown. */
export function curveBits(name: string): number | null {
  const normalized = name.trim().toLowerCase();
  if (STRONG_CURVES.has(normalized)) return 256;
  // The WAP/WTLS and Oakley curves are all 112 to 233 bits.
  if (/^wap-wsg-idm-ecid-wtls\d+$/.test(normalized) || /^oakley-ec2n-\d$/.test(normalized)) return 160;
  const match = /^(?:secp|sect|prime|brainpoolp|c2pnb|c2tnb|c2onb|p-|nistp|frp)(\d{3})/.exec(normalized);
  return match === null ? null : Number(match[1]);
}

/** The prime size of Node's named MODP groups (RFC 2409, RFC 3526). */
export const DH_GROUP_BITS: Readonly<Record<string, number>> = {
  modp1: 768,
  modp2: 1024,
  modp5: 1536,
  modp14: 2048,
  modp15: 3072,
  modp16: 4096,
  modp17: 6144,
  modp18: 8192,
};
