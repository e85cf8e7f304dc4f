/**
 * The little rampart asks of git, through the real `git` binary (no shell, arguments as an array): the
 * checkout root (SARIF URIs are relative to it, as GitHub expects), the commit for
 * `versionControlProvenance`, and what changed since a ref for --changed-since. Diff drivers, textconv
 * filters and fsmonitor hooks are switched off: a checkout's configuration could otherwise make a
 * diff run a program.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../engine/problems.js';
import type { VersionControl } from '../report/scan-report.js';

const GIT_SAFETY = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=false'];
const MAX_OUTPUT = 512 * 1024 * 1024;

interface GitOutcome {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export function runGit(cwd: string, args: readonly string[]): GitOutcome {
  try {
    const stdout = execFileSync('git', [...GIT_SAFETY, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_OUTPUT });
    return { ok: true, stdout, stderr: '' };
  } catch (error: unknown) {
    if (isSpawnError(error) && error.code === 'ENOENT') throw new UsageError('git is not installed or not on PATH (needed for --changed-since)');
    if (isExitError(error)) return { ok: false, stdout: String(error.stdout ?? ''), stderr: String(error.stderr ?? '').trim() };
    throw error;
  }
}

function isSpawnError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

function isExitError(error: unknown): error is Error & { status: number | null; stdout?: unknown; stderr?: unknown } {
  return error instanceof Error && 'status' in error;
}

/** The checkout's root directory, or null outside a git work tree (or without git). */
export function checkoutRoot(cwd: string): string | null {
  try {
    const outcome = runGit(cwd, ['rev-parse', '--show-toplevel']);
    return outcome.ok ? outcome.stdout.trim() : null;
  } catch (error: unknown) {
    // No git at all is the same as no checkout for SARIF provenance; --changed-since reports it separately.
    if (error instanceof UsageError) return null;
    throw error;
  }
}

/** SARIF versionControlProvenance: where the scanned code came from. Credentials in a remote URL are dropped. */
export function versionControlOf(root: string, env: Readonly<Record<string, string | undefined>>): VersionControl | null {
  const head = runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (!head.ok) return null;
  const branch = runGit(root, ['symbolic-ref', '--short', '--quiet', 'HEAD']);
  return {
    repositoryUri: repositoryUri(root, env),
    revisionId: head.stdout.trim(),
    branch: branch.ok && branch.stdout.trim() !== '' ? branch.stdout.trim() : null,
  };
}

function repositoryUri(root: string, env: Readonly<Record<string, string | undefined>>): string {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  if (server !== undefined && server !== '' && repository !== undefined && repository !== '') return `${server.replace(/\/$/, '')}/${repository}`;
  const remote = runGit(root, ['remote', 'get-url', 'origin']);
  const sanitized = remote.ok ? sanitizeRemote(remote.stdout.trim()) : null;
  return sanitized ?? pathToFileURL(root).href;
}

/** A remote as an absolute URI without user or password; `git@host:owner/repo.git` becomes `ssh://host/owner/repo.git`. */
export function sanitizeRemote(remote: string): string | null {
  const scpLike = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(remote);
  if (scpLike !== null) return `ssh://${scpLike[1] ?? ''}/${(scpLike[2] ?? '').replace(/^\//, '')}`;
  let url: URL;
  try {
    url = new URL(remote);
  } catch (error: unknown) {
    if (error instanceof TypeError) return null; // a local path remote: the caller falls back to the checkout's file URI
    throw error;
  }
  url.username = '';
  url.password = '';
  return url.href;
}
