/**
 * Query templates a library fills with values itself (pg-promise's `$1`, `${name}`, `$1:raw`): which value node
 * each placeholder takes, and with which modifier. A template that does not fold to constant strings gives
 * null (nothing is known, so nothing is claimed); a values argument rampart cannot take apart stands whole for
 * each placeholder.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { PlaceholderSyntax } from '../../models/concepts.js';
import { findProperty, unwrapExpression } from '../node-shapes.js';

export interface FilledPlaceholder {
  /** The value that fills the placeholder (an array element, an object property, or the whole values argument). */
  readonly value: TSESTree.Node;
  readonly modifier: string;
}

/** Placeholders read per template: a generated template longer than this is read no further. */
const MAX_PLACEHOLDERS = 64;

export function filledPlaceholders(
  file: FileContext,
  template: TSESTree.Node | undefined,
  values: TSESTree.Node | undefined,
  syntax: PlaceholderSyntax,
): FilledPlaceholder[] | null {
  if (template === undefined || template.type === 'SpreadElement') return null;
  const texts = file.values.possibleValues(template);
  if (texts === null || texts.some((text) => typeof text !== 'string')) return null;
  const filled: FilledPlaceholder[] = [];
  if (values === undefined || values.type === 'SpreadElement') return filled;
  // Compiled per call (only calls of a formatting library get here): no regex cache outlives the run.
  const pattern = new RegExp(syntax.pattern, 'g');
  for (const text of texts as string[]) {
    for (const match of text.matchAll(pattern)) {
      if (filled.length >= MAX_PLACEHOLDERS) return filled;
      const modifier = match.groups?.['modifier'] ?? '';
      const position = match.groups?.['position'];
      const name = match.groups?.['name'];
      const value = position !== undefined ? positionalValue(file, values, Number(position)) : name !== undefined ? namedValue(file, values, name) : null;
      if (value !== null) filled.push({ value, modifier });
    }
  }
  return filled;
}

/** `$2` takes element 1 of an array literal; a value that is no array literal is `$1` itself (or unknown). */
function positionalValue(file: FileContext, values: TSESTree.Node, position: number): TSESTree.Node | null {
  const literal = literalOf(file, values);
  if (literal?.type === 'ArrayExpression') {
    if (literal.elements.some((element) => element?.type === 'SpreadElement')) return values;
    return literal.elements[position - 1] ?? null;
  }
  if (literal?.type === 'ObjectExpression') return null;
  return values;
}

/** `${user.name}` takes property `user` of an object literal (what it spreads when absent), else the whole values. */
function namedValue(file: FileContext, values: TSESTree.Node, name: string): TSESTree.Node | null {
  const literal = literalOf(file, values);
  if (literal?.type === 'ArrayExpression') return null;
  if (literal?.type !== 'ObjectExpression') return values;
  const head = name.split('.')[0] ?? name;
  const property = findProperty(literal, head);
  if (property !== null) return property.value;
  return literal.properties.some((entry) => entry.type === 'SpreadElement') ? values : null;
}

function literalOf(file: FileContext, node: TSESTree.Node): TSESTree.ArrayExpression | TSESTree.ObjectExpression | null {
  const value = unwrapExpression(node);
  if (value.type === 'ArrayExpression' || value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return null;
  const variable = file.scope.variableOf(value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.init === null) return null;
  if (variable?.references.some((reference) => reference.isWrite() && reference.init !== true) === true) return null;
  const init = unwrapExpression(definition.node.init);
  return init.type === 'ArrayExpression' || init.type === 'ObjectExpression' ? init : null;
}
