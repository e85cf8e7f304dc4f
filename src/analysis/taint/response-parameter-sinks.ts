/**
 * Sinks on the response parameter of another module's controller: `exports.greet = (req, res) => res.send(...)`
 * registered elsewhere (`app.get('/greet', controllers.greet)`). In its own file `res` is an untyped parameter
 * and no sink; the registration says it is the framework's response, so the handler's calls on it (directly or
 * through chainable methods) are matched against the response type's rows here, and their arguments read in
 * terms of the handler's request parameter, as sink summary entries of that parameter.
 */
import type { RequestHandlerRow } from '../../models/concepts.js';
import type { ApiReference } from '../modules/api-reference.js';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { FileTaint } from './file-taint.js';
import { setsHeaderNamed } from './global-sinks.js';
import { callServesHtml, responseChain } from './html-responses.js';
import { hop, kindBit } from './origins.js';
import { simplePathSteps } from './request-sources.js';
import { viewContext, type SinkEntry, type SinkSite, type TaintSink } from './sinks.js';
import { viewSites } from '../views/view-sinks.js';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionNode } from './taint-types.js';
import { wholeObjectParts } from './whole-objects.js';

export function responseParameterSinks(taint: FileTaint, fn: FunctionNode, row: RequestHandlerRow, module: string, sink: TaintSink): SinkEntry[] {
  const response = row.response;
  if (response === undefined) return [];
  const entries = responseSinksVia(taint, fn, response.parameter, { module, steps: simplePathSteps(response.type) }, sink);
  return entries.filter((entry) => entry.index === row.parameter);
}

/**
 * Sinks `fn` reaches through its parameter `responseIndex` when that parameter holds a response of type
 * `responseType`: a controller's `res`, or a helper's (`render(res, data)`) whose caller passes one. Entries are
 * in terms of any of `fn`'s parameters (the request, or the helper's data).
 */
export function responseSinksVia(taint: FileTaint, fn: FunctionNode, responseIndex: number, responseType: ApiReference, sink: TaintSink): SinkEntry[] {
  const parameter = fn.params[responseIndex];
  if (parameter?.type !== 'Identifier') return [];
  const bit = kindBit(sink.sanitizedFor);
  const entries: SinkEntry[] = [];
  for (const call of taint.functionFacts(fn).calls) {
    const callee = unwrapExpression(call.callee);
    const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
    const chain = callee.type === 'MemberExpression' ? responseChain(callee.object) : null;
    if (method === null || chain === null || taint.file.scope.variableOf(chain.root) !== taint.file.scope.variableOf(parameter)) continue;
    const reference = { module: responseType.module, steps: [...responseType.steps, ...chain.steps, method] };
    if (sink.concept === 'view-output') {
      for (const match of taint.file.concepts.callsMatching(call, reference, 'view-render')) {
        for (const site of viewSites(taint.file, match, viewContext(sink))) entries.push(...parameterEntries(taint, fn, bit, site.target, site.path, site));
      }
      continue;
    }
    for (const match of taint.file.concepts.callsMatching(call, reference, sink.concept)) {
      // Rows with option conditions (`sendFile` without `root`) are checked only where the response is known in-file.
      if (match.target === null || ('when' in match.row && match.row.when !== undefined)) continue;
      if (match.row.concept === 'html-output' && !callServesHtml(taint.file, call, match.row, match.target)) continue;
      // A row for one header (`setHeader('Location', url)` as a redirect) holds only when the call names it.
      if ('header' in match.row && match.row.header !== undefined && !setsHeaderNamed(taint, call, match.row.header)) continue;
      const targets = match.row.concept === 'template-compilation' && match.row.wholeObject === true ? wholeObjectParts(taint.file, match.target) : [match.target];
      for (const target of targets) entries.push(...parameterEntries(taint, fn, bit, target, [], { target, api: match.api }));
    }
  }
  return entries;
}

/** Entries for `fn`'s parameters whose values reach `site` (its target read at `path`). */
function parameterEntries(taint: FileTaint, fn: FunctionNode, bit: number, target: TSESTree.Node, path: readonly string[], site: SinkSite): SinkEntry[] {
  const entries: SinkEntry[] = [];
  for (const value of taint.evaluator.valueAt(target, path, 0)) {
    if (value.type !== 'parameter' || value.fn !== fn || (value.cleaned & bit) !== 0) continue;
    const hops = hop(value.hops, site.artifact === undefined ? target : (site.reportAt ?? target), `reaches ${site.api}`, taint.file);
    entries.push({ index: value.index, path: value.path, hops, cleaned: value.cleaned, site, siteFile: taint.file });
  }
  return entries;
}
