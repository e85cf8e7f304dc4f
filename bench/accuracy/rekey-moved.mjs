#!/usr/bin/env node
/**
 * Re-keys review-ledger entries of taint findings that moved. Until issue 8 §3 a taint finding whose sink is in
 * another module (or a view) was reported at the call carrying request data there; it is now reported at the
 * sink, with that call as its path's carrier (JSON `flows[].carrier`). An entry still keyed at a carrier is
 * moved to the finding's key at the sink: verdict kept, the reason prefixed with the carrier. Safe to re-run
 * (after each `git merge main`, when others have added entries keyed the old way): it touches only entries
 * whose key no finding has any more and that a carrier names; an entry for a key a finding still has is left.
 * When a sink is reviewed already (another route's entry moved there, or it was reviewed at the sink), a stale
 * carrier entry with the same verdict is folded into it (the reason names the carrier); one with another
 * verdict is left, and printed, for a person to settle.
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
  const folded = new Map();
  let moved = 0;
  for (const [key, review] of Object.entries(ledger.findings)) {
    const sinks = current.has(key) ? [] : (moves.get(key) ?? []);
    const targets = sinks.filter((target) => !keys.has(target));
    const carrier = key.split(' ').slice(2).join(' ');
    if (sinks.length > 0 && targets.length === 0) {
      // Another carrier's entry was moved to these sinks already: the same verdict is folded in, a different one is left.
      if (sinks.every((target) => (ledger.findings[target] ?? entries.find(([moved]) => moved === target)?.[1])?.verdict === review.verdict)) {
        for (const target of sinks) folded.set(target, [...(folded.get(target) ?? []), carrier]);
        process.stdout.write(`${key}  folded into  ${sinks.join(', ')}\n`);
        moved += 1;
      } else process.stdout.write(`${key}: a sink it carries to has another verdict; left for a person to settle\n`);
      continue;
    }
    if (targets.length === 0) {
      entries.push([key, review]);
      continue;
    }
    for (const target of targets) {
      entries.push([target, { ...review, reason: `Through ${carrier} (where ESLint reports it): ${review.reason}` }]);
      keys.add(target);
      process.stdout.write(`${key}  ->  ${target}\n`);
    }
    moved += 1;
  }
  for (const entry of entries) {
    const fold = folded.get(entry[0]);
    if (fold !== undefined) entry[1] = { ...entry[1], reason: `${entry[1].reason} (also through ${fold.join(', ')}, same verdict)` };
  }
  process.stdout.write(`${moved} ledger entr${moved === 1 ? 'y' : 'ies'} re-keyed at their sinks\n`);
  if (!options.dryRun && moved > 0) writeFileSync(LEDGER, `${JSON.stringify({ ...ledger, findings: Object.fromEntries(entries) }, null, 2)}\n`);
}

main();
