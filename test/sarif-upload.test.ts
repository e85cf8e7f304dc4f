/**
 * What GitHub's upload-sarif action and the alert page make of rampart's SARIF: the action computes
 * `primaryLocationLineHash` itself and must log no "inconsistent fingerprint" warning (its algorithm, ported in
 * support/upload-sarif-fingerprints.ts, runs over a real scan); the analysis category is left to the action's
 * `category` input unless --category names one; help links work without a base; suppressed findings can be
 * left out, since code scanning ignores SARIF suppressions.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rampart, readJson, removeDir, tempDir, writeFiles } from './support/rampart-cli.js';
import { addFingerprints, lineHashes } from './support/upload-sarif-fingerprints.js';

interface Log {
  runs: {
    automationDetails?: { id: string };
    tool: { driver: { rules: { id: string; help: { markdown: string } }[] } };
    results: { ruleId: string; partialFingerprints: Record<string, string>; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const APP = `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
export const router = express.Router();
router.get('/a', async (req, res) => { res.json(await pool.query('SELECT * FROM a WHERE id = ' + req.query.id)); });
router.get('/b', async (req, res) => {
  // rampart-ignore-next-line sql-injection -- the id is checked by the gateway
  res.json(await pool.query('SELECT * FROM b WHERE id = ' + req.query.id));
});
`;

async function scan(args: readonly string[]): Promise<{ root: string; log: Log }> {
  const root = tempDir('upload');
  dirs.push(root);
  writeFiles(root, { 'src/routes.ts': APP, 'src/crlf.ts': APP.replace(/\n/g, '\r\n') });
  const run = await rampart(['--format', 'sarif=out.sarif', ...args, 'src'], root);
  expect(run.stderr).toBe('');
  return { root, log: readJson<Log>(join(root, 'out.sarif')) };
}

describe('SARIF as upload-sarif and the alert page take it', () => {
  it("lets the action compute primaryLocationLineHash for every result, with no inconsistency warning", async () => {
    const { root, log } = await scan([]);
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBe(4);
    for (const result of results) {
      expect(Object.keys(result.partialFingerprints)).toEqual(['rampartFingerprint/v1']);
    }
    const outcome = addFingerprints(log, root);
    expect(outcome).toEqual({ warnings: [], fingerprinted: 4 });
    expect(results.every((result) => /^[0-9a-f]+:\d+$/.test(result.partialFingerprints['primaryLocationLineHash'] ?? ''))).toBe(true);
  });

  it('ports the action hash faithfully: it reads from the line onward, blind to spaces, tabs and line endings', () => {
    const text = 'a\nconst x = 1;\nb\n';
    const hashes = lineHashes(text);
    // A line's hash covers the next 100 non-blank characters from its start: a line added above shifts it only.
    const shifted = lineHashes(`// new\n${text}`);
    expect([shifted.get(2), shifted.get(3), shifted.get(4)]).toEqual([hashes.get(1), hashes.get(2), hashes.get(3)]);
    expect(lineHashes('a\nconst   x\t= 1;\nb\n').get(2)).toBe(hashes.get(2));
    expect(lineHashes('a\nconst x = 2;\nb\n').get(2)).not.toBe(hashes.get(2));
    expect([...lineHashes('x\r\ny\r\n')]).toEqual([...lineHashes('x\ny\n')]);
  });

  it('names an analysis category only when asked', async () => {
    expect((await scan([])).log.runs[0]?.automationDetails).toBeUndefined();
    expect((await scan(['--category', 'api'])).log.runs[0]?.automationDetails).toEqual({ id: 'api/' });
  });

  it('writes help links that work on an alert page', async () => {
    const { log } = await scan([]);
    const help = log.runs[0]?.tool.driver.rules.find((rule) => rule.id === 'sql-injection')?.help.markdown ?? '';
    expect(help).toContain('](https://github.com/rampart-security/rampart/blob/main/docs/taint.md)');
    expect(help).not.toMatch(/\]\((?!https?:|#)/);
  });

  it('leaves suppressed findings out with --sarif-omit-suppressed', async () => {
    const kept = (await scan([])).log.runs[0]?.results ?? [];
    expect(kept.filter((result) => result.suppressions !== undefined).length).toBe(2);
    const omitted = (await scan(['--sarif-omit-suppressed'])).log.runs[0]?.results ?? [];
    expect(omitted.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['sql-injection', 5],
      ['sql-injection', 5],
    ]);
  });
});
