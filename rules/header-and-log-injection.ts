/**
 * What: request data written into a plain-text log line (the global `console.log/info/warn/error/debug/trace`,
 * log4js) or into a response header value (Express `res.setHeader/set/header/append/writeHead`, node:http,
 * Koa `ctx.set/append`, Fastify `reply.header`, Hono `c.header`).
 * Why: a CR/LF in a log message starts a forged entry (CWE-117: a fake "login succeeded for admin" line, or
 * lines that hide an attack). In a header value it would split the response (CWE-113); Node 14+ rejects CR/LF
 * there with ERR_INVALID_CHAR, so on modern Node the request crashes the handler instead: a denial of service.
 * Both are the same bug (an unescaped line break in a line-based format), so one rule with two messages.
 * Quiet on: structured loggers (pino, bunyan, winston's default JSON format escape newlines), values passed
 * through a CR/LF strip (`.replace(/[\r\n]/g, '')`), `JSON.stringify`, `encodeURIComponent`, numbers,
 * allow-listed values, constants, and a local `console` that is not the global.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { combineSinkListeners, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'log' | 'logElsewhere' | 'header' | 'headerElsewhere';

export const headerAndLogInjection = defineRule<MessageId>({
  id: 'header-and-log-injection',
  title: 'Log line or response header written from request data',
  cwe: ['CWE-117', 'CWE-113', 'CWE-93'],
  owasp: { 2021: ['A09:2021', 'A03:2021'], 2025: ['A09:2025', 'A05:2025'] },
  severity: 'low',
  precision: 'medium',
  help: 'Strip CR and LF before logging or setting a header (`value.replace(/[\\r\\n]/g, "")`), or log with a structured (JSON) logger such as pino.',
  messages: {
    log: '{{api}} writes {{source}} into a log line; a CR/LF in it forges log entries. Strip line breaks or log structured data.',
    logElsewhere: '{{source}} flows into a log line written by {{api}} in another module; strip line breaks there.',
    header: '{{api}} writes {{source}} into a response header; a CR/LF in it splits the response (or, on Node 14+, throws). Strip line breaks first.',
    headerElsewhere: '{{source}} flows into a response header set by {{api}} in another module; strip line breaks there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) => {
    const logs = taintSinkListeners(context, { concept: 'log-write', sanitizedFor: 'log' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'logElsewhere' : 'log',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    const headers = taintSinkListeners(context, { concept: 'header-write', sanitizedFor: 'header' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'headerElsewhere' : 'header',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    return combineSinkListeners(logs, headers);
  },
});
