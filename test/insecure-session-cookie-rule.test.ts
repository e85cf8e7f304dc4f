/**
 * The insecure-session-cookie rule through ESLint's RuleTester: findings pinned to line, column and message
 * id, and the `httpOnly: true` suggestion applied and compared.
 */
import { pluginRule, ruleTester } from './support/rule-tester.js';

const rule = pluginRule('insecure-session-cookie');
const header = "import express from 'express';\nconst app = express();\n";

ruleTester.run('insecure-session-cookie', rule, {
  valid: [
    { code: `${header}app.get('/', (req, res) => res.cookie('token', 't', { httpOnly: true, secure: true, sameSite: 'lax' }));` },
    { code: `${header}app.get('/', (req, res) => res.cookie('theme', 'dark'));` },
  ],
  invalid: [
    {
      code: `${header}app.get('/', (req, res) => res.cookie('token', 't', { secure: true, sameSite: 'lax' }));`,
      errors: [
        {
          messageId: 'weakCookie',
          line: 3,
          column: 53,
          suggestions: [{ messageId: 'setHttpOnly', output: `${header}app.get('/', (req, res) => res.cookie('token', 't', { httpOnly: true, secure: true, sameSite: 'lax' }));` }],
        },
      ],
    },
    {
      code: `${header}app.get('/', (req, res) => res.cookie('token', 't', { httpOnly: false, secure: true, sameSite: 'lax' }));`,
      errors: [
        {
          messageId: 'weakCookie',
          line: 3,
          suggestions: [{ messageId: 'setHttpOnly', output: `${header}app.get('/', (req, res) => res.cookie('token', 't', { httpOnly: true, secure: true, sameSite: 'lax' }));` }],
        },
      ],
    },
  ],
});
