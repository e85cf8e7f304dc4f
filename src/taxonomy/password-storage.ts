/**
 * The minimum work factors of the OWASP Password Storage Cheat Sheet (2023 revision): below these, a leaked
 * hash is cheap to brute-force. Each table lists the cheat sheet's equivalent configurations; a setting meets
 * the minimum when it is at least as strong as one of them.
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
 */

/** bcrypt: "a work factor of 10 or more". */
export const BCRYPT_MINIMUM_COST = 10;

/** PBKDF2 iterations per HMAC digest. An unknown digest gets the lowest figure, so a doubt never reports. */
const PBKDF2_MINIMUM_ITERATIONS: Readonly<Record<string, number>> = {
  sha1: 1_300_000,
  md5: 1_300_000,
  sha224: 600_000,
  sha256: 600_000,
  sha384: 210_000,
  sha512: 210_000,
};
const PBKDF2_LOWEST_MINIMUM = 210_000;

/** scrypt (N, p) pairs, each with r = 8: memory (128·N·r bytes) can be traded for parallelism. */
const SCRYPT_CONFIGURATIONS: ReadonlyArray<readonly [cost: number, parallelization: number]> = [
  [2 ** 17, 1],
  [2 ** 16, 2],
  [2 ** 15, 3],
  [2 ** 14, 5],
  [2 ** 13, 10],
];
const SCRYPT_BLOCK_SIZE = 8;

/** argon2id (memory in KiB, passes), each with one degree of parallelism. */
const ARGON2_CONFIGURATIONS: ReadonlyArray<readonly [memoryKib: number, passes: number]> = [
  [47_104, 1],
  [19_456, 2],
  [12_288, 3],
  [9_216, 4],
  [7_168, 5],
];

/** `SHA-256`, `sha256`, `RSA-SHA256` → `sha256`. */
export function normalizeDigestName(digest: string): string {
  return digest.toLowerCase().replace(/^rsa-/, '').replace(/-/g, '');
}

export function pbkdf2MinimumIterations(digest: string | null): number {
  return digest === null ? PBKDF2_LOWEST_MINIMUM : (PBKDF2_MINIMUM_ITERATIONS[normalizeDigestName(digest)] ?? PBKDF2_LOWEST_MINIMUM);
}

export function scryptMeetsMinimum(cost: number, blockSize: number, parallelization: number): boolean {
  if (blockSize < SCRYPT_BLOCK_SIZE) return false;
  // A larger block size buys memory the same way a larger N does.
  const equivalentCost = (cost * blockSize) / SCRYPT_BLOCK_SIZE;
  return SCRYPT_CONFIGURATIONS.some(([minimumCost, minimumParallelization]) => equivalentCost >= minimumCost && parallelization >= minimumParallelization);
}

export function argon2MeetsMinimum(memoryKib: number, passes: number): boolean {
  return ARGON2_CONFIGURATIONS.some(([minimumMemory, minimumPasses]) => memoryKib >= minimumMemory && passes >= minimumPasses);
}
