/**
 * tsconfig `paths` aliases link like relative imports: a limiter imported through `@app/...` protects its
 * route, and request data passed into an aliased module's SQL is found. Through the real CLI, in a project
 * whose tsconfig has comments and trailing commas, as real ones do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandAlias, stripJsonComments } from '../src/engine/path-aliases.js';
import { runCliProcess } from './support/cli.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  flows?: { carrier?: { file: string; line: number } }[];
}

describe('tsconfig path aliases', () => {
  let root: string;
  let findings: JsonFinding[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rampart-aliases-'));
    mkdirSync(join(root, 'server', 'middlewares'), { recursive: true });
    writeFileSync(
      join(root, 'tsconfig.json'),
      `{
  // JSONC, as tsc reads it
  "compilerOptions": {
    "baseUrl": ".",
    "paths": { "@app/*": ["./server/*"], /* trailing comma next */ },
  },
}
`,
    );
    writeFileSync(join(root, 'server', 'middlewares', 'limits.ts'), "import rateLimit from 'express-rate-limit';\nexport const authLimiter = rateLimit({ windowMs: 60_000, limit: 5 });\n");
    writeFileSync(
      join(root, 'server', 'users.ts'),
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function findByName(name: string) {\n  return pool.query(`SELECT * FROM users WHERE name = '${name}'`);\n}\n",
    );
    writeFileSync(
      join(root, 'server', 'app.ts'),
      [
        "import express from 'express';",
        "import helmet from 'helmet';",
        "import { authLimiter } from '@app/middlewares/limits';",
        "import { findByName } from '@app/users';",
        'const app = express();',
        'app.use(helmet());',
        "app.post('/login', authLimiter, (req, res) => res.json({ ok: true }));",
        "app.post('/signup', (req, res) => res.json({ ok: true }));",
        "app.get('/users', async (req, res) => res.json(await findByName(String(req.query.name))));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    );
    const run = await runCliProcess(['--format', 'json', '--rule', 'missing-rate-limit', '--rule', 'sql-injection', '.'], root);
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('counts a limiter imported through an alias, and still flags the unprotected route', () => {
    const rateLimit = findings.filter((finding) => finding.ruleId === 'missing-rate-limit').map((finding) => `${finding.file}:${finding.line}`);
    expect(rateLimit).toEqual(['server/app.ts:8']);
  });

  it('follows request data into a module imported through an alias, reporting at the sink there', () => {
    const sql = findings.filter((finding) => finding.ruleId === 'sql-injection');
    expect(sql.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['server/users.ts:4']);
    expect(sql[0]?.flows?.map((flow) => `${flow.carrier?.file}:${flow.carrier?.line}`)).toEqual(['server/app.ts:9']);
  });

  it('links modules and reads aliases of a project scanned from outside it', async () => {
    const run = await runCliProcess(['--format', 'json', '--rule', 'sql-injection', root]);
    const sql = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((finding) => `${finding.ruleId}:${finding.file.split('/').slice(-2).join('/')}:${finding.line}`);
    expect(sql).toEqual(['sql-injection:server/users.ts:4']);
  });

  it('expands wildcard and exact aliases, and reads JSON with comments', () => {
    const aliases = [
      { prefix: '@app/', suffix: '', hasWildcard: true, targets: ['/p/server/*'] },
      { prefix: 'config', suffix: '', hasWildcard: false, targets: ['/p/config/index'] },
    ];
    expect(expandAlias(aliases, '@app/users')).toEqual(['/p/server/users']);
    expect(expandAlias(aliases, 'config')).toEqual(['/p/config/index']);
    expect(expandAlias(aliases, 'pg')).toEqual([]);
    expect(JSON.parse(stripJsonComments('{ "a": "//not a comment", /* x */ "b": [1,], }'))).toEqual({ a: '//not a comment', b: [1] });
  });
});
