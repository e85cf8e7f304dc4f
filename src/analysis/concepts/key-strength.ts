/**
 * Judges one key-generation setting against the minimums in models/crypto-algorithms.ts: RSA/DSA modulus
 * bits, the curve, the DH prime size or MODP group, the HMAC key length. Null when it meets the minimum or
 * the setting does not apply to the key type (`namedCurve` on an RSA key).
 */
import { curveBits, DH_GROUP_BITS, MINIMUM_CURVE_BITS, MINIMUM_DH_BITS, MINIMUM_RSA_BITS, MINIMUM_SYMMETRIC_KEY_BITS } from '../../models/crypto-algorithms.js';
import type { KeyParameter } from '../../models/crypto-concepts.js';

export interface KeyVerdict {
  /** Completes "makes ...": `a 1024-bit RSA key`. */
  readonly what: string;
  readonly minimum: string;
  readonly advice: string;
  /** The value a suggestion writes instead, or null when none is mechanical. */
  readonly replacement: string | null;
}

export function judgeKeySetting(keyType: string, parameter: KeyParameter, value: number | string): KeyVerdict | null {
  const type = keyType.toLowerCase();
  switch (parameter) {
    case 'modulus-bits': {
      if (typeof value !== 'number' || !['rsa', 'rsa-pss', 'dsa'].includes(type) || value >= MINIMUM_RSA_BITS) return null;
      const name = type === 'dsa' ? 'DSA' : 'RSA';
      return { what: `a ${value}-bit ${name} key`, minimum: `${MINIMUM_RSA_BITS}-bit`, advice: `${MINIMUM_RSA_BITS} bits or more (3072 for keys used past 2030)`, replacement: String(MINIMUM_RSA_BITS) };
    }
    case 'curve': {
      if (typeof value !== 'string' || (type !== 'ec' && type !== 'ecdh')) return null;
      const bits = curveBits(value);
      if (bits === null || bits >= MINIMUM_CURVE_BITS) return null;
      const replacement = /^p-\d+$/i.test(value) ? 'P-256' : 'prime256v1';
      return { what: `a key on ${value} (${bits}-bit)`, minimum: 'P-256', advice: "P-256 ('prime256v1'), P-384, or X25519/Ed25519", replacement };
    }
    case 'dh-prime-bits':
      if (typeof value !== 'number' || value >= MINIMUM_DH_BITS) return null;
      return { what: `a ${value}-bit Diffie-Hellman prime`, minimum: `${MINIMUM_DH_BITS}-bit`, advice: 'a 2048-bit or larger group (or ECDH with X25519)', replacement: String(MINIMUM_DH_BITS) };
    case 'dh-group': {
      const bits = typeof value === 'string' ? DH_GROUP_BITS[value.toLowerCase()] : undefined;
      if (bits === undefined || bits >= MINIMUM_DH_BITS) return null;
      return { what: `Diffie-Hellman group ${value} (${bits}-bit)`, minimum: `${MINIMUM_DH_BITS}-bit`, advice: "'modp14' or a larger group (or ECDH with X25519)", replacement: 'modp14' };
    }
    case 'symmetric-bits':
      if (typeof value !== 'number' || type !== 'hmac' || value >= MINIMUM_SYMMETRIC_KEY_BITS) return null;
      return { what: `a ${value}-bit HMAC key`, minimum: `${MINIMUM_SYMMETRIC_KEY_BITS}-bit`, advice: 'a 256-bit key', replacement: '256' };
  }
}
