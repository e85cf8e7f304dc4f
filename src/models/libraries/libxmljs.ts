import type { LibraryModel, SinkCondition } from '../concepts.js';

/**
 * libxmljs and libxmljs2 (https://github.com/libxmljs/libxmljs/wiki): `parseXml`/`parseXmlString(text, options)`
 * map options onto libxml2 parser flags. `noent` substitutes entities, external ones included (a `SYSTEM
 * "file:///etc/passwd"` entity reads the file into the document); `dtdload` loads the external DTD and its
 * external parameter entities (out-of-band XXE). Without them libxml2 leaves external entities alone.
 * A parsed document's `get`/`find` (and an element's) evaluate an XPath expression.
 */
const PARSE = '{parseXml,parseXmlString}';
const SUBSTITUTES_ENTITIES: SinkCondition = { option: 'noent', is: 'truthy' };
const LOADS_DTD: SinkCondition = { option: 'dtdload', is: 'truthy' };

export const libxmljs: LibraryModel = {
  name: 'libxmljs',
  modules: ['libxmljs', 'libxmljs2'],
  docs: 'https://github.com/libxmljs/libxmljs/wiki/Libxmljs#parsexmlstring',
  rows: [
    { concept: 'xml-parse', path: PARSE, argument: 0, when: SUBSTITUTES_ENTITIES },
    { concept: 'xml-parse', path: PARSE, argument: 0, when: LOADS_DTD },
    { concept: 'xpath-query', path: `${PARSE}().{get,find}`, argument: 0 },
    { concept: 'xpath-query', path: `${PARSE}().root().{get,find}`, argument: 0 },
  ],
};
