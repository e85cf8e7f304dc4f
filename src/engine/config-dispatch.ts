/**
 * Runs the config-file rules over one config file: each rule whose `configFile.kinds` holds the file's kind
 * checks it once. Findings have the shape code findings have (lines from `SourceText`, excerpt with one line
 * above), so reporters, fingerprints, suppressions and baselines treat them alike. A rule that throws becomes
 * an `internal-error` problem for that file only.
 */
import { formatMessage } from '../rules-api/define-rule.js';
import type { ConfigReport, Finding } from '../rules-api/rule-types.js';
import type { ConfigFile } from './config-files.js';
import type { ActiveRule, FileOutcome } from './dispatch.js';
import { describeError } from './problems.js';

export function runConfigRules(file: ConfigFile, rules: readonly ActiveRule[]): FileOutcome {
  const outcome: FileOutcome = { findings: [], problems: [], homes: new Map() };
  for (const { rule, severity } of rules) {
    const check = rule.configFile;
    if (check === undefined || !check.kinds.includes(file.kind)) continue;
    try {
      check.check(file, (descriptor) => outcome.findings.push(toConfigFinding(file, rule.id, rule.messages, severity, descriptor)));
    } catch (error: unknown) {
      outcome.problems.push({ kind: 'internal-error', file: file.path, ruleId: rule.id, line: 1, message: describeError(error) });
    }
  }
  return outcome;
}

function toConfigFinding(file: ConfigFile, ruleId: string, messages: Readonly<Record<string, string>>, severity: ActiveRule['severity'], descriptor: ConfigReport<string>): Finding {
  const span = file.source.spanOf(descriptor.range);
  const firstLine = Math.max(1, span.start.line - 1);
  const lastLine = Math.min(span.end.line, span.start.line + 3);
  const lines: string[] = [];
  for (let line = firstLine; line <= lastLine; line += 1) lines.push(file.source.lineText(line));
  return {
    ruleId,
    severity,
    message: formatMessage(messages[descriptor.messageId] ?? descriptor.messageId, descriptor.data),
    file: file.path,
    range: descriptor.range,
    span,
    excerpt: { firstLine, lines },
  };
}
