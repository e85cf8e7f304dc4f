/**
 * Stable identities for findings, for GitHub's alert tracking (`partialFingerprints.primaryLocationLineHash`)
 * and baselines. A fingerprint hashes the rule, the file and the flagged code with whitespace collapsed and
 * trailing comments removed (so adding `// rampart-ignore ...` on the line keeps it), plus an occurrence
 * counter for identical code in the same file. Line numbers are not part of it: inserting lines above a
 * finding leaves it unchanged.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../rules-api/rule-types.js';

export function normalizedCode(finding: Finding): string {
  const { firstLine, lines } = finding.excerpt;
  const flagged: string[] = [];
  for (let line = finding.span.start.line; line <= finding.span.end.line; line += 1) {
    const text = lines[line - firstLine];
    if (text !== undefined) flagged.push(stripTrailingComment(text));
  }
  return flagged.join(' ').replace(/\s+/g, ' ').trim();
}

/** Removes a trailing `// ...` comment that is not inside a string (a cheap scan, not a tokenizer). */
function stripTrailingComment(line: string): string {
  let quote: string | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quote !== null) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (char === '/' && line[index + 1] === '/') {
      return line.slice(0, index);
    }
  }
  return line;
}

/** Fingerprints in the order of `findings`, each `<hash>:<occurrence>`. */
export function fingerprintFindings(findings: readonly Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const key = createHash('sha256').update(`${finding.ruleId}\0${finding.file}\0${normalizedCode(finding)}`).digest('hex').slice(0, 32);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return `${key}:${occurrence}`;
  });
}
