/**
 * Reading a file the scan may analyse, under the scan's limits, for the scan loop and the module linker alike:
 * the real path stays inside the root (a symlink cannot lead out of it), the file is a regular file (opening
 * a FIFO for reading blocks until a writer comes, a device never ends), its size is under the cap, and its
 * first 8 KiB hold no NUL byte (binary, as git decides). The descriptor is opened non-blocking and checked
 * with fstat, so a path swapped for a FIFO between listing and reading cannot hang the scan either.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { describeError, type SkipReason } from './problems.js';

export interface FileLimits {
  /** Real path of the directory reads must stay in; null: anywhere (a file named on the command line). */
  readonly root: string | null;
  readonly maxFileSize: number;
}

export type FileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: SkipReason; readonly message: string };

const BINARY_SNIFF_BYTES = 8192;

/** O_NONBLOCK where the platform has it (not on Windows, where FIFOs are not files on disk anyway). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function isWithin(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function readCodeFile(absolutePath: string, limits: FileLimits): FileRead {
  let real: string;
  try {
    real = realpathSync(absolutePath);
  } catch (error: unknown) {
    return { ok: false, reason: 'unreadable', message: `cannot resolve: ${describeError(error)}` };
  }
  if (limits.root !== null && !isWithin(limits.root, real)) {
    return { ok: false, reason: 'outside-root', message: "a symlink whose target leaves the scanned directory; not followed" };
  }
  let descriptor: number;
  try {
    descriptor = openSync(real, OPEN_FLAGS);
  } catch (error: unknown) {
    return { ok: false, reason: 'unreadable', message: describeError(error) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { ok: false, reason: 'not-a-file', message: `${kindOf(stats)}, not a regular file; not read` };
    if (stats.size > limits.maxFileSize) {
      return { ok: false, reason: 'too-large', message: `${stats.size} bytes is over the ${limits.maxFileSize}-byte limit (--max-file-size)` };
    }
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    const content = buffer.subarray(0, filled);
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'binary', message: 'binary content (NUL bytes); not scanned' };
    return { ok: true, text: content.toString('utf8') };
  } catch (error: unknown) {
    return { ok: false, reason: 'unreadable', message: describeError(error) };
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a directory';
  return 'a special file';
}
