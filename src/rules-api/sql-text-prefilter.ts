/**
 * Cheap prefilter for rules whose sinks may be recognised by their SQL text: could the file hold a statement at
 * all? A superset test on the source text; the SQL tokenizer (analysis/values/sql-text.ts) decides on the AST.
 */
import type { FileContext } from '../engine/file-context.js';

const STATEMENT_WORD = /\b(select|insert|update|delete|with|replace|merge|create|drop|alter|truncate|explain|pragma)\b/i;

export function mayHoldSqlText(file: FileContext): boolean {
  return STATEMENT_WORD.test(file.source.text);
}
