/**
 * The jwt rule through ESLint's RuleTester: each finding pinned to line, column and message id, and each
 * suggestion applied and compared (the allow-list added where the options go, `none` removed, expiry checked).
 */
import { pluginRule, ruleTester } from './support/rule-tester.js';

const rule = pluginRule('jwt');
const header = "import jwt from 'jsonwebtoken';\nconst PUBLIC_KEY = process.env.JWT_PUBLIC_KEY ?? '';\n";

ruleTester.run('jwt', rule, {
  valid: [
    { code: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'] });` },
    { code: `${header}export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET ?? '');` },
    // A same-named function from elsewhere is not jsonwebtoken's.
    { code: "export function f(jwt: { verify(t: string, k: string): unknown }, t: string) { return jwt.verify(t, process.env.JWT_PUBLIC_KEY ?? ''); }" },
    { code: `${header}export const issue = (id: string) => jwt.sign({ sub: id }, PUBLIC_KEY, { expiresIn: '15m' });` },
  ],
  invalid: [
    {
      // One options object shared by three verify calls: one finding where `none` is written, not one per call.
      code: "import jwt from 'jsonwebtoken';\nconst OPTIONS = { algorithms: ['none', 'HS256'] };\nexport const a = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\nexport const b = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\nexport const c = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\n",
      errors: [
        {
          messageId: 'noneAlgorithm',
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'removeNone',
              output: "import jwt from 'jsonwebtoken';\nconst OPTIONS = { algorithms: ['HS256'] };\nexport const a = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\nexport const b = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\nexport const c = (t: string) => jwt.verify(t, process.env.S ?? '', OPTIONS);\n",
            },
          ],
        },
      ],
    },
    {
      code: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY);`,
      errors: [
        {
          messageId: 'noAllowList',
          line: 3,
          column: 51,
          suggestions: [{ messageId: 'addAllowList', data: { algorithm: 'RS256' }, output: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'] });` }],
        },
      ],
    },
    {
      code: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { issuer: 'auth' });`,
      errors: [
        {
          messageId: 'noAllowList',
          line: 3,
          suggestions: [{ messageId: 'addAllowList', data: { algorithm: 'RS256' }, output: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'auth' });` }],
        },
      ],
    },
    {
      code: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['none', 'RS256'] });`,
      errors: [
        {
          messageId: 'noneAlgorithm',
          line: 3,
          column: 77,
          suggestions: [{ messageId: 'removeNone', output: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'] });` }],
        },
      ],
    },
    {
      code: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'], ignoreExpiration: true });`,
      errors: [
        {
          messageId: 'ignoresExpiration',
          line: 3,
          suggestions: [{ messageId: 'checkExpiration', output: `${header}export const check = (t: string) => jwt.verify(t, PUBLIC_KEY, { algorithms: ['RS256'], ignoreExpiration: false });` }],
        },
      ],
    },
    { code: `${header}export const issue = (id: string) => jwt.sign({ sub: id }, PUBLIC_KEY);`, errors: [{ messageId: 'noExpiry', line: 3, column: 38 }] },
    { code: `${header}export const issue = (id: string) => jwt.sign({ sub: id }, 'changeme', { expiresIn: '1h' });`, errors: [{ messageId: 'guessableSecret', line: 3, column: 60 }] },
  ],
});
