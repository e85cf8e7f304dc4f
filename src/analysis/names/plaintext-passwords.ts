/**
 * Where a password is still the password: a name that says so and nothing hashed it on the way. Used by the
 * plaintext-password rule to tell `req.body.password` and `user.password` from `hashedPassword` and
 * `await bcrypt.hash(password, 12)`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { identifierWords } from '../../models/secret-names.js';
import { PROTECTED_PASSWORD_WORDS } from '../../models/credential-defaults.js';
import { isReassigned, type ScopeFacts } from '../scope/scope-facts.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import { securityRoleOf } from './security-names.js';

/** Request parts a presented password arrives in. */
const PRESENTED_KINDS: ReadonlySet<string> = new Set(['body', 'query', 'parameter', 'header', 'cookie', 'url']);

/** `password`, `newPassword`, `pwd`: a plaintext password, not `passwordHash`, `hashedPassword` or `passwordField`. */
export function namesPlainPassword(name: string): boolean {
  return securityRoleOf(name) === 'password' && !identifierWords(name).some((word) => PROTECTED_PASSWORD_WORDS.has(word));
}

/** The name of a value written as a name (`password`, `req.body.password`), or null for calls, literals and the rest. */
export function plainPasswordName(node: TSESTree.Node): string | null {
  const value = unwrapExpression(node);
  const name = value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? staticPropertyName(value) : null;
  return name !== null && namesPlainPassword(name) ? name : null;
}

/**
 * True when a password-named identifier holds what it was first given without a call in between: a parameter,
 * a destructured request field, `const password = req.body.password`. False for `const password = await
 * hash(...)` and for variables assigned again later (one of the writes may hash it).
 */
export function isUntransformed(scope: ScopeFacts, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== 'Identifier') return value.type === 'MemberExpression';
  const variable = scope.variableOf(value);
  if (variable === null) return true;
  if (isReassigned(variable)) return false;
  const definition = variable.defs[0];
  if (definition === undefined || definition.node.type !== 'VariableDeclarator') return true;
  const init = definition.node.init === null ? null : unwrapExpression(definition.node.init);
  return init === null || init.type === 'Identifier' || init.type === 'MemberExpression';
}

/** The request part a flow starts at is one a client presents a password in (not the environment or argv). */
export function isPresentedInput(kind: string): boolean {
  return PRESENTED_KINDS.has(kind);
}
