/**
 * Sinks named by a global (`fetch(url)`, `console.log(x)`: models/libraries/web-globals.ts), resolved to the
 * real global first (a local `fetch` or an imported `console` is not it), and the header-name condition of
 * rows that sink only one header (`res.setHeader('Location', url)`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ConceptKind, SanitizerKind } from '../../models/concepts.js';
import { GLOBAL_API_SINKS } from '../../models/libraries/web-globals.js';
import type { FileTaint } from './file-taint.js';
import { formattedParts } from './format-strings.js';
import type { CallNode } from './function-facts.js';

/**
 * The arguments of a global sink call that must not carry request data unsanitized for `kind`. A row whose
 * arguments are formatted first (console.* with util.format) sinks only what the format writes as it is:
 * `console.log('%j', x)` and `console.log('user', { name })` write escaped text.
 */
export function globalApiSinks(taint: FileTaint, call: CallNode, concept: ConceptKind, kind: SanitizerKind): Array<{ target: TSESTree.Node; api: string }> {
  if (call.type !== 'CallExpression') return [];
  const callee = unwrapExpression(call.callee);
  const head = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : callee;
  const member = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  if (head.type !== 'Identifier' || !taint.file.scope.isGlobalReference(head)) return [];
  const sites: Array<{ target: TSESTree.Node; api: string }> = [];
  for (const row of GLOBAL_API_SINKS) {
    if (row.concept !== concept || row.global !== head.name) continue;
    if ((row.members === undefined) !== (member === null) || (member !== null && row.members?.includes(member) !== true)) continue;
    const api = member === null ? head.name : `${head.name}.${member}`;
    if (row.format !== undefined) {
      for (const part of formattedParts(taint.file, call.arguments, 0, row.format)) if (!part.cleanFor.includes(kind)) sites.push({ target: part.node, api });
      continue;
    }
    const targets = row.argument === 'all' ? call.arguments : call.arguments.slice(row.argument, row.argument + 1);
    for (const target of targets) if (target.type !== 'SpreadElement') sites.push({ target, api });
  }
  return sites;
}

/** True when the call's argument 0 folds to the header `name` (header names are case-insensitive). */
export function setsHeaderNamed(taint: FileTaint, call: CallNode, name: string): boolean {
  const first = call.arguments[0];
  const value = first === undefined ? null : taint.file.values.stringOf(first);
  return value !== null && value.toLowerCase() === name.toLowerCase();
}
