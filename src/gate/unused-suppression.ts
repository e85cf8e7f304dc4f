/**
 * What: a `rampart-ignore` comment that silences nothing, names no or an unknown rule, or gives no reason.
 * Why: a stale suppression hides the next real finding on that line, and an unexplained one cannot be
 * reviewed. CLI-only: ESLint applies `rampart-ignore` comments with a reason (src/eslint/source-suppressions.ts)
 * and reports its own unused `eslint-disable` comments (`reportUnusedDisableDirectives`), so this rule is not in
 * the registry nor in the plugin; the
 * CLI gate reports it (`test/gate-suppression.test.ts` checks its fixtures through the real CLI).
 */
import { defineRule, formatMessage } from '../rules-api/define-rule.js';
import type { Finding, Rule } from '../rules-api/rule-types.js';
import type { Severity } from '../taxonomy/severity.js';
import type { SourceText } from '../engine/source-text.js';
import type { SuppressionComment } from './suppression-comments.js';

type MessageId = 'unused' | 'aloneOnLine' | 'missingReason' | 'missingRule' | 'unknownRule';

export const unusedSuppression: Rule<MessageId> = defineRule<MessageId>({
  id: 'unused-suppression',
  title: 'Suppression comment that silences nothing or gives no reason',
  cwe: ['CWE-693'],
  owasp: { 2021: ['A09:2021'], 2025: ['A09:2025'] },
  severity: 'low',
  precision: 'very-high',
  help: 'Put `// rampart-ignore-next-line <rule-id> -- <reason>` on the line just above the finding (or `// rampart-ignore <rule-id> -- <reason>` at the end of its line), or delete the comment.',
  messages: {
    unused: 'This suppression of {{rule}} silences nothing on line {{line}}; move it next to the finding or delete it.',
    aloneOnLine: 'rampart-ignore covers its own line, which holds only the comment; use rampart-ignore-next-line above the finding.',
    missingReason: 'This suppression of {{rule}} gives no reason, so it is not applied; add `-- <why this is safe>`.',
    missingRule: 'This suppression names no rule; write the rule id it silences, e.g. `rampart-ignore-next-line sql-injection -- <reason>`.',
    unknownRule: 'This suppression names unknown rule `{{rule}}`, so it silences nothing; use the rule id printed with each finding.',
  },
  // Never dispatched over an AST: the CLI gate reports it after matching comments to findings.
  appliesTo: () => false,
  create: () => ({}),
});

export interface SuppressionMatch {
  /** Findings silenced, each with the comment that silenced it. */
  readonly suppressed: ReadonlyMap<Finding, SuppressionComment>;
  readonly problems: readonly Finding[];
}

export interface SuppressionRules {
  /** Every rule id a comment may name. */
  readonly known: ReadonlySet<string>;
  /** Rules that ran: a comment for a rule that did not run is not called unused. */
  readonly active: ReadonlySet<string>;
  /** Severity of `unused-suppression` findings; null when that rule is turned off. */
  readonly metaSeverity: Severity | null;
}

/**
 * Matches one file's suppression comments to its findings. A comment covers a finding of a named rule when
 * the finding, or the innermost statement holding it, starts on the comment's target line.
 */
export function matchSuppressions(
  findings: readonly Finding[],
  comments: readonly SuppressionComment[],
  file: { path: string; source: SourceText },
  rules: SuppressionRules,
  statementLine: (finding: Finding) => number | null,
): SuppressionMatch {
  const suppressed = new Map<Finding, SuppressionComment>();
  const problems: Finding[] = [];
  const report = (comment: SuppressionComment, messageId: MessageId, data: Record<string, string>): void => {
    if (rules.metaSeverity !== null) problems.push(metaFinding(comment, messageId, data, rules.metaSeverity, file));
  };
  for (const comment of comments) {
    if (comment.ruleIds.length === 0) {
      report(comment, 'missingRule', {});
      continue;
    }
    for (const ruleId of comment.ruleIds) {
      if (!rules.known.has(ruleId) || ruleId === unusedSuppression.id) {
        report(comment, 'unknownRule', { rule: ruleId });
        continue;
      }
      if (comment.reason === null) {
        report(comment, 'missingReason', { rule: ruleId });
        continue;
      }
      const covered = findings.filter(
        (finding) => finding.ruleId === ruleId && (finding.span.start.line === comment.targetLine || statementLine(finding) === comment.targetLine),
      );
      for (const finding of covered) if (!suppressed.has(finding)) suppressed.set(finding, comment);
      if (covered.length === 0 && rules.active.has(ruleId)) {
        if (comment.scope === 'same-line' && comment.isAloneOnLine) report(comment, 'aloneOnLine', {});
        else report(comment, 'unused', { rule: ruleId, line: String(comment.targetLine) });
      }
    }
  }
  return { suppressed, problems };
}

function metaFinding(comment: SuppressionComment, messageId: MessageId, data: Record<string, string>, severity: Severity, file: { path: string; source: SourceText }): Finding {
  const message = formatMessage(unusedSuppression.messages[messageId], data);
  const firstLine = Math.max(1, comment.span.start.line - 1);
  const lines: string[] = [];
  for (let line = firstLine; line <= comment.span.end.line; line += 1) lines.push(file.source.lineText(line));
  return {
    ruleId: unusedSuppression.id,
    severity,
    message,
    file: file.path,
    range: comment.range,
    span: comment.span,
    excerpt: { firstLine, lines },
  };
}
