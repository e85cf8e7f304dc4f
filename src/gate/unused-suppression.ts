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

/** A file's suppression comments. */
export interface FileSuppressions {
  readonly path: string;
  readonly source: SourceText;
  readonly comments: readonly SuppressionComment[];
  /** Scanned in this run, so every finding it could hold is known: its comments that silence nothing are reported. */
  readonly isScanned: boolean;
}

/** A line a comment may target to silence a finding: the location's first line, and its statement's. */
export interface SuppressionSite {
  readonly file: string;
  readonly lines: readonly number[];
}

export interface SuppressibleFinding {
  readonly finding: Finding;
  readonly at: SuppressionSite;
  /**
   * One site per path of a taint finding whose every path enters the sink's module through a carrying call
   * (empty otherwise): a finding whose every carrier is suppressed is suppressed, so comments written where
   * earlier versions reported keep working, and a new path to the same sink is reported again.
   */
  readonly carriers: readonly SuppressionSite[];
}

export interface SuppressionMatch {
  /** Findings silenced, each with the comment that silenced it and that comment's file. */
  readonly suppressed: ReadonlyMap<Finding, { readonly comment: SuppressionComment; readonly file: string }>;
  readonly problems: readonly SuppressionProblem[];
}

export interface SuppressionProblem {
  readonly finding: Finding;
  readonly comment: SuppressionComment;
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
 * Matches suppression comments to findings. A comment covers a finding of a named rule when the finding, or
 * the innermost statement holding it, starts on the comment's target line, or when it covers a carrier of a
 * finding all of whose carriers are covered. Problems are reported for comments in scanned files only.
 */
export function matchSuppressions(findings: readonly SuppressibleFinding[], files: ReadonlyMap<string, FileSuppressions>, rules: SuppressionRules): SuppressionMatch {
  const suppressed = new Map<Finding, { comment: SuppressionComment; file: string }>();
  const used = new Map<SuppressionComment, Set<string>>();
  const use = (comment: SuppressionComment, ruleId: string): void => {
    const ids = used.get(comment) ?? new Set<string>();
    ids.add(ruleId);
    used.set(comment, ids);
  };
  const covering = (site: SuppressionSite, ruleId: string): SuppressionComment[] =>
    (files.get(site.file)?.comments ?? []).filter(
      (comment) => comment.reason !== null && rules.known.has(ruleId) && ruleId !== unusedSuppression.id && comment.ruleIds.includes(ruleId) && site.lines.includes(comment.targetLine),
    );
  for (const { finding, at, carriers } of findings) {
    const direct = covering(at, finding.ruleId);
    for (const comment of direct) use(comment, finding.ruleId);
    const first = direct[0];
    if (first !== undefined) {
      suppressed.set(finding, { comment: first, file: at.file });
      continue;
    }
    const perCarrier = carriers.map((site) => ({ site, comments: covering(site, finding.ruleId) }));
    for (const { comments } of perCarrier) for (const comment of comments) use(comment, finding.ruleId);
    const head = perCarrier[0];
    const headComment = head?.comments[0];
    if (head !== undefined && headComment !== undefined && perCarrier.every(({ comments }) => comments.length > 0)) suppressed.set(finding, { comment: headComment, file: head.site.file });
  }
  const problems: SuppressionProblem[] = [];
  for (const file of files.values()) if (file.isScanned) problems.push(...commentProblems(file, used, rules));
  return { suppressed, problems };
}

function commentProblems(file: FileSuppressions, used: ReadonlyMap<SuppressionComment, ReadonlySet<string>>, rules: SuppressionRules): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  const report = (comment: SuppressionComment, messageId: MessageId, data: Record<string, string>): void => {
    if (rules.metaSeverity !== null) problems.push({ finding: metaFinding(comment, messageId, data, rules.metaSeverity, file), comment });
  };
  for (const comment of file.comments) {
    if (comment.ruleIds.length === 0) {
      report(comment, 'missingRule', {});
      continue;
    }
    for (const ruleId of comment.ruleIds) {
      if (!rules.known.has(ruleId) || ruleId === unusedSuppression.id) report(comment, 'unknownRule', { rule: ruleId });
      else if (comment.reason === null) report(comment, 'missingReason', { rule: ruleId });
      else if (used.get(comment)?.has(ruleId) !== true && rules.active.has(ruleId)) {
        if (comment.scope === 'same-line' && comment.isAloneOnLine) report(comment, 'aloneOnLine', {});
        else report(comment, 'unused', { rule: ruleId, line: String(comment.targetLine) });
      }
    }
  }
  return problems;
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
