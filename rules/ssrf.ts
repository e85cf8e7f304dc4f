/**
 * What: request data chooses the host (or the whole URL) of a request the server sends: global `fetch`,
 * axios (`url`, `baseURL`, instances), got, undici, node-fetch, `http(s).request/get` (a URL, or
 * `host`/`hostname` options), superagent, needle, request, urllib, bent, phin, ky, wreck, and the URL a
 * headless browser opens (puppeteer and Playwright `page.goto`, phantom, html-pdf-node `{ url }`); and request
 * data in HTML such a browser or renderer loads (`page.setContent`, html-pdf, wkhtmltopdf), whose markup fetches
 * what it names.
 * Why: the server calls whatever the client names: cloud metadata (`169.254.169.254`), admin ports on
 * localhost, internal services behind the firewall, with the server's network position and credentials; an
 * `<iframe src="file:///etc/passwd">` in rendered HTML reads the server's files into the PDF.
 * Quiet on: input appended after a fixed `https://host/` (path or query), hosts checked against an allow-list
 * (`ALLOWED.includes(new URL(x).hostname)`, `.origin === BASE_ORIGIN`), constants, numbers, the request's own
 * URL and host, and HTML-escaped text in rendered markup.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { combineSinkListeners, taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere' | 'markup' | 'markupElsewhere';

export const ssrf = defineRule<MessageId>({
  id: 'ssrf',
  title: 'Server-side request to a URL chosen by request data',
  cwe: ['CWE-918'],
  owasp: { 2021: ['A10:2021'], 2025: ['A01:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Keep the scheme and host fixed (`https://api.example.com/` + encodeURIComponent(id)), or parse the URL and check its host against an allow-list before sending.',
  messages: {
    tainted: '{{api}} sends a request to a URL whose host comes from {{source}}; fix the host and put the input in the path, or check the host against an allow-list.',
    taintedElsewhere: '{{source}} flows into the URL of a request sent by {{api}} in another module; fix the host or allow-list it there.',
    markup: '{{api}} renders HTML built from {{source}} on the server, where its markup can load internal URLs and local files; HTML-escape the value or render a fixed template.',
    markupElsewhere: '{{source}} flows into HTML rendered on the server by {{api}} in another module; HTML-escape it there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData,
  create: (context) => {
    const requests = taintSinkListeners(context, { concept: 'server-request', sanitizedFor: 'url' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    const markup = taintSinkListeners(context, { concept: 'browser-content', sanitizedFor: 'html' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'markupElsewhere' : 'markup',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    }));
    return combineSinkListeners(requests, markup);
  },
});
