/**
 * Format strings whose placeholders decide escaping (pg-format: `%L`/`%I` escape, `%s` does not; pg-promise's
 * `as.format`: `$1` escapes, `$1:raw` does not): each argument is cleaned for the kinds of the placeholder it fills. A template that is not a constant, or uses a
 * placeholder form we do not read, passes every argument through.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FormatStringRow } from '../../models/concepts.js';
import type { TaintEvaluator } from './evaluator.js';
import { kindBits, sanitize, union } from './origins.js';
import { filledPlaceholders } from './template-values.js';
import type { Origin } from './taint-types.js';

const PLACEHOLDER = /%(?:(\d+)\$)?([A-Za-z%])/g;

export function formatStringValue(ev: TaintEvaluator, call: TSESTree.CallExpression, row: FormatStringRow, depth: number): readonly Origin[] {
  const value = (argument: TSESTree.Node | undefined): readonly Origin[] =>
    argument === undefined || argument.type === 'SpreadElement' ? [] : ev.valueOf(argument, depth);
  const template = call.arguments[row.argument];
  if (row.syntax !== undefined) {
    const values = call.arguments[row.argument + 1];
    const placeholders = filledPlaceholders(ev.file, template, values, row.syntax);
    if (placeholders === null) return union(value(template), value(values));
    return union(...placeholders.map((placeholder) => {
      const escapes = row.escapes[placeholder.modifier];
      const filled = value(placeholder.value);
      return escapes === undefined ? filled : sanitize(filled, kindBits(escapes));
    }));
  }
  const text = template === undefined ? null : ev.file.values.stringOf(template);
  const rest = call.arguments.slice(row.argument + 1);
  if (text === null) return union(value(template), ...rest.map((argument) => value(argument)));
  const parts: Array<readonly Origin[]> = [];
  let next = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const letter = match[2] ?? '';
    if (letter === '%') continue;
    const index = match[1] === undefined ? next++ : Number(match[1]) - 1;
    const escapes = row.escapes[letter];
    const filled = value(rest[index]);
    parts.push(escapes === undefined ? filled : sanitize(filled, kindBits(escapes)));
  }
  return union(...parts);
}
