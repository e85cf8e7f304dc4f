/**
 * Flows that leave this module: a call carrying request data into a function of another module that takes it
 * to a sink, a controller of another module registered here as a route, and an app or router handed to another
 * module that registers routes on it (`require('./routes')(app)`). Each is reported here, where the request
 * data or the route registration is, with the path continuing into the other module.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { resolveCallee } from './callee-resolver.js';
import type { FileTaint } from './file-taint.js';
import { allSources, inputKindReaches } from './flows.js';
import { functionName, type CallNode } from './function-facts.js';
import { appendHops, hop, hopsToSteps, kindBit, TEXT_BITS } from './origins.js';
import { isRequestObject } from './request-chains.js';
import { renderSteps, requestInputAt } from './request-inputs.js';
import { responseParameterSinks, responseSinksVia } from './response-parameter-sinks.js';
import { responseTypeOf } from './response-helpers.js';
import { isValidatedBy } from './route-validation.js';
import { registeredHandlers, type RegisteredHandler } from './route-registrations.js';
import { sinkLocationOf, type CrossModuleFlow, type SinkEntry, type SinkSite, type TaintSink } from './sinks.js';
import { type FunctionNode, type FunctionTarget } from './taint-types.js';

export function flowsIntoCall(taint: FileTaint, call: CallNode, sink: TaintSink): readonly CrossModuleFlow[] {
  const target = resolveCallee(taint.file, call);
  const flows = target === null || target.file === taint.file ? [] : flowsIntoParameters(taint, call, target, sink);
  return [...flows, ...flowsIntoHandlers(taint, call, sink), ...flowsThroughAppArguments(taint, call, sink)];
}

function flowsIntoParameters(taint: FileTaint, call: CallNode, target: FunctionTarget, sink: TaintSink): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  // Cheap first: a call whose arguments carry nothing from a request or a parameter needs no callee summary.
  const carries = (argument: TSESTree.Node): boolean =>
    argument.type !== 'SpreadElement' && (taint.evaluator.valueOf(argument, 0).length > 0 || isRequestObject(taint.evaluator, argument));
  if (!call.arguments.some(carries)) return flows;
  const query = { sanitizedFor: sink.sanitizedFor, ...(sink.includeLowTrust === true ? { includeLowTrust: true } : {}) };
  for (const entry of [...target.file.taint.sinkSummary(target.fn, sink, 0), ...responseHelperSinks(taint, call, target, sink)]) {
    const argument = call.arguments[entry.index];
    if (argument === undefined || argument.type === 'SpreadElement' || flows.some((flow) => flow.argument === argument)) continue;
    const values = taint.evaluator.valueAt(argument, entry.path, 0).map((value) => ({
      ...value,
      hops: appendHops(hop(value.hops, argument, `passed to ${functionName(target.fn)}()`, taint.file), entry.hops),
      cleaned: value.cleaned | entry.cleaned,
    }));
    const [source, ...others] = allSources(taint, values, query).map((found) => ({ source: found.source, steps: hopsToSteps(found.hops) }));
    if (source !== undefined) {
      const inference = entry.site.inference === undefined ? {} : { inference: entry.site.inference };
      flows.push({ argument, api: entry.site.api, flow: source, ...(others.length > 0 ? { otherFlows: others } : {}), sink: sinkLocationOf(entry), ...inference, ...artifactOf(entry.site) });
    }
  }
  return flows;
}

/** `render(res, data)` into another module: the helper's sinks on its parameter that receives this handler's response. */
function responseHelperSinks(taint: FileTaint, call: CallNode, target: FunctionTarget, sink: TaintSink): SinkEntry[] {
  const entries: SinkEntry[] = [];
  call.arguments.forEach((argument, index) => {
    const type = argument.type === 'SpreadElement' ? null : responseTypeOf(taint, argument, 0);
    if (type !== null) entries.push(...responseSinksVia(target.file.taint, target.fn, index, type, sink));
  });
  return entries;
}

/** Flows from the request parameter of a registered handler (registered in `registrationTaint`'s file) to its sinks, reported at `reportAt` in `taint`'s file. */
function handlerFlows(taint: FileTaint, registrationTaint: FileTaint, registered: RegisteredHandler, sink: TaintSink, reportAt: TSESTree.Node): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  const { registration, handler } = registered;
  const { row } = registration;
  const bit = kindBit(sink.sanitizedFor);
  const responseSinks = responseParameterSinks(handler.file.taint, handler.fn, row, registration.module, sink);
  for (const entry of [...handler.file.taint.sinkSummary(handler.fn, sink, 0), ...responseSinks]) {
    if (entry.index !== row.parameter || (entry.cleaned & bit) !== 0 || flows.length > 0) continue;
    const input = requestInputAt(row.request, entry.path);
    if (input === null || input.callbackEvent !== undefined || (input.text && (TEXT_BITS & bit) !== 0) || !inputKindReaches(input.kind, sink.sanitizedFor)) continue;
    if (isValidatedBy(registrationTaint.evaluator, registration, handler.file.taint.functionFacts(handler.fn), row.request, entry.path)) continue;
    const label = renderSteps(parameterLabel(handler.fn, row.parameter), entry.path);
    const source = { label, kind: input.kind, node: reportAt, file: taint.file, recognition: 'registration' } as const;
    const start = hop(null, reportAt, `registered as a request handler: ${label} is request input (${input.kind})`, taint.file);
    const inference = entry.site.inference === undefined ? {} : { inference: entry.site.inference };
    flows.push({ argument: reportAt, api: entry.site.api, flow: { source, steps: hopsToSteps(appendHops(start, entry.hops)) }, sink: sinkLocationOf(entry), ...inference, ...artifactOf(entry.site) });
  }
  return flows;
}

/**
 * `router.post('/ping', controller.ping)`: a handler of another module registered here receives the request,
 * so its sink summary is read with the request in the handler's request parameter. Reported here, at the
 * registered argument: this file is where the function becomes reachable by request data.
 */
function flowsIntoHandlers(taint: FileTaint, call: CallNode, sink: TaintSink): readonly CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  for (const match of taint.registrationsAt(call)) {
    for (const registered of registeredHandlers(taint.file, call, match)) {
      const argument = call.arguments[registered.registration.argumentIndex];
      if (registered.handler.file === taint.file || argument === undefined || flows.some((flow) => flow.argument === argument)) continue;
      flows.push(...handlerFlows(taint, taint, registered, sink, argument));
    }
  }
  return flows;
}

/**
 * `require('./routes')(app)`: an app or router created here is handed to a function of another module (or, from
 * there, further down) that registers routes on its parameter. Those routes' handlers receive requests; flows
 * into their sinks are reported here, at the app argument, since only this module knows what the parameter holds.
 */
function flowsThroughAppArguments(taint: FileTaint, call: CallNode, sink: TaintSink): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  for (const handed of taint.handedRegistrations(call)) {
    if (flows.some((flow) => flow.argument === handed.argument)) continue;
    for (const registered of registeredHandlers(handed.file, handed.call, handed.match)) {
      flows.push(...handlerFlows(taint, handed.file.taint, registered, sink, handed.argument));
      if (flows.some((flow) => flow.argument === handed.argument)) break;
    }
  }
  return flows;
}

function parameterLabel(fn: FunctionNode, index: number): string {
  const parameter = fn.params[index];
  return parameter?.type === 'Identifier' ? parameter.name : 'request';
}

function artifactOf(site: SinkSite): Pick<CrossModuleFlow, 'artifact'> {
  return site.artifact === undefined ? {} : { artifact: site.artifact };
}
