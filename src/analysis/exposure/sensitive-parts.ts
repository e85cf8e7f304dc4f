/**
 * The parts of a response body that carry credentials of stored records: a password hash, salt or one-time
 * secret copied from a record (`{ password: user.password }`, `result.password = saved.password`), and a
 * whole record of an account-like model fetched with no projection (`res.json(await User.findOne(...))`),
 * which serializes every column, the password hash included. Read through object and array literals,
 * spreads, local variables and the properties later assigned to them, and the value a `.then` callback receives.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import { assignedValues } from './leaked-parts.js';

export interface SensitivePart {
  readonly kind: 'secret-field' | 'whole-record';
  readonly node: TSESTree.Node;
  /** `password`, or the model name (`User`). */
  readonly name: string;
}

/** Fields that hold a credential rather than describe the account. */
const SECRET_FIELD = /^(?:password|passwd|password_?hash|hashed_?password|encrypted_?password|password_?digest|(?:otp|totp|mfa|two_?factor)_?secret)$/i;
/** Models whose records hold their users' credentials. */
const ACCOUNT_MODEL = /^(?:users?|accounts?|admins?|members?|customers?|employees?)$/i;
/** ORM calls that fetch whole records (Sequelize, Mongoose, TypeORM, Prisma, MikroORM). */
const FIND_METHODS: ReadonlySet<string> = new Set(['find', 'findOne', 'findAll', 'findById', 'findByPk', 'findOneBy', 'findBy', 'findUnique', 'findFirst', 'findMany', 'findAndCountAll', 'findOneOrFail', 'findByIdAndUpdate', 'findOneAndUpdate']);
/** Option names that choose the columns (Sequelize `attributes`, TypeORM/Prisma `select`, Prisma `omit`, MongoDB `projection`). */
const PROJECTION_OPTIONS = ['attributes', 'select', 'omit', 'projection'];
/** Chained calls that choose or reshape the columns (`.select('-password')`, `.project({...})`). */
const PROJECTION_METHODS: ReadonlySet<string> = new Set(['select', 'project', 'projection', 'omit', 'toJSON', 'toObject', 'map']);

const MAX_VARIABLE_DEPTH = 3;
const MAX_NODES = 400;

interface Walk {
  readonly file: FileContext;
  readonly parts: SensitivePart[];
  readonly variables: Set<VariableLike>;
  nodes: number;
}

export function sensitiveParts(file: FileContext, body: TSESTree.Node): SensitivePart[] {
  const walk: Walk = { file, parts: [], variables: new Set(), nodes: 0 };
  visit(walk, body, 0);
  return walk.parts;
}

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** `at`: where a whole record is reported, the variable in the body rather than the query it was read from. */
function visit(walk: Walk, node: TSESTree.Node, depth: number, at: TSESTree.Node | null = null): void {
  walk.nodes += 1;
  if (walk.nodes > MAX_NODES) return;
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') return visitIdentifier(walk, value, depth, at ?? value);
  if (value.type === 'MemberExpression') return visitMember(walk, value);
  if (value.type === 'AwaitExpression') return visitRecordQuery(walk, value.argument, at ?? value);
  if (value.type === 'ObjectExpression') {
    for (const property of value.properties) {
      if (property.type === 'SpreadElement') visit(walk, property.argument, depth);
      else if (property.value.type !== 'AssignmentPattern') visit(walk, property.value, depth);
    }
  }
  if (value.type === 'ArrayExpression') for (const element of value.elements) if (element !== null) visit(walk, element.type === 'SpreadElement' ? element.argument : element, depth);
  if (value.type === 'ConditionalExpression') {
    visit(walk, value.consequent, depth);
    visit(walk, value.alternate, depth);
  }
  if (value.type === 'LogicalExpression') visit(walk, value.right, depth);
}

/** `user.password`, `result[0].passwordHash`: a credential field read from a value (not a literal), copied into the body. */
function visitMember(walk: Walk, member: TSESTree.MemberExpression): void {
  const name = staticPropertyName(member);
  if (name !== null && SECRET_FIELD.test(name)) walk.parts.push({ kind: 'secret-field', node: member, name });
}

function visitIdentifier(walk: Walk, identifier: TSESTree.Identifier, depth: number, at: TSESTree.Node): void {
  const variable = walk.file.scope.variableOf(identifier);
  if (variable === null || depth >= MAX_VARIABLE_DEPTH || walk.variables.has(variable)) return;
  walk.variables.add(variable);
  const definition = variable.defs[0];
  if (variable.defs.length === 1 && definition?.type === 'Parameter') return visitThenParameter(walk, definition.node as TSESTree.FunctionLike, definition.name, at);
  for (const assigned of assignedValues(variable)) visit(walk, assigned, depth + 1, isPropertyWrite(assigned) ? null : at);
}

/** `result.user = user`: a record put into an object is reported where it is put, once for every response that sends the object. */
function isPropertyWrite(value: TSESTree.Node): boolean {
  const parent = value.parent;
  return parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression';
}

/** `User.findAll().then((users) => res.json(users))`: the callback's first parameter is the query's result. */
function visitThenParameter(walk: Walk, fn: TSESTree.FunctionLike, parameter: TSESTree.Node, at: TSESTree.Node): void {
  if (!('params' in fn) || fn.params[0] !== parameter) return;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'then') return;
  visitRecordQuery(walk, callee.object, at);
}

/** A find call on an account-like model with no projection anywhere on its chain. */
function visitRecordQuery(walk: Walk, query: TSESTree.Node, at: TSESTree.Node): void {
  let current = unwrapExpression(query);
  for (let links = 0; links < 8 && current.type === 'CallExpression'; links += 1) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== 'MemberExpression') return;
    const method = staticPropertyName(callee) ?? '';
    if (PROJECTION_METHODS.has(method)) return;
    if (FIND_METHODS.has(method)) {
      const model = modelName(callee.object);
      if (model === null || !ACCOUNT_MODEL.test(model) || hasProjection(current)) return;
      walk.parts.push({ kind: 'whole-record', node: at, name: model });
      return;
    }
    current = unwrapExpression(callee.object);
  }
}

/** `User`, `db.User`, `prisma.user`, `this.userRepository` (`userRepository` → `user`), `getRepository(User)`. */
function modelName(receiver: TSESTree.Node): string | null {
  const value = unwrapExpression(receiver);
  const name = value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? staticPropertyName(value) : null;
  if (name !== null) return name.replace(/(?:Repository|Repo|Model|Collection)$/, '');
  if (value.type === 'CallExpression') {
    const argument = value.arguments[0];
    return argument?.type === 'Identifier' ? argument.name : null;
  }
  return null;
}

function hasProjection(call: TSESTree.CallExpression): boolean {
  const [first, second] = call.arguments;
  // Mongoose `find(filter, 'name email')` / `find(filter, { password: 0 })`: the second argument is the projection.
  if (second !== undefined && second.type !== 'SpreadElement') return true;
  const options = first === undefined ? null : unwrapExpression(first);
  return options?.type === 'ObjectExpression' && PROJECTION_OPTIONS.some((name) => findProperty(options, name) !== null);
}
