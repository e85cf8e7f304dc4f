/**
 * The misconfiguration rules' quick fixes, applied by ESLint's RuleTester: each suggestion is checked by the
 * code it produces, and settings that are not literals written in place get none.
 */
import { ruleTester, pluginRule } from './support/rule-tester.js';

ruleTester.run('tls-verification-disabled suggestions', pluginRule('tls-verification-disabled'), {
  valid: [{ code: "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: true });" }],
  invalid: [
    {
      code: "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });",
      errors: [
        {
          messageId: 'verificationOff',
          line: 2,
          suggestions: [{ messageId: 'suggestVerify', output: "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: true });" }],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nexport const socket = tls.connect({ host: 'a.example', minVersion: 'TLSv1' });",
      errors: [
        {
          messageId: 'oldProtocol',
          suggestions: [{ messageId: 'suggestVersion', data: { version: 'TLSv1.2' }, output: "import tls from 'node:tls';\nexport const socket = tls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });" }],
        },
      ],
    },
    {
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nexport const ready = true;",
      errors: [{ messageId: 'environmentOff', suggestions: [{ messageId: 'suggestRemove', output: '\nexport const ready = true;' }] }],
    },
    {
      // The value is folded from a conditional: flipping it is not mechanical, so no suggestion.
      code: "import https from 'node:https';\nconst strict = process.env.STRICT === '1';\nexport const agent = new https.Agent({ rejectUnauthorized: strict ? true : false });",
      errors: [{ messageId: 'verificationOff', suggestions: [] }],
    },
  ],
});
