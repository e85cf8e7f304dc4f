/**
 * Inline suppressions, read from the parser's comment list (never by regex over the file, so a
 * `// rampart-ignore` inside a string or template is not a suppression):
 *
 *   // rampart-ignore-next-line sql-injection -- ids are validated by the router
 *   db.query(sql); // rampart-ignore sql-injection -- ids are validated by the router
 *
 * Several rule ids may be listed, separated by commas or spaces, with or without the `rampart/` prefix ESLint shows. The
 * reason after ` -- ` is required: a suppression without one is not applied (a security gate should not
 * accept an unexplained silence) and is reported by the `unused-suppression` meta rule.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceText, Span } from '../engine/source-text.js';

export type SuppressionScope = 'next-line' | 'same-line';

export interface SuppressionComment {
  readonly scope: SuppressionScope;
  readonly ruleIds: readonly string[];
  /** The text after ` -- `, trimmed; null when absent or empty. */
  readonly reason: string | null;
  /** The line whose findings it covers (1-based). */
  readonly targetLine: number;
  /** Where the comment is, for SARIF `suppressions[].location` and meta findings. */
  readonly span: Span;
  readonly range: readonly [number, number];
  /** True when nothing but the comment is on its line (a same-line suppression there covers nothing). */
  readonly isAloneOnLine: boolean;
}

const DIRECTIVE = /^\s*rampart-ignore(-next-line)?(?=\s|$)(.*)$/s;

export function parseSuppressionComments(comments: readonly TSESTree.Comment[], source: SourceText): SuppressionComment[] {
  const suppressions: SuppressionComment[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (match === null) continue;
    const scope: SuppressionScope = match[1] === undefined ? 'same-line' : 'next-line';
    const { ruleIds, reason } = splitDirective(match[2] ?? '');
    const span = source.spanOf(comment.range);
    const lineText = source.lineText(span.start.line);
    const isAloneOnLine = lineText.slice(0, span.start.column).trim() === '' && (span.end.line > span.start.line || lineText.slice(span.end.column).trim() === '');
    suppressions.push({
      scope,
      ruleIds,
      reason,
      // A next-line directive covers the line after the comment ends (a block comment may span lines).
      targetLine: scope === 'next-line' ? span.end.line + 1 : span.start.line,
      span,
      range: comment.range,
      isAloneOnLine,
    });
  }
  return suppressions;
}

function splitDirective(rest: string): { ruleIds: string[]; reason: string | null } {
  const separator = rest.search(/\s--(\s|$)/);
  const idsText = separator === -1 ? rest : rest.slice(0, separator);
  const reasonText = separator === -1 ? '' : rest.slice(separator).replace(/^\s--/, '').trim();
  const ruleIds = idsText
    .split(/[\s,]+/)
    .map((id) => id.replace(/^rampart\//, ''))
    .filter((id) => id !== '');
  return { ruleIds, reason: reasonText === '' ? null : reasonText.replace(/\s+/g, ' ') };
}
