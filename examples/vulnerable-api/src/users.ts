import crypto from 'node:crypto';
import { pool } from './db.js';

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
