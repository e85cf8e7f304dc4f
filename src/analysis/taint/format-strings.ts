/**
 * Format strings whose placeholders decide escaping (pg-format: `%L`/`%I` escape, `%s` does not; util.format:
 * `%j`/`%o`/`%d` escape, `%s` does not; pg-promise's `as.format`: `$1` escapes, `$1:raw` does not): each
 * argument is cleaned for the kinds of the placeholder it fills.
 * util.format also appends the values past its placeholders and writes an object or array literal through
 * util.inspect wherever it sits. A template that is not a constant, or uses a placeholder form we do not read,
 * passes every argument through (literals still inspected).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { FormatStringRow, PrintfFormat, SanitizerKind } from '../../models/concepts.js';
import type { TaintEvaluator } from './evaluator.js';
import { kindBits, sanitize, union } from './origins.js';
import type { Origin } from './taint-types.js';
import { filledPlaceholders } from './template-values.js';

const PLACEHOLDER = /%(?:(\d+)\$)?([A-Za-z%])/g;
const NO_KINDS: readonly SanitizerKind[] = [];

/** One argument of a formatting call and the kinds it comes out clean for. */
export interface FormattedPart {
  readonly node: TSESTree.Node;
  readonly cleanFor: readonly SanitizerKind[];
}

export function formatStringValue(ev: TaintEvaluator, call: TSESTree.CallExpression, row: FormatStringRow, depth: number): readonly Origin[] {
  if (row.syntax !== undefined) return placeholderSyntaxValue(ev, call, row, row.syntax, depth);
  const parts = formattedParts(ev.file, call.arguments, row.argument, row);
  return union(...parts.map((part) => sanitize(ev.valueOf(part.node, depth), kindBits(part.cleanFor))));
}

/** A template of another placeholder syntax filled from the one values argument after it (pg-promise `as.format`). */
function placeholderSyntaxValue(ev: TaintEvaluator, call: TSESTree.CallExpression, row: FormatStringRow, syntax: NonNullable<FormatStringRow['syntax']>, depth: number): readonly Origin[] {
  const value = (argument: TSESTree.Node | undefined): readonly Origin[] =>
    argument === undefined || argument.type === 'SpreadElement' ? [] : ev.valueOf(argument, depth);
  const template = call.arguments[row.argument];
  const values = call.arguments[row.argument + 1];
  const placeholders = filledPlaceholders(ev.file, template, values, syntax);
  if (placeholders === null) return union(value(template), value(values));
  return union(
    ...placeholders.map((placeholder) => {
      const escapes = row.escapes[placeholder.modifier];
      const filled = value(placeholder.value);
      return escapes === undefined ? filled : sanitize(filled, kindBits(escapes));
    }),
  );
}

/**
 * The arguments from `templateIndex` on that reach the output, each with the kinds its placeholder (or, for a
 * literal object, util.inspect) cleans it for. A constant template is not a part: it holds no request data.
 */
export function formattedParts(file: FileContext, args: readonly TSESTree.CallExpressionArgument[], templateIndex: number, format: PrintfFormat): FormattedPart[] {
  const inspected = format.inspectsObjects ?? NO_KINDS;
  const part = (argument: TSESTree.CallExpressionArgument | undefined, escapes: readonly SanitizerKind[]): FormattedPart[] => {
    if (argument === undefined || argument.type === 'SpreadElement') return [];
    const literal = inspected.length > 0 && isInspectedLiteral(file, argument);
    return [{ node: argument, cleanFor: literal ? [...escapes, ...inspected] : escapes }];
  };
  const template = args[templateIndex];
  const rest = args.slice(templateIndex + 1);
  const text = template === undefined || template.type === 'SpreadElement' ? null : file.values.stringOf(template);
  if (text === null) return [template, ...rest].flatMap((argument) => part(argument, NO_KINDS));
  const parts: FormattedPart[] = [];
  const consumed = new Set<number>();
  let next = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const letter = match[2] ?? '';
    if (letter === '%') continue;
    const index = match[1] === undefined ? next++ : Number(match[1]) - 1;
    consumed.add(index);
    parts.push(...part(rest[index], format.escapes[letter] ?? NO_KINDS));
  }
  if (format.appendsRest === true) rest.forEach((argument, index) => (consumed.has(index) ? undefined : parts.push(...part(argument, NO_KINDS))));
  return parts;
}

/**
 * An object or array literal (written in the call or bound to a `const`): util.inspect prints it with its
 * strings quoted and escaped. An own `toString` would make `%s` call it instead, so such a literal does not count.
 */
function isInspectedLiteral(file: FileContext, node: TSESTree.Node): boolean {
  let value = unwrapExpression(node);
  if (value.type === 'Identifier') {
    const variable = file.scope.variableOf(value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = definition?.type === 'Variable' ? definition.node : undefined;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init === null || declarator.parent?.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') return false;
    value = unwrapExpression(declarator.init);
  }
  if (value.type === 'ArrayExpression') return true;
  return value.type === 'ObjectExpression' && !value.properties.some((property) => property.type === 'Property' && staticPropertyName(property) === 'toString');
}
