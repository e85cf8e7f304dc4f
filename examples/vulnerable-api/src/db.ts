import { Pool } from 'pg';

export const pool = new Pool({
  host: process.env.PGHOST,
  user: process.env.PGUSER,
  password: process.env.PGPASSWORD,
  database: 'shop',
  // ruleid: tls-verification-disabled
  ssl: { rejectUnauthorized: false },
});
