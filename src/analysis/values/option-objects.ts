/**
 * The object literals an options argument can be, and what they set under one name: the argument followed
 * through `const` bindings, spreads and imports (StaticValues), into both branches of a conditional
 * (`ssl: isProduction ? { rejectUnauthorized: false } : false`) and of `||`/`??`, and down a dotted path of
 * nested options (`dialectOptions.ssl`). Each object is reported with the folding of the file it is spelled
 * in, so a caller can tell a setting written here from one imported.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../node-shapes.js';
import type { StaticValues, ValuePlace } from './static-values.js';

/** Bounds the branches followed: options objects are small, and a hostile file must not fan out. */
const MAX_OBJECTS = 16;
const MAX_DEPTH = 8;

/** Every object literal `node` may evaluate to, through bindings, imports and branches. */
export function objectPlaces(node: TSESTree.Node, values: StaticValues, depth = 0): ValuePlace[] {
  if (depth > MAX_DEPTH) return [];
  const place = values.placeOf(node);
  if (place === null) return [];
  const expression = unwrapExpression(place.node);
  switch (expression.type) {
    case 'ObjectExpression':
      return [{ node: expression, values: place.values }];
    case 'ConditionalExpression':
      return bounded([...objectPlaces(expression.consequent, place.values, depth + 1), ...objectPlaces(expression.alternate, place.values, depth + 1)]);
    case 'LogicalExpression':
      return bounded([...objectPlaces(expression.left, place.values, depth + 1), ...objectPlaces(expression.right, place.values, depth + 1)]);
    default:
      return [];
  }
}

/** The objects found at dotted `path` below `node` (`''`: `node`'s own objects). */
export function nestedObjectPlaces(node: TSESTree.Node, path: string | undefined, values: StaticValues): ValuePlace[] {
  let current = objectPlaces(node, values);
  for (const name of path === undefined || path === '' ? [] : path.split('.')) {
    const next: ValuePlace[] = [];
    for (const object of current) {
      const found = object.values.propertyPlace(object.node, name);
      if (found.kind === 'found') next.push(...objectPlaces(found.place.node, found.place.values));
    }
    current = bounded(next);
  }
  return current;
}

/** An option set in one of those objects: where its value is spelled, and every constant it may take (null: unknown). */
export interface OptionSetting {
  readonly place: ValuePlace;
  readonly possible: readonly unknown[] | null;
}

export function optionSetting(object: ValuePlace, name: string): OptionSetting | null {
  const found = object.values.propertyPlace(object.node, name);
  if (found.kind !== 'found') return null;
  return { place: found.place, possible: found.place.values.possibleValues(found.place.node) };
}

function bounded(places: ValuePlace[]): ValuePlace[] {
  return places.length > MAX_OBJECTS ? places.slice(0, MAX_OBJECTS) : places;
}
