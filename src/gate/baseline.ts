/**
 * Baselines: the findings a team has accepted as known, keyed by fingerprint (rule, file, enclosing scope,
 * flagged code; never the line), so old findings stay quiet after unrelated edits move them, new ones fail
 * the build, and fixed ones are reported as gone. The file is deterministic (sorted, no timestamps) so that
 * rewriting it after a fix shows only the removed entries in review.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDataFile } from '../config/positioned-document.js';
import { checkAgainstSchema } from '../config/schema-check.js';
import { ConfigError, describeError, UsageError } from '../engine/problems.js';
import { FINGERPRINT_VERSION } from '../report/fingerprint.js';
import type { AbsentFinding } from '../report/scan-report.js';
import type { Severity } from '../taxonomy/severity.js';

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly severity: Severity;
  /** Repository-relative path (the SARIF URI). */
  readonly file: string;
  readonly line: number;
  readonly context?: string;
  /** Files whose calls carry request data to this taint finding's sink in another module. */
  readonly carriedFrom?: readonly string[];
  readonly message: string;
}

export interface Baseline {
  readonly file: string;
  readonly entries: readonly BaselineEntry[];
}

interface BaselineFile {
  readonly version: 1;
  readonly fingerprintVersion: string;
  readonly findings: readonly BaselineEntry[];
}

export function readBaseline(cwd: string, given: string): Baseline {
  const path = resolve(cwd, given);
  if (!existsSync(path)) throw new UsageError(`baseline file not found: ${given} (create it with --write-baseline ${given})`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new ConfigError(given, 1, 1, `cannot read: ${describeError(error)}`);
  }
  const document = parseDataFile(given, text, 'json');
  checkAgainstSchema(document, 'rampart.baseline.schema.json', document.value);
  const parsed = document.value as BaselineFile;
  if (parsed.fingerprintVersion !== FINGERPRINT_VERSION) {
    throw document.errorAt(['fingerprintVersion'], `written with fingerprints ${parsed.fingerprintVersion}, this rampart computes ${FINGERPRINT_VERSION}; rewrite it with --write-baseline ${given}`);
  }
  return { file: given, entries: parsed.findings };
}

export function writeBaseline(cwd: string, given: string, entries: readonly BaselineEntry[]): void {
  const sorted = [...entries].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint),
  );
  const content: BaselineFile = { version: 1, fingerprintVersion: FINGERPRINT_VERSION, findings: sorted };
  const path = resolve(cwd, given);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface BaselineComparison {
  /** Fingerprints of current findings that the baseline lists. */
  readonly unchanged: ReadonlySet<string>;
  readonly absent: readonly AbsentFinding[];
}

/** A current finding's fingerprint, and the ones earlier versions gave it where they reported it (moved-findings.ts). */
export interface CurrentFingerprint {
  readonly fingerprint: string;
  readonly earlier: readonly string[];
}

/**
 * Matches current fingerprints against the baseline. An entry counts as absent (gone) only when its file, and
 * every file its paths were carried from, was scanned successfully and its rule ran this time: a partial scan
 * (--changed-since, a subdirectory, a file that failed to parse, a disabled rule) says nothing about findings
 * it did not look for.
 */
export function compareWithBaseline(
  baseline: Baseline,
  current: readonly CurrentFingerprint[],
  scope: { readonly scannedFiles: ReadonlySet<string>; readonly activeRules: ReadonlySet<string> },
): BaselineComparison {
  const listed = new Set(baseline.entries.map((entry) => entry.fingerprint));
  const unchanged = new Set<string>();
  const matched = new Set<string>();
  for (const { fingerprint, earlier } of current) {
    const known = [fingerprint, ...earlier].filter((candidate) => listed.has(candidate));
    if (known.length === 0) continue;
    unchanged.add(fingerprint);
    for (const candidate of known) matched.add(candidate);
  }
  const absent: AbsentFinding[] = [];
  for (const entry of baseline.entries) {
    if (matched.has(entry.fingerprint)) continue;
    const files = [entry.file, ...(entry.carriedFrom ?? [])];
    if (files.every((file) => scope.scannedFiles.has(file)) && scope.activeRules.has(entry.ruleId)) {
      absent.push({ fingerprint: entry.fingerprint, ruleId: entry.ruleId, severity: entry.severity, file: entry.file, line: entry.line, message: entry.message });
    }
  }
  return { unchanged, absent };
}
