/**
 * --changed-since <ref>: which files, and which of their lines, differ between the merge base of <ref> and
 * HEAD and the working tree (committed, staged and unstaged edits, plus untracked files). The merge base, as
 * a pull request's diff uses, keeps commits that landed on the base branch after the branch point out of
 * "what changed". Misuse (no repository, unknown ref) is a UsageError: the CLI exits 2 with one line.
 */
import { resolve } from 'node:path';
import { UsageError } from '../engine/problems.js';
import { runGit } from './git.js';

/** Inclusive 1-based line ranges of added or modified lines in the new version of a file. */
export type LineRange = readonly [number, number];

export interface ChangeSet {
  readonly ref: string;
  readonly base: string;
  /** Absolute path → changed lines; `all` for a new, untracked file. */
  readonly files: ReadonlyMap<string, readonly LineRange[] | 'all'>;
}

export function changesSince(cwd: string, ref: string): ChangeSet {
  const top = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not inside one (${top.stderr.split('\n')[0] ?? ''})`);
  const root = top.stdout.trim();
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`--changed-since needs a git ref, not '${ref}'`);
  const commit = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok) {
    const shallow = runGit(root, ['rev-parse', '--is-shallow-repository']);
    const hint = shallow.ok && shallow.stdout.trim() === 'true' ? '; this clone is shallow, so fetch more history (actions/checkout: fetch-depth: 0)' : '';
    throw new UsageError(`--changed-since: unknown git ref '${ref}'${hint}`);
  }
  const target = commit.stdout.trim();
  const mergeBase = runGit(root, ['merge-base', target, 'HEAD']);
  const base = mergeBase.ok ? mergeBase.stdout.trim() : target;
  const diff = runGit(root, ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--unified=0', '--find-renames', '--diff-filter=ACMR', '--src-prefix=a/', '--dst-prefix=b/', base, '--']);
  if (!diff.ok) throw new UsageError(`--changed-since: git diff failed: ${diff.stderr}`);
  const files = new Map<string, LineRange[] | 'all'>();
  for (const [path, ranges] of parseUnifiedDiff(diff.stdout)) files.set(resolve(root, path), ranges);
  const untracked = runGit(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${untracked.stderr}`);
  for (const path of untracked.stdout.split('\0')) if (path !== '') files.set(resolve(root, path), 'all');
  return { ref, base, files };
}

/** Repository-relative path → added/modified line ranges, from `git diff --unified=0` output. */
export function parseUnifiedDiff(patch: string): Map<string, LineRange[]> {
  const files = new Map<string, LineRange[]>();
  let current: LineRange[] | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null;
    } else if (line.startsWith('rename to ')) {
      // A pure rename has no +++ line; it still changed the file's path.
      current = ensure(files, decodeGitPath(line.slice('rename to '.length)));
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? null : ensure(files, decodeGitPath(target).replace(/^b\//, ''));
    } else if (line.startsWith('@@ ') && current !== null) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (hunk === null) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  return files;
}

function ensure(files: Map<string, LineRange[]>, path: string): LineRange[] {
  const existing = files.get(path);
  if (existing !== undefined) return existing;
  const created: LineRange[] = [];
  files.set(path, created);
  return created;
}

/** git quotes unusual paths C-style ("a\tb", octal UTF-8 bytes); plain paths pass through. */
export function decodeGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const escapes: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      const next = body[index + 1] ?? '';
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function isOnChangedLines(ranges: readonly LineRange[] | 'all', startLine: number, endLine: number): boolean {
  if (ranges === 'all') return true;
  return ranges.some(([first, last]) => startLine <= last && endLine >= first);
}
