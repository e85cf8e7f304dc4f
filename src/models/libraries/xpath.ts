import type { LibraryModel } from '../concepts.js';

/**
 * XPath evaluators: the expression is code in the XPath language, so a quote in request data closes a string
 * literal and `' or '1'='1` selects every node. Values bound as variables are data: xpath's
 * `parse(expr).select({ node, variables })` and fontoxpath's `variables` argument are not sinks.
 */

/** xpath (https://github.com/goto100/xpath/blob/master/docs/xpath%20methods.md). */
export const xpath: LibraryModel = {
  name: 'xpath',
  modules: ['xpath'],
  docs: 'https://github.com/goto100/xpath/blob/master/docs/xpath%20methods.md',
  rows: [
    { concept: 'xpath-query', path: '{select,select1,evaluate,parse}', argument: 0 },
    // useNamespaces(map) returns a select function: `useNamespaces(ns)(expr, doc)`.
    { concept: 'xpath-query', path: 'useNamespaces()', argument: 0 },
  ],
};

/** fontoxpath (https://github.com/FontoXML/fontoxpath#usage): the `evaluateXPath*` family takes the expression first. */
export const fontoxpath: LibraryModel = {
  name: 'fontoxpath',
  modules: ['fontoxpath'],
  docs: 'https://github.com/FontoXML/fontoxpath#usage',
  rows: [
    {
      concept: 'xpath-query',
      path: '{evaluateXPath,evaluateXPathToNodes,evaluateXPathToFirstNode,evaluateXPathToString,evaluateXPathToBoolean,evaluateXPathToNumber,evaluateXPathToStrings,evaluateXPathToNumbers,evaluateXPathToArray,evaluateXPathToMap}',
      argument: 0,
    },
  ],
};
