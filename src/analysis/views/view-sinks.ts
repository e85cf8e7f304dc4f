/**
 * View outputs as taint sinks. At `res.render(name, locals)` (a `view-render` row), every output of the named
 * view and its includes that escaping does not cover reads a locals path: the site is the locals argument read
 * at that path, and `res.locals` writes on the same response and `app.locals` writes on the file's apps (Express
 * merges the three, the render's own locals winning). Sites carry the view output as their artifact: the CLI
 * reports in the view, ESLint at the site's `reportAt` (the local's value in the call, or the view name).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { ViewRenderRow } from '../../models/concepts.js';
import type { ApiCall } from '../concepts/concept-queries.js';
import { findProperty, staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import type { TemplateOutput, ViewFile } from './template-types.js';

/** The view output a sink site writes to. */
export interface ViewArtifact {
  readonly view: ViewFile;
  readonly output: TemplateOutput;
}

export interface ViewSite {
  readonly target: TSESTree.Node;
  readonly path: readonly string[];
  readonly api: string;
  readonly reportAt: TSESTree.Node;
  readonly artifact: ViewArtifact;
}

/** A `locals` write: `res.locals.user = v` (name `user`), or `res.locals = { ... }` (name null: the whole object). */
interface LocalsWrite {
  readonly name: string | null;
  readonly value: TSESTree.Node;
}

const MAX_CHAIN = 8;

/** Sites of the view outputs in `context` (`html`: unescaped, `url`: whole URL attributes) this render call feeds. */
export function viewSites(file: FileContext, match: ApiCall<ViewRenderRow>, context: 'html' | 'url'): ViewSite[] {
  const catalog = file.project.views;
  const call = match.call;
  if (catalog === null || call.type !== 'CallExpression') return [];
  const nameArgument = call.arguments[match.row.argument];
  if (nameArgument === undefined || nameArgument.type === 'SpreadElement') return [];
  const names = file.values.possibleValues(nameArgument)?.filter((value): value is string => typeof value === 'string') ?? [];
  const given = call.arguments[match.row.locals];
  const locals = given === undefined || given.type === 'SpreadElement' || isFunction(given) ? null : given;
  const writes = [...responseLocalsWrites(file, call), ...appLocalsWrites(file)];
  // Cheap first: locals that hold nothing from a request or a parameter need no view read.
  if (names.length === 0 || ![...(locals === null ? [] : [locals]), ...writes.map((write) => write.value)].some((value) => file.taint.evaluator.valueOf(value, 0).length > 0)) return [];
  const sites: ViewSite[] = [];
  for (const name of names) {
    for (const rendered of catalog.viewsRendered(file, name)) {
      for (const output of rendered.outputs) {
        if ((output.context === 'html') !== (context === 'html')) continue;
        const artifact = { view: rendered.file, output };
        const api = `view ${rendered.file.path}`;
        const [head, ...rest] = output.path;
        if (head === undefined) continue;
        if (locals !== null) sites.push({ target: locals, path: output.path, api, reportAt: localAnchor(locals, head), artifact });
        if (locals !== null && setsLocal(locals, head)) continue; // the render's own local wins over res.locals and app.locals
        for (const write of writes) {
          if (write.name === null) sites.push({ target: write.value, path: output.path, api, reportAt: nameArgument, artifact });
          else if (write.name === head) sites.push({ target: write.value, path: rest, api, reportAt: nameArgument, artifact });
        }
      }
    }
  }
  return sites;
}

/** The value of local `name` in an object-literal locals argument, else the argument itself. */
function localAnchor(locals: TSESTree.Node, name: string): TSESTree.Node {
  const object = unwrapExpression(locals);
  return object.type === 'ObjectExpression' ? (findProperty(object, name)?.value ?? locals) : locals;
}

function setsLocal(locals: TSESTree.Node, name: string): boolean {
  const object = unwrapExpression(locals);
  return object.type === 'ObjectExpression' && !object.properties.some((property) => property.type === 'SpreadElement') && findProperty(object, name) !== null;
}

function isFunction(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression';
}

/** `res.locals` writes on the response variable the render is called on (`res.status(200).render(...)` included). */
function responseLocalsWrites(file: FileContext, call: TSESTree.CallExpression): LocalsWrite[] {
  let receiver: TSESTree.Node = unwrapExpression(call.callee);
  for (let step = 0; step < MAX_CHAIN && (receiver.type === 'MemberExpression' || receiver.type === 'CallExpression'); step += 1) {
    receiver = unwrapExpression(receiver.type === 'MemberExpression' ? receiver.object : receiver.callee);
  }
  const variable = receiver.type === 'Identifier' ? file.scope.variableOf(receiver) : null;
  return variable === null ? [] : localsWrites(variable);
}

/** `app.locals` writes on the apps this file creates. */
function appLocalsWrites(file: FileContext): LocalsWrite[] {
  const writes: LocalsWrite[] = [];
  const global = file.scopeManager.globalScope;
  const scopes = global === null ? [] : [global, ...global.childScopes.filter((scope) => scope.type === 'module')];
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      const found = localsWrites(variable);
      const first = variable.references[0];
      if (found.length > 0 && first !== undefined && file.concepts.valueIs(first.identifier, 'http-app') !== null) writes.push(...found);
    }
  }
  return writes;
}

function localsWrites(variable: VariableLike): LocalsWrite[] {
  const writes: LocalsWrite[] = [];
  for (const reference of variable.references) {
    const locals = reference.identifier.parent;
    if (locals?.type !== 'MemberExpression' || locals.object !== reference.identifier || staticPropertyName(locals) !== 'locals') continue;
    const parent = locals.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === locals && parent.operator === '=') writes.push({ name: null, value: parent.right });
    else if (parent?.type === 'MemberExpression' && parent.object === locals) {
      const assignment = parent.parent;
      const name = staticPropertyName(parent);
      if (name !== null && assignment?.type === 'AssignmentExpression' && assignment.left === parent && assignment.operator === '=') writes.push({ name, value: assignment.right });
    }
  }
  return writes;
}
