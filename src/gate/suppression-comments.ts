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
 *
 * ESLint's own line directives naming rampart rules count too, so a team writes one comment per reviewed finding
 * whichever host reports it:
 *
 *   // eslint-disable-next-line rampart/sql-injection -- ids are validated by the router
 *
 * Only the `rampart/` entries of such a comment are rampart's; the other plugins' entries are ESLint's business.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceText, Span } from '../engine/source-text.js';

export type SuppressionScope = 'next-line' | 'same-line';

export interface SuppressionComment {
  readonly scope: SuppressionScope;
  /** `rampart-ignore…` or ESLint's `eslint-disable-…line` naming `rampart/<id>`. */
  readonly syntax: 'rampart' | 'eslint';
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
const ESLINT_DIRECTIVE = /^\s*eslint-disable-(next-line|line)(?=\s|$)(.*)$/s;

/** The rampart directive a comment holds, if any. */
function directiveOf(text: string): { syntax: 'rampart' | 'eslint'; scope: SuppressionScope; ruleIds: string[]; reason: string | null } | null {
  const own = DIRECTIVE.exec(text);
  if (own !== null) return { syntax: 'rampart', scope: own[1] === undefined ? 'same-line' : 'next-line', ...splitDirective(own[2] ?? '', false) };
  const eslint = ESLINT_DIRECTIVE.exec(text);
  if (eslint === null) return null;
  const parts = splitDirective(eslint[2] ?? '', true);
  // `eslint-disable-next-line no-console`: not about rampart at all.
  if (parts.ruleIds.length === 0) return null;
  return { syntax: 'eslint', scope: eslint[1] === 'line' ? 'same-line' : 'next-line', ...parts };
}

export function parseSuppressionComments(comments: readonly TSESTree.Comment[], source: SourceText): SuppressionComment[] {
  const suppressions: SuppressionComment[] = [];
  for (const comment of comments) {
    const directive = directiveOf(comment.value);
    if (directive === null) continue;
    const { syntax, scope, ruleIds, reason } = directive;
    const span = source.spanOf(comment.range);
    const lineText = source.lineText(span.start.line);
    const isAloneOnLine = lineText.slice(0, span.start.column).trim() === '' && (span.end.line > span.start.line || lineText.slice(span.end.column).trim() === '');
    suppressions.push({
      scope,
      syntax,
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

/** Rule ids and reason; with `prefixedOnly` (ESLint's syntax), only the ids written as `rampart/<id>`. */
function splitDirective(rest: string, prefixedOnly: boolean): { ruleIds: string[]; reason: string | null } {
  // ESLint separates the description with two or more dashes; rampart's own syntax with two.
  const separator = rest.search(prefixedOnly ? /\s-{2,}(\s|$)/ : /\s--(\s|$)/);
  const idsText = separator === -1 ? rest : rest.slice(0, separator);
  const reasonText = separator === -1 ? '' : rest.slice(separator).replace(/^\s-+/, '').trim();
  const ruleIds = idsText
    .split(/[\s,]+/)
    .filter((id) => id !== '' && (!prefixedOnly || id.startsWith('rampart/')))
    .map((id) => id.replace(/^rampart\//, ''));
  return { ruleIds, reason: reasonText === '' ? null : reasonText.replace(/\s+/g, ' ') };
}
