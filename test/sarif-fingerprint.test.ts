/**
 * rampart's line-independent fingerprint (`partialFingerprints["rampartFingerprint/v1"]`), through the real CLI: the same when lines are inserted above
 * a finding, when a suppression comment is added on its own line (a peer tool's line hash changed there and
 * its alert came back as new), and when the code is reformatted; different for different code, for the same
 * code in another function, and for a second identical occurrence.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';

interface Log {
  readonly runs: readonly {
    readonly results: readonly {
      readonly ruleId: string;
      readonly partialFingerprints: { readonly 'rampartFingerprint/v1': string };
      readonly locations: readonly { readonly physicalLocation: { readonly region: { readonly startLine: number } } }[];
      readonly suppressions?: readonly unknown[];
    }[];
  }[];
}

const dir = tempDir('fingerprint');
afterAll(() => removeDir(dir));

const HEADER = "import type { Request } from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\n";

/** Scans `code` as src/app.ts and returns `[startLine, fingerprint, suppressed]` per sql-injection result. */
async function fingerprints(code: string): Promise<[number, string, boolean][]> {
  writeFiles(dir, { 'src/app.ts': code });
  const run = await rampart(['src', '--format', 'sarif=out.sarif', '--no-config'], dir);
  expect(run.stderr).toBe('');
  const log = readJson<Log>(join(dir, 'out.sarif'));
  return (log.runs[0]?.results ?? [])
    .filter((result) => result.ruleId === 'sql-injection')
    .map((result) => [result.locations[0]?.physicalLocation.region.startLine ?? 0, result.partialFingerprints['rampartFingerprint/v1'], result.suppressions !== undefined]);
}

const ORIGINAL = `${HEADER}
export async function findUser(req: Request) {
  return pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
}
`;

describe('rampart fingerprints', () => {
  it('stays the same when lines are inserted above the finding', async () => {
    const [before] = await fingerprints(ORIGINAL);
    const [after] = await fingerprints(ORIGINAL.replace(HEADER, `${HEADER}\n// a comment\nconst LIMIT = 10;\nexport const limit = () => LIMIT;\n`));
    expect(before?.[0]).toBe(6);
    expect(after?.[0]).toBe(10);
    expect(after?.[1]).toBe(before?.[1]);
  });

  it('stays the same when a suppression comment is added on the finding line', async () => {
    const [before] = await fingerprints(ORIGINAL);
    const [after] = await fingerprints(
      ORIGINAL.replace("+ req.params.id);", "+ req.params.id); // rampart-ignore sql-injection -- id is validated by the router"),
    );
    expect(after?.[2]).toBe(true);
    expect(after?.[1]).toBe(before?.[1]);
  });

  it('stays the same when the statement is reformatted over several lines', async () => {
    const [before] = await fingerprints(ORIGINAL);
    const [after] = await fingerprints(ORIGINAL.replace("pool.query('SELECT * FROM users WHERE id = ' + req.params.id)", "pool.query(\n    'SELECT * FROM users WHERE id = '\n      + req.params.id,\n  )"));
    expect(after?.[0]).toBe(7);
    expect(after?.[1]).toBe(before?.[1]);
  });

  it('differs for findings on different code, in different functions, and for repeated code', async () => {
    const results = await fingerprints(`${HEADER}
export async function findUser(req: Request) {
  await pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
  await pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
  return pool.query('SELECT * FROM orders WHERE id = ' + req.params.id);
}

export async function findAdmin(req: Request) {
  return pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
}
`);
    expect(results.map(([line]) => line)).toEqual([6, 7, 8, 12]);
    const hashes = results.map(([, hash]) => hash);
    expect(new Set(hashes).size).toBe(4);
    // Repeated identical code in one function: same hash, next occurrence number.
    expect(hashes[0]?.split(':')[0]).toBe(hashes[1]?.split(':')[0]);
    expect([hashes[0]?.split(':')[1], hashes[1]?.split(':')[1]]).toEqual(['1', '2']);
  });

  it('names anonymous route handlers by their route, so two handlers with the same query differ', async () => {
    const results = await fingerprints(`import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.get('/users', async (req, res) => res.json(await pool.query('SELECT * FROM t WHERE id = ' + req.query.id)));
app.get('/admins', async (req, res) => res.json(await pool.query('SELECT * FROM t WHERE id = ' + req.query.id)));
`);
    expect(results.map(([line]) => line)).toEqual([5, 6]);
    expect(results[0]?.[1]).not.toBe(results[1]?.[1]);
    expect(results.map(([, hash]) => hash.split(':')[1])).toEqual(['1', '1']);
  });
});
