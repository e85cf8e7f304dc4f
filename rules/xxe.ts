/**
 * What: request data parsed as XML by a parser told to substitute entities or load DTDs: libxmljs / libxmljs2
 * `parseXml`/`parseXmlString` with `noent: true` or `dtdload: true`.
 * Why: `<!ENTITY x SYSTEM "file:///etc/passwd">` reads server files into the document, or makes the server
 * fetch URLs (SSRF, out-of-band exfiltration).
 * Quiet on: libxmljs without those options, xml2js, fast-xml-parser and @xmldom/xmldom (none of them loads
 * external entities), options that are false, and XML that is not request data.
 */
import { defineRule } from '../src/rules-api/define-rule.js';
import { taintSinkListeners } from '../src/rules-api/taint-sink-listeners.js';

type MessageId = 'tainted' | 'taintedElsewhere';

export const xxe = defineRule<MessageId>({
  id: 'xxe',
  title: 'XML from a request parsed with external entities enabled',
  cwe: ['CWE-611'],
  owasp: { 2021: ['A05:2021'], 2025: ['A02:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Parse untrusted XML without `noent` and `dtdload` (libxml2 then leaves external entities alone), or with a parser that never loads them.',
  messages: {
    tainted: '{{api}} parses {{source}} with external entities enabled; drop `noent`/`dtdload` so the document cannot read files or URLs.',
    taintedElsewhere: '{{source}} flows into {{api}} in another module, which parses it with external entities enabled; drop `noent`/`dtdload` there.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData && file.concepts.mayUse('xml-parse'),
  create: (context) =>
    taintSinkListeners(context, { concept: 'xml-parse', sanitizedFor: 'xml' }, (finding) => ({
      node: finding.node,
      messageId: finding.crossModule ? 'taintedElsewhere' : 'tainted',
      data: { api: finding.api, source: finding.source },
      flow: finding.flow,
    })),
});
