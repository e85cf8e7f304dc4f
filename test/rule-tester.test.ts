/**
 * Unit cases through ESLint's RuleTester (the real Linter, options frozen), pinning each error's line,
 * columns and messageId on the plugin's exported rule.
 */
import { pluginRule as rule, ruleTester as tester } from './support/rule-tester.js';

tester.run('sql-injection', rule('sql-injection'), {
  valid: [
    { code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const f = (req: any) => pool.query('SELECT * FROM t WHERE id = $1', [req.query.id]);" },
    { code: "const pool = { query: (s: string) => s };\nexport const f = (req: any) => pool.query('SELECT * FROM t WHERE id = ' + req.query.id);" },
    { code: "import { Pool } from 'pg';\nexport function f(Pool: any, req: any) { return new Pool().query('SELECT ' + req.query.id); }" },
  ],
  invalid: [
    {
      code: "import express from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nexpress().get('/', (req, res) => pool.query('SELECT * FROM t WHERE id = ' + req.query.id));",
      errors: [{ messageId: 'tainted', line: 4, column: 45, endLine: 4, endColumn: 89 }],
    },
  ],
});

tester.run('hardcoded-secret', rule('hardcoded-secret'), {
  valid: [
    { code: "import jwt from 'jsonwebtoken';\nexport const t = jwt.sign({}, process.env.JWT_SECRET ?? '');" },
    { code: "export function f(jwt: { sign(p: object, k: string): string }) { return jwt.sign({}, 'k3y-n0t-from-an-import'); }" },
    { code: "export const passwordField = 'password';\nexport const tokenType = 'Bearer';\nexport const secretName = 'prod/db';" },
    { code: "import jwt from 'jsonwebtoken';\nexport const t = jwt.sign({}, 'your-secret-here');" },
  ],
  invalid: [
    {
      code: "import jwt from 'jsonwebtoken';\nconst KEY = 'k9Jm2xQ7vR4tW8zB';\nexport const t = jwt.sign({}, KEY);",
      errors: [{ messageId: 'secretArgument', line: 2, column: 13, endLine: 2, endColumn: 31 }],
    },
    {
      // Assembled so that this test file does not itself hold a string in a key format.
      code: `export const token = 'ghp_${'0a1b2c3d4e5f'.repeat(3)}';`,
      errors: [{ messageId: 'knownFormat', line: 1, column: 22, endLine: 1, endColumn: 64 }],
    },
    {
      code: "export const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret-2024';",
      errors: [{ messageId: 'fallbackSecret', line: 1, column: 53, endLine: 1, endColumn: 70 }],
    },
    {
      code: "export const db = { host: 'db.internal', password: 'Pg#2024!prod' };",
      errors: [{ messageId: 'secretName', line: 1, column: 52, endLine: 1, endColumn: 66 }],
    },
  ],
});

tester.run('weak-key', rule('weak-key'), {
  valid: [
    { code: "import { generateKeyPairSync } from 'node:crypto';\nexport const k = generateKeyPairSync('rsa', { modulusLength: 2048 });" },
    { code: "export function f(generateKeyPairSync: (t: string, o: object) => unknown) { return generateKeyPairSync('rsa', { modulusLength: 512 }); }" },
  ],
  invalid: [
    {
      code: "import { generateKeyPairSync } from 'node:crypto';\nexport const k = generateKeyPairSync('rsa', { modulusLength: 1024 });",
      errors: [
        {
          messageId: 'weakSize',
          line: 2,
          column: 62,
          endColumn: 66,
          suggestions: [{ messageId: 'useSize', data: { value: '2048' }, output: "import { generateKeyPairSync } from 'node:crypto';\nexport const k = generateKeyPairSync('rsa', { modulusLength: 2048 });" }],
        },
      ],
    },
    {
      code: "import { createECDH } from 'node:crypto';\nexport const e = createECDH(\"secp192k1\");",
      errors: [{ messageId: 'weakSize', suggestions: [{ messageId: 'useSize', data: { value: '"prime256v1"' }, output: "import { createECDH } from 'node:crypto';\nexport const e = createECDH(\"prime256v1\");" }] }],
    },
  ],
});

tester.run('insecure-randomness', rule('insecure-randomness'), {
  valid: [{ code: 'export const jitter = () => Math.random() * 100;' }, { code: "export function pick(Math: { random(): number }) { const token = Math.random(); return token; }" }],
  invalid: [
    {
      code: "import { randomBytes } from 'node:crypto';\nexport function makeToken() { return Math.random().toString(36); }",
      errors: [
        {
          messageId: 'predictable',
          line: 2,
          column: 38,
          suggestions: [
            {
              messageId: 'useCsprng',
              data: { replacement: '(randomBytes(6).readUIntBE(0, 6) / 2 ** 48)' },
              output: "import { randomBytes } from 'node:crypto';\nexport function makeToken() { return (randomBytes(6).readUIntBE(0, 6) / 2 ** 48).toString(36); }",
            },
          ],
        },
      ],
    },
    {
      code: "import express from 'express';\nexport const resetCode = () => Math.floor(Math.random() * 1000000);",
      errors: [
        {
          messageId: 'predictable',
          suggestions: [
            {
              messageId: 'useCsprng',
              data: { replacement: 'randomInt(1000000)' },
              output: "import express from 'express';\nimport { randomInt } from 'node:crypto';\nexport const resetCode = () => randomInt(1000000);",
            },
          ],
        },
      ],
    },
  ],
});
