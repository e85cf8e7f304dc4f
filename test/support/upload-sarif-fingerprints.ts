/**
 * What github/codeql-action's upload-sarif does to a SARIF file before uploading it (src/fingerprints.ts in
 * that repository, MIT), written again here so a test can run it: for each result whose primary location
 * resolves to a file under the source root, hash the file line by line (a rolling hash over the next 100
 * non-blank characters, CR and CRLF read as LF, 64-bit arithmetic) and set
 * `partialFingerprints.primaryLocationLineHash` for the location's line; when the result already carries a
 * different value, the action logs "inconsistent fingerprint" and keeps it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';

const BLOCK_SIZE = 100;
const MOD = 37n;
const MASK = (1n << 64n) - 1n;
const TAB = 9;
const SPACE = 32;
const LF = 10;
const CR = 13;
const EOF = 65535;

/** Every line's hash, `<hex>:<occurrence>`, by 1-based line number, as the action computes them. */
export function lineHashes(text: string): Map<number, string> {
  const hashes = new Map<number, string>();
  const window: number[] = Array.from({ length: BLOCK_SIZE }, () => 0);
  const lineNumbers: number[] = Array.from({ length: BLOCK_SIZE }, () => -1);
  let firstMod = 1n;
  for (let i = 0; i < BLOCK_SIZE; i += 1) firstMod = (firstMod * MOD) & MASK;
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let previousCr = false;
  const counts = new Map<string, number>();
  const output = (): void => {
    const value = hash.toString(16);
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    hashes.set(lineNumbers[index] as number, `${value}:${count}`);
    lineNumbers[index] = -1;
  };
  const update = (current: number): void => {
    const begin = window[index] as number;
    window[index] = current;
    hash = (MOD * hash + BigInt(current) - firstMod * BigInt(begin)) & MASK;
    index = (index + 1) % BLOCK_SIZE;
  };
  const process = (input: number): void => {
    let current = input;
    if (current === SPACE || current === TAB || (previousCr && current === LF)) {
      previousCr = false;
      return;
    }
    if (current === CR) {
      current = LF;
      previousCr = true;
    } else previousCr = false;
    if (lineNumbers[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineNumber += 1;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    update(current);
  };
  for (let i = 0; i < text.length; i += 1) process(text.charCodeAt(i));
  process(EOF);
  for (let i = 0; i < BLOCK_SIZE; i += 1) {
    if (lineNumbers[index] !== -1) output();
    update(0);
  }
  return hashes;
}

interface SarifLike {
  runs: { results?: { partialFingerprints?: Record<string, string>; locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[] }[] }[];
}

export interface FingerprintOutcome {
  /** The action's warnings, word for word in substance. */
  readonly warnings: string[];
  /** Results the action could fingerprint (a file under the source root, a start line). */
  readonly fingerprinted: number;
}

/** Runs the action's fingerprinting over `sarif` (changed in place) with `sourceRoot` as the checkout. */
export function addFingerprints(sarif: SarifLike, sourceRoot: string): FingerprintOutcome {
  const warnings: string[] = [];
  let fingerprinted = 0;
  const cache = new Map<string, Map<number, string>>();
  for (const run of sarif.runs) {
    for (const result of run.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      const startLine = location?.region?.startLine;
      const uri = location?.artifactLocation?.uri;
      if (startLine === undefined || typeof uri !== 'string') continue;
      let path = decodeURIComponent(uri).replace(/^file:\/\//, '');
      if (path.includes('://')) continue;
      if (!isAbsolute(path)) path = `${sourceRoot}/${path}`;
      if (!existsSync(path) || statSync(path).isDirectory()) continue;
      let hashes = cache.get(path);
      if (hashes === undefined) {
        hashes = lineHashes(readFileSync(path, 'utf8'));
        cache.set(path, hashes);
      }
      const value = hashes.get(startLine);
      if (value === undefined) continue;
      fingerprinted += 1;
      result.partialFingerprints ??= {};
      const existing = result.partialFingerprints['primaryLocationLineHash'];
      if (existing === undefined) result.partialFingerprints['primaryLocationLineHash'] = value;
      else if (existing !== value) warnings.push(`Calculated fingerprint of ${value} for file ${uri} line ${startLine}, but found existing inconsistent fingerprint value ${existing}`);
    }
  }
  return { warnings, fingerprinted };
}
