/**
 * Unit cases through ESLint's RuleTester (the real Linter, options frozen), pinning each error's line,
 * columns and messageId on the plugin's exported rule.
 */
import { RuleTester } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, it } from 'vitest';
import { plugin } from '../src/eslint/plugin.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' } });

function rule(id: string) {
  const found = plugin.rules?.[id];
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

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
