/**
 * `rampart-ignore` comments in the ESLint host, so one comment silences a reviewed finding in the editor and in
 * the CLI alike (ESLint's own `eslint-disable-…line rampart/<id>` comments ESLint applies itself). The same
 * parser and the same coverage as the CLI gate: a comment with a reason covers a finding of a rule it names
 * when the finding, or the innermost statement holding it, starts on the comment's target line. Unexplained or
 * unused comments are the CLI's `unused-suppression` findings; here an unexplained one simply does not apply.
 */
import type { FileContext } from '../engine/file-context.js';
import { statementStartLine } from '../gate/finding-identity.js';
import { parseSuppressionComments, type SuppressionComment } from '../gate/suppression-comments.js';

// Keyed by the file's context, which lives as long as ESLint's parse of the file: nothing outlives a lint.
const commentsByFile = new WeakMap<FileContext, readonly SuppressionComment[]>();

function rampartComments(file: FileContext): readonly SuppressionComment[] {
  const known = commentsByFile.get(file);
  if (known !== undefined) return known;
  const parsed = parseSuppressionComments(file.ast.comments ?? [], file.source).filter((comment) => comment.syntax === 'rampart' && comment.reason !== null);
  commentsByFile.set(file, parsed);
  return parsed;
}

export function isSuppressedInSource(file: FileContext, ruleId: string, range: readonly [number, number]): boolean {
  const comments = rampartComments(file).filter((comment) => comment.ruleIds.includes(ruleId));
  if (comments.length === 0) return false;
  const line = file.source.positionAt(range[0]).line;
  const statement = statementStartLine(file.ast, file.source, range);
  return comments.some((comment) => comment.targetLine === line || comment.targetLine === statement);
}
