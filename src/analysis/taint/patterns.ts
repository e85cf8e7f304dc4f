/** Destructuring patterns as member paths: in `const { query: { id } } = req`, `id` is `req.query.id`. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName } from '../node-shapes.js';

/** Member names from a pattern's root down to `target` (`[]` when the pattern is `target`); null through rest elements or computed keys. */
export function patternPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] | null {
  if (pattern === target) return [];
  switch (pattern.type) {
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const rest = patternPath(property.value, target);
        if (rest === null) continue;
        const key = staticPropertyName(property);
        return key === null ? null : [key, ...rest];
      }
      return null;
    case 'ArrayPattern':
      for (let index = 0; index < pattern.elements.length; index += 1) {
        const element = pattern.elements[index];
        if (element === null || element === undefined) continue;
        const rest = patternPath(element, target);
        if (rest !== null) return [String(index), ...rest];
      }
      return null;
    case 'AssignmentPattern':
      return patternPath(pattern.left, target);
    case 'TSParameterProperty':
      return patternPath(pattern.parameter, target);
    default:
      return null;
  }
}
