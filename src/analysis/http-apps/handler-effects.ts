/**
 * What a hand-written middleware or handler does, read from its body with the framework's handler shape:
 * does it answer 429 (`res.status(429)`, `ctx.status = 429`, `reply.code(429)`), count requests against a
 * modeled limiter (`limiter.consume(key)`), set security headers by hand, check a password against its stored hash
 * (`bcrypt.compare`, `argon2.verify`: the route then takes guesses whatever its path), or hand the request to code the
 * analysis cannot see (then the rules assume it might do any of these)? Helpers it calls with the request or
 * response are followed a few levels into project code.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { VariableLike } from '../scope/scope-types.js';
import { SECURITY_HEADER_NAMES, TOO_MANY_REQUESTS, type HttpFrameworkShape, type ResponseCall } from '../../models/frameworks/http-shape.js';
import { isLibraryOrGlobal } from './container-events.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { FunctionNode, HandlerEffects } from './http-types.js';
import { descendants, memberChain, parameterIdentifier, sameMembers } from './syntax.js';

/** Helpers called with the request are followed this deep. */
const MAX_HELPER_DEPTH = 3;
/** A handler body is read this far. */
const MAX_HANDLER_NODES = 20_000;

interface Findings {
  answers: boolean;
  checks: boolean;
  delegates: boolean;
  verifiesPassword: boolean;
  readonly headers: Set<string>;
}

/** A password-hash row that checks a password (`compare`, `verify`) rather than deriving a hash. */
const PASSWORD_CHECK_API = /\b(?:compare|verify)(?:Sync)?$/;

export function analyzeHandler(facts: HttpAppFacts, fn: FunctionNode, responseParameter: number, shape: HttpFrameworkShape, depth: number): HandlerEffects {
  const scope = facts.file.scope;
  const responseIdentifier = parameterIdentifier(fn, responseParameter);
  const response = responseIdentifier === null ? null : scope.variableOf(responseIdentifier);
  const parameters = new Set<VariableLike>();
  fn.params.forEach((_, index) => {
    const identifier = parameterIdentifier(fn, index);
    const variable = identifier === null ? null : scope.variableOf(identifier);
    if (variable !== null) parameters.add(variable);
  });
  const found: Findings = { answers: false, checks: false, delegates: false, verifiesPassword: false, headers: new Set() };
  for (const node of descendants(fn.body, MAX_HANDLER_NODES)) {
    if (node.type === 'CallExpression') readCall(facts, node, { response, parameters, shape, depth }, found);
    else if (node.type === 'AssignmentExpression' && response !== null && isStatusAssignment(facts, node, response, shape)) found.answers = true;
  }
  return { answersTooManyRequests: found.answers, checksRateLimit: found.checks, securityHeaders: [...found.headers], delegatesToUnknown: found.delegates, verifiesPassword: found.verifiesPassword };
}

interface HandlerScope {
  readonly response: VariableLike | null;
  readonly parameters: ReadonlySet<VariableLike>;
  readonly shape: HttpFrameworkShape;
  readonly depth: number;
}

function readCall(facts: HttpAppFacts, call: TSESTree.CallExpression, handler: HandlerScope, found: Findings): void {
  const concepts = facts.file.concepts;
  if (concepts.callTo(call, 'rate-limit-check') !== null || concepts.valueIs(call.callee, 'rate-limiter') !== null) {
    found.checks = true;
    return;
  }
  if (concepts.callsTo(call, 'password-hash').some((site) => site.row.workFactors.length === 0 && PASSWORD_CHECK_API.test(site.api))) found.verifiesPassword = true;
  const chain = memberChain(call.callee);
  const root = chain === null ? null : facts.file.scope.variableOf(chain.root);
  if (chain !== null && root !== null && root === handler.response) {
    const { statusCalls, headerCalls } = handler.shape.handler;
    if (matching(statusCalls, chain.members).some((form) => isTooManyRequests(facts, call.arguments[form.argument]))) found.answers = true;
    for (const form of matching(headerCalls, chain.members)) for (const name of headerNames(facts, call.arguments[form.argument])) found.headers.add(name);
    return;
  }
  if (root !== null && handler.parameters.has(root)) return; // `next()`, `req.get()`
  const passed = call.arguments.findIndex((argument) => argument.type === 'Identifier' && isParameter(facts, argument, handler.parameters));
  if (passed < 0) return;
  followHelper(facts, call, handler, found);
}

/** `checkAttempts(req, res)`: follow the helper into project code, or give up on it. */
function followHelper(facts: HttpAppFacts, call: TSESTree.CallExpression, handler: HandlerScope, found: Findings): void {
  const declaration = facts.declarationOf(call.callee);
  if (declaration?.kind === 'function' && handler.depth < MAX_HELPER_DEPTH) {
    const responseIndex = handler.response === null ? -1 : call.arguments.findIndex((argument) => argument.type === 'Identifier' && facts.file.scope.variableOf(argument) === handler.response);
    const effects = declaration.facts.handlerEffects(declaration.node, responseIndex, handler.shape, handler.depth + 1);
    found.answers ||= effects.answersTooManyRequests;
    found.checks ||= effects.checksRateLimit;
    found.delegates ||= effects.delegatesToUnknown;
    found.verifiesPassword ||= effects.verifiesPassword;
    for (const name of effects.securityHeaders) found.headers.add(name);
    return;
  }
  if (!isLibraryOrGlobal(call.callee, facts)) found.delegates = true;
}

function isParameter(facts: HttpAppFacts, identifier: TSESTree.Identifier, parameters: ReadonlySet<VariableLike>): boolean {
  const variable = facts.file.scope.variableOf(identifier);
  return variable !== null && parameters.has(variable);
}

function matching(forms: readonly ResponseCall[], members: readonly string[]): ResponseCall[] {
  return forms.filter((form) => sameMembers(form.member, members));
}

function isStatusAssignment(facts: HttpAppFacts, assignment: TSESTree.AssignmentExpression, response: VariableLike, shape: HttpFrameworkShape): boolean {
  const chain = memberChain(assignment.left);
  if (chain === null || facts.file.scope.variableOf(chain.root) !== response) return false;
  return shape.handler.statusAssignments.some((members) => sameMembers(members, chain.members)) && isTooManyRequests(facts, assignment.right);
}

function isTooManyRequests(facts: HttpAppFacts, node: TSESTree.Node | undefined): boolean {
  if (node === undefined || node.type === 'SpreadElement') return false;
  const value = facts.file.values.valueOf(node)?.value;
  return value === TOO_MANY_REQUESTS || value === String(TOO_MANY_REQUESTS);
}

/** Security header names set by a header call's argument: a name, or the keys of an object of headers. */
function headerNames(facts: HttpAppFacts, node: TSESTree.Node | undefined): string[] {
  if (node === undefined || node.type === 'SpreadElement') return [];
  const value = unwrapExpression(node);
  const names: string[] = [];
  if (value.type === 'ObjectExpression') {
    for (const property of value.properties) if (property.type === 'Property') names.push(staticPropertyName(property) ?? '');
  } else {
    const folded = facts.file.values.valueOf(value)?.value;
    if (typeof folded === 'string') names.push(folded);
    else if (typeof folded === 'object' && folded !== null) names.push(...Object.keys(folded));
  }
  return names.map((name) => name.toLowerCase()).filter((name) => SECURITY_HEADER_NAMES.has(name));
}
