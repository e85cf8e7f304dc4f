/**
 * What: responses that hand out stored credentials: a password hash or one-time secret copied from a record
 * into the body (`result.password = saved.password; res.send(result)`, a GraphQL resolver returning
 * `{ password: user.password }`), and a whole record of an account-like model (User, Account, Admin, Member,
 * Customer) fetched with no projection and sent as is (`res.json(await User.findOne(...))`,
 * `User.findAll().then((users) => res.json({ users }))`), which serializes every column, the hash included.
 * Why: a leaked hash can be cracked offline and reused; a one-time secret lets anyone mint the user's codes.
 * Quiet on: projections (`attributes`, `select`, `omit`, a Mongoose projection, `.select('-password')`),
 * records turned into DTOs (`toJSON()`, picked fields, `map`), other models, request data echoed, test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { proxyResultBody, responseBodiesAt, responseBodyWrite, type ResponseBody } from '../src/analysis/exposure/response-bodies.js';
import { sensitiveParts } from '../src/analysis/exposure/sensitive-parts.js';
import { isFunctionNode } from '../src/analysis/node-shapes.js';
import { isResolverArgument } from '../src/analysis/taint/graphql-resolvers.js';
import type { FunctionNode } from '../src/analysis/taint/taint-types.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'secretField' | 'wholeRecord';

export const sensitiveDataExposure = defineRule<MessageId>({
  id: 'sensitive-data-exposure',
  title: 'Password hashes or whole account records sent in a response',
  cwe: ['CWE-200'],
  owasp: { 2021: ['A01:2021'], 2025: ['A01:2025'] },
  severity: 'high',
  precision: 'medium',
  help: 'Send a response object with the fields the client needs (a DTO or presenter), select columns in the query (`attributes`, `select`, `.select(\'-password\')`), or mark credential columns `select: false` / strip them in `toJSON`.',
  messages: {
    secretField: '{{api}} sends `{{field}}` of a stored record to the client; leave credentials out of responses and send only the fields the client needs.',
    wholeRecord: '{{api}} sends whole `{{model}}` records fetched with no projection, password hash included; select the columns or map the record to a response object instead.',
  },
  appliesTo: (file) => !isTestPath(file.path),
  create: (context) => {
    const reported = new Set<TSESTree.Node>();
    const check = (response: ResponseBody | null): void => {
      if (response !== null) checkBody(context, response.body, response.api, reported);
    };
    const checkCall = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      for (const response of responseBodiesAt(context.taint, call)) check(response);
    };
    return {
      CallExpression: checkCall,
      NewExpression: checkCall,
      AssignmentExpression: (write) => check(responseBodyWrite(context.taint, write)),
      ObjectExpression: (object) => check(proxyResultBody(context.file, object)),
      ReturnStatement: (statement) => {
        const fn = enclosingFunction(statement);
        if (statement.argument !== null && fn !== null && isResolver(context, fn)) checkBody(context, statement.argument, 'the GraphQL resolver', reported);
      },
    };
  },
});

function checkBody(context: RuleContext<MessageId>, body: TSESTree.Node, api: string, reported: Set<TSESTree.Node>): void {
  for (const part of sensitiveParts(context.file, body)) {
    if (reported.has(part.node)) continue;
    reported.add(part.node);
    if (part.kind === 'secret-field') context.report({ node: part.node, messageId: 'secretField', data: { api, field: part.name } });
    else context.report({ node: part.node, messageId: 'wholeRecord', data: { api, model: part.name } });
  }
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current !== undefined && current !== null; current = current.parent) {
    if (isFunctionNode(current)) return current as FunctionNode;
  }
  return null;
}

/** A resolver of a GraphQL resolver map (its arguments are its first or second parameter). */
function isResolver(context: RuleContext<MessageId>, fn: FunctionNode): boolean {
  return isResolverArgument(context.file, fn, 1) || isResolverArgument(context.file, fn, 0);
}
