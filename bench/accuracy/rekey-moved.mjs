#!/usr/bin/env node
/**
 * Re-keys review-ledger entries of taint findings that moved. Until issue 8 §3 a taint finding whose sink is in
 * another module (or a view) was reported at the call carrying request data there; it is now reported at the
 * sink, with that call as its path's carrier (JSON `flows[].carrier`). An entry still keyed at a carrier is
 * moved to the finding's key at the sink: verdict kept, the reason prefixed with the carrier. Safe to re-run
 * (after each `git merge main`, when others have added entries keyed the old way): it touches only entries
 * whose key no finding has any more and that a carrier names; an entry for a key a finding still has is left.
 *
 *   npm run build && node bench/accuracy/rekey-moved.mjs [--corpora DIR] [--dry-run]
 *
 * Prints each move; writes reviews.json in place (entry order kept: a moved entry stays where it was).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HERE = import.meta.dirname;
const REPO = resolve(HERE, '../..');
const LEDGER = join(HERE, 'reviews.json');

function parseArgs(argv) {
  const options = { corpora: process.env.RAMPART_CORPORA ?? '/work/corpora', dryRun: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--corpora') options.corpora = argv[++index];
    else if (arg === '--dry-run') options.dryRun = true;
    else {
      process.stderr.write(`rekey-moved: unknown argument ${arg}\n`);
      process.exit(2);
    }
  }
  return options;
}

/** The JSON report of one corpus, scanned as run.mjs scans it. */
function scanCorpus(corpus, directory) {
  const scratch = mkdtempSync(join(tmpdir(), 'rampart-rekey-'));
  const out = join(scratch, 'report.json');
  try {
    const child = spawnSync(process.execPath, [join(REPO, 'bin/rampart.js'), ...corpus.scan, '--format', `json=${out}`, '--quiet'], { cwd: directory, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if ((child.status !== 0 && child.status !== 1) || !existsSync(out)) {
      process.stderr.write(`rekey-moved: rampart failed on ${corpus.name} (exit ${child.status}):\n${child.stderr}\n`);
      process.exit(2);
    }
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const keyAt = (app, ruleId, at) => `${app} ${ruleId} ${at.file}:${at.line}:${at.column}`;

/** Old key (at a carrier) → the keys of the findings at sinks it now carries to; and every current key. */
function movedKeys(options, corpora) {
  const current = new Set();
  const moves = new Map();
  for (const corpus of corpora) {
    const directory = join(resolve(options.corpora), corpus.name);
    if (!existsSync(directory)) {
      process.stderr.write(`rekey-moved: ${corpus.name} is missing at ${directory}\n`);
      process.exit(2);
    }
    for (const finding of scanCorpus(corpus, directory).findings) {
      const key = keyAt(corpus.name, finding.ruleId, finding);
      current.add(key);
      for (const flow of finding.flows ?? []) {
        if (flow.carrier === undefined) continue;
        const old = keyAt(corpus.name, finding.ruleId, flow.carrier);
        moves.set(old, [...new Set([...(moves.get(old) ?? []), key])]);
      }
    }
  }
  return { current, moves };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const { corpora } = JSON.parse(readFileSync(join(HERE, 'corpora.json'), 'utf8'));
  const ledger = JSON.parse(readFileSync(LEDGER, 'utf8'));
  const { current, moves } = movedKeys(options, corpora);
  const entries = [];
  const keys = new Set(Object.keys(ledger.findings));
  let moved = 0;
  for (const [key, review] of Object.entries(ledger.findings)) {
    const targets = current.has(key) ? [] : (moves.get(key) ?? []).filter((target) => !keys.has(target));
    if (targets.length === 0 && !current.has(key) && moves.has(key)) process.stdout.write(`${key}: its sinks are reviewed already; this stale entry is left for a person to drop\n`);
    if (targets.length === 0) {
      entries.push([key, review]);
      continue;
    }
    const carrier = key.split(' ').slice(2).join(' ');
    for (const target of targets) {
      entries.push([target, { ...review, reason: `Through ${carrier} (where ESLint reports it): ${review.reason}` }]);
      keys.add(target);
      process.stdout.write(`${key}  ->  ${target}\n`);
    }
    moved += 1;
  }
  process.stdout.write(`${moved} ledger entr${moved === 1 ? 'y' : 'ies'} re-keyed at their sinks\n`);
  if (!options.dryRun && moved > 0) writeFileSync(LEDGER, `${JSON.stringify({ ...ledger, findings: Object.fromEntries(entries) }, null, 2)}\n`);
}

main();
