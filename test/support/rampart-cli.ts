/**
 * The built CLI as a child process (`node bin/rampart.js ...` after `npm run build`), and small real git
 * repositories in temporary directories, for the CLI, gate and SARIF tests. Nothing is mocked.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './hosts.js';

export const BIN = join(REPO_ROOT, 'bin', 'rampart.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a developer's shell, minus what would change the output (CI provenance, colours). */
function childEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('GITHUB_') && !(key in extra)) delete env[key];
  delete env['FORCE_COLOR'];
  return env;
}

export function rampart(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build` first: the CLI tests run the built bin/rampart.js');
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: childEnv(env), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `rampart-${prefix}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Runs real git in `cwd`; throws with git's message on failure. */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh repository with a local identity (CI machines have none) and one commit of `files`. */
export function gitRepository(prefix: string, files: Readonly<Record<string, string>>): string {
  const root = tempDir(prefix);
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['config', 'user.name', 'rampart tests']);
  git(root, ['config', 'user.email', 'tests@rampart.invalid']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  writeFiles(root, files);
  commitAll(root, 'initial');
  return root;
}

export function commitAll(root: string, message: string): void {
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--allow-empty', '-m', message]);
}

/**
 * The fixture used by gate tests: two named route handlers that build SQL from request data (lines 8 and 12).
 * No `express()` app is created, so rules about app setup (security headers, rate limits) stay silent and
 * the tests see only the findings they are about.
 */
export const VULNERABLE_ROUTES = `import type { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
// Route handlers, registered by the router module.

export async function findUser(req: Request, res: Response) {
  res.json(await pool.query('SELECT * FROM users WHERE id = ' + req.params.id));
}

export async function findOrder(req: Request, res: Response) {
  res.json(await pool.query(\`SELECT * FROM orders WHERE id = '\${req.params.id}'\`));
}
`;
