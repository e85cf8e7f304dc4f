import crypto from 'node:crypto';
import { pool } from './db.js';

// The SQL below is spliced from `email`; the CLI reports it here, at the query, where the fix goes, with the
// path from the login route in server.ts; ESLint, which lints one file, shows it at that route's call.
export async function findUserByEmail(email: string) {
  // ruleid: sql-injection
  const result = await pool.query(`SELECT id, email, password_hash FROM users WHERE email = '${email}'`);
  return result.rows[0];
}

export async function findUserById(id: string) {
  // ok: sql-injection
  const result = await pool.query('SELECT id, email FROM users WHERE id = $1', [id]);
  return result.rows[0];
}

export function hashPassword(password: string): string {
  // ruleid: weak-password-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

export function etagFor(body: string): string {
  // ok: weak-password-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

export function newResetToken(): string {
  // ruleid: insecure-randomness
  return Math.random().toString(36).slice(2);
}

export function retryDelay(attempt: number): number {
  // ok: insecure-randomness
  return 2 ** attempt * 100 + Math.random() * 100;
}

export function signingKeys(): crypto.KeyPairKeyObjectResult {
  // ruleid: weak-key
  return crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
}

export function encryptionKeys(): crypto.KeyPairKeyObjectResult {
  // ok: weak-key
  return crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
}
