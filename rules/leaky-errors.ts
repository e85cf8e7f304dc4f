/**
 * What: a response that tells the client about the server: a caught error's stack (`res.send(err.stack)`, a
 * Lambda result `{ body: err.stack }`), the caught error object itself (`res.json(err)`, `{ error: err }`:
 * serialized with every enumerable field a driver or child process put there), the message of a caught error
 * answered with a 5xx status (an error the app did not write: SQL, file system, upstream text), the whole
 * `process.env`, and the server's paths (`__filename`, `__dirname`, `process.cwd()`); and the `errorhandler`
 * middleware installed without a development check. Express, node:http, Fastify, Hono, Koa, NestJS exceptions,
 * API Gateway proxy results.
 * Why: stack traces, driver errors and paths map the code, its libraries and versions for an attacker, and the
 * environment holds the server's secrets (CWE-209, CWE-497).
 * Quiet on: generic messages, messages of 4xx answers and of errors the code tested first (`instanceof`,
 * `err.expose`, `err.status`), details under a NODE_ENV/`isDev` check, Fastify's own error serializer for
 * `reply.send(err)`, logging, test files.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { leakedParts, type LeakedPart, type LeakKind } from '../src/analysis/exposure/leaked-parts.js';
import { isServerError, proxyResultBody, responseBodiesAt, responseBodyWrite, type ResponseBody } from '../src/analysis/exposure/response-bodies.js';
import { isEnvironmentGuarded, isErrorClassified } from '../src/analysis/exposure/response-guards.js';
import { unwrapExpression } from '../src/analysis/node-shapes.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'environment' | 'stack' | 'errorObject' | 'errorMessage' | 'filePath' | 'devErrorPage';

const MESSAGE_OF: Readonly<Record<LeakKind, MessageId>> = {
  environment: 'environment',
  stack: 'stack',
  'error-object': 'errorObject',
  'error-message': 'errorMessage',
  'file-path': 'filePath',
};
/** One finding per response: the part that tells the most. */
const RANK: readonly LeakKind[] = ['environment', 'stack', 'error-object', 'error-message', 'file-path'];

export const leakyErrors = defineRule<MessageId>({
  id: 'leaky-errors',
  title: 'Stack traces, raw errors or server internals sent to the client',
  cwe: ['CWE-209', 'CWE-497'],
  owasp: { 2021: ['A05:2021', 'A04:2021'], 2025: ['A10:2025', 'A02:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Log the error on the server (with a request id) and answer with a fixed, generic message and status; send error details only in development, behind a NODE_ENV check.',
  messages: {
    environment: '{{api}} sends the whole `process.env` to the client, and with it every secret of the server\'s environment; send only the settings the client needs.',
    stack: '{{api}} sends the stack trace of `{{error}}` to the client; log it on the server and answer with a generic message instead.',
    errorObject: '{{api}} sends the caught error `{{error}}` itself, with every field the library put on it (driver codes, SQL text, command lines); log it and answer with a generic message instead.',
    errorMessage: '{{api}} answers a server error ({{status}}) with the message of `{{error}}`, text the app did not write (SQL, file system or upstream errors); log it and send a generic message instead.',
    filePath: '{{api}} sends `{{name}}`, a path of the server\'s file system, to the client; leave it out of responses.',
    devErrorPage: '`errorhandler()` answers errors with their stack and request details and is installed here without a development check; install it only when NODE_ENV is development.',
  },
  appliesTo: (file) => !isTestPath(file.path),
  create: (context) => {
    const reported = new Set<TSESTree.Node>();
    const check = (response: ResponseBody | null): void => {
      if (response !== null) checkResponse(context, response, reported);
    };
    const checkCall = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      for (const response of responseBodiesAt(context.taint, call)) check(response);
      if (call.type === 'CallExpression' && context.concepts.callTo(call, 'dev-error-page') !== null && !isEnvironmentGuarded(call)) {
        context.report({ node: call, messageId: 'devErrorPage' });
      }
    };
    return {
      CallExpression: checkCall,
      NewExpression: checkCall,
      AssignmentExpression: (write) => check(responseBodyWrite(context.taint, write)),
      ObjectExpression: (object) => check(proxyResultBody(context.file, object)),
    };
  },
});

function checkResponse(context: RuleContext<MessageId>, response: ResponseBody, reported: Set<TSESTree.Node>): void {
  if (isEnvironmentGuarded(response.body)) return;
  const parts = leakedParts(context.file, response.body).filter((part) => shows(context, part, response));
  const worst = RANK.map((kind) => parts.find((part) => part.kind === kind)).find((part) => part !== undefined);
  if (worst === undefined || reported.has(worst.node)) return;
  reported.add(worst.node);
  const error = worst.error?.variable.name ?? '';
  const name = worst.node.type === 'Identifier' ? worst.node.name : 'process.cwd()';
  const status = response.statuses.filter((value) => value >= 500).join(' or ');
  context.report({ node: worst.node, messageId: MESSAGE_OF[worst.kind], data: { api: response.api, error, name, status: `status ${status}` } });
}

/** Whether the client sees this part as a leak, given how the response is sent. */
function shows(context: RuleContext<MessageId>, part: LeakedPart, response: ResponseBody): boolean {
  if (isEnvironmentGuarded(part.node)) return false;
  // Fastify answers an Error given to `reply.send` through its error handler: status, name and message only.
  if (part.kind === 'error-object' && response.row?.errors === 'framework' && unwrapExpression(response.body) === part.node) return false;
  if (part.kind !== 'error-message') return true;
  if (!isServerError(response.statuses) || part.error === null) return false;
  return !isErrorClassified(context.file, part.node, part.error.variable) && !isErrorClassified(context.file, response.body, part.error.variable);
}
