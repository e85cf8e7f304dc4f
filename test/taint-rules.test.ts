/**
 * The taint sink rules through ESLint's RuleTester (the real Linter), pinning line, columns and messageId:
 * request data reaching each sink, and the look-alike each rule stays quiet on.
 */
import { pluginRule as rule, ruleTester as tester } from './support/rule-tester.js';

const APP = "import express from 'express';\nconst app = express();\n";

tester.run('command-injection', rule('command-injection'), {
  valid: [
    { code: `${APP}import { execFile } from 'child_process';\napp.get('/', (req) => execFile('ping', ['-c', '1', String(req.query.host)]));` },
    { code: `${APP}import { exec } from 'child_process';\nconst HOSTS = ['a', 'b'];\napp.get('/', (req) => {\n  const h = String(req.query.h);\n  return HOSTS.includes(h) ? exec('ping ' + h) : null;\n});` },
    { code: `${APP}function exec(command: string) { return command; }\napp.get('/', (req) => exec('ping ' + req.query.host));` },
  ],
  invalid: [
    {
      code: `${APP}import { exec } from 'child_process';\napp.get('/', (req) => exec('ping ' + req.query.host));`,
      errors: [{ messageId: 'tainted', line: 4, column: 28, endLine: 4, endColumn: 52 }],
    },
    {
      code: `${APP}import { spawn } from 'child_process';\napp.get('/', (req) => spawn('grep', [req.query.q], { shell: true }));`,
      errors: [{ messageId: 'tainted', line: 4, column: 37, endLine: 4, endColumn: 50 }],
    },
  ],
});

tester.run('path-traversal', rule('path-traversal'), {
  valid: [
    { code: `${APP}import fs from 'fs';\nimport path from 'path';\napp.get('/', (req) => fs.readFileSync(path.join('up', path.basename(String(req.query.f)))));` },
    { code: `${APP}app.get('/', (req, res) => res.sendFile(String(req.query.f), { root: 'public' }));` },
  ],
  invalid: [
    {
      code: `${APP}import fs from 'fs';\nimport path from 'path';\napp.get('/', (req) => fs.readFileSync(path.join('up', String(req.query.f))));`,
      errors: [{ messageId: 'tainted', line: 5, column: 39, endLine: 5, endColumn: 75 }],
    },
    {
      code: `${APP}app.get('/', (req, res) => res.sendFile(String(req.query.f)));`,
      errors: [{ messageId: 'tainted', line: 3, column: 41, endLine: 3, endColumn: 60 }],
    },
  ],
});

tester.run('code-injection', rule('code-injection'), {
  valid: [
    { code: `${APP}app.post('/', (req) => JSON.parse(req.body.settings));` },
    { code: `${APP}app.post('/', (req) => eval(String(Number(req.body.n))));` },
  ],
  invalid: [
    {
      code: `${APP}app.post('/', (req) => eval(req.body.expression));`,
      errors: [{ messageId: 'tainted', line: 3, column: 29, endLine: 3, endColumn: 48 }],
    },
  ],
});
