import cors from 'cors';
import express from 'express';
import jwt from 'jsonwebtoken';
import { etagFor, findUserByEmail, findUserById, hashPassword } from './users.js';

// ruleid: hardcoded-secret
const JWT_SECRET = 'f3c9a1b7e2d84c6a9b0e5f1d7c3a8e4b';

// ruleid: missing-security-headers
// ruleid: missing-app-rate-limit
const app = express();
app.use(express.json());
// ruleid: insecure-cors
app.use(cors({ origin: true, credentials: true }));

// ruleid: missing-rate-limit
app.post('/login', async (req, res) => {
  // ruleid(eslint): sql-injection
  const user = await findUserByEmail(req.body.email);
  // The stored hash is compared with `!==`, which returns at the first differing character.
  // ruleid: timing-unsafe-compare
  if (!user || user.password_hash !== hashPassword(req.body.password)) {
    res.status(401).json({ error: 'invalid credentials' });
    return;
  }
  // ok: jwt
  const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
  // Readable by any script in the page: one XSS bug hands over the session.
  // ruleid: insecure-session-cookie
  res.cookie('access_token', token, { secure: true, sameSite: 'strict' });
  res.json({ token });
});

app.delete('/users/:id', async (req, res) => {
  // ruleid: jwt
  const claims = jwt.decode(req.get('authorization')?.slice('Bearer '.length) ?? '') as { role?: string } | null;
  if (claims?.role !== 'admin') {
    res.status(403).json({ error: 'admins only' });
    return;
  }
  res.status(204).end();
});

app.post('/profile/display-name', (req, res) => {
  // A nested quantifier: a name of 30 letters and a '!' keeps the event loop busy for minutes.
  // ruleid: redos
  const displayNameFormat = /^([A-Za-z]+\s?)*$/;
  res.json({ valid: displayNameFormat.test(String(req.body.displayName)) });
});

app.get('/users/:id', async (req, res) => {
  try {
    const user = await findUserById(req.params.id);
    const body = JSON.stringify(user ?? null);
    res.set('ETag', etagFor(body)).type('json').send(body);
  } catch (err) {
    // The stack names the driver, its version and the file layout of the server.
    // ruleid: leaky-errors
    res.status(500).json({ error: 'lookup failed', stack: (err as Error).stack });
  }
});

app.get('/users/:id/export', async (req, res) => {
  const user = await findUserById(req.params.id);
  // ruleid: sensitive-data-exposure
  res.json({ id: user?.id, email: user?.email, passwordHash: user?.password_hash });
});

// ok: hardcoded-secret
const PASSWORD_MIN_LENGTH = 12;

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log(`listening; passwords need ${PASSWORD_MIN_LENGTH} characters`);
});
