/**
 * Flows that leave this module: a call carrying request data into a function of another module that takes it
 * to a sink, a controller of another module registered here as a route, and an app or router handed to another
 * module that registers routes on it (`require('./routes')(app)`). Each is reported here, where the request
 * data or the route registration is, with the path continuing into the other module.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RequestHandlerRow } from '../../models/concepts.js';
import type { ApiReference } from '../modules/api-reference.js';
import { resolveCallee, resolveFunctionValue } from './callee-resolver.js';
import type { FileTaint } from './file-taint.js';
import { allSources } from './flows.js';
import { functionName, type CallNode } from './function-facts.js';
import { appendHops, hop, hopsToSteps, kindBit, TEXT_BITS } from './origins.js';
import { isRequestObject } from './request-chains.js';
import { renderSteps, requestInputAt } from './request-inputs.js';
import { responseParameterSinks } from './response-parameter-sinks.js';
import { isValidatedBy } from './route-validation.js';
import { sinkLocationOf, type CrossModuleFlow, type TaintSink } from './sinks.js';
import { type FunctionNode, type FunctionTarget } from './taint-types.js';

export function flowsIntoCall(taint: FileTaint, call: CallNode, sink: TaintSink): readonly CrossModuleFlow[] {
  const target = resolveCallee(taint.file, call);
  if (target === null || target.file === taint.file) return flowsIntoHandlers(taint, call, sink);
  return [...flowsIntoParameters(taint, call, target, sink), ...flowsThroughAppArguments(taint, call, target, sink)];
}

function flowsIntoParameters(taint: FileTaint, call: CallNode, target: FunctionTarget, sink: TaintSink): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  // Cheap first: a call whose arguments carry nothing from a request or a parameter needs no callee summary.
  const carries = (argument: TSESTree.Node): boolean =>
    argument.type !== 'SpreadElement' && (taint.evaluator.valueOf(argument, 0).length > 0 || isRequestObject(taint.evaluator, argument));
  if (!call.arguments.some(carries)) return flows;
  const query = { sanitizedFor: sink.sanitizedFor, ...(sink.includeLowTrust === true ? { includeLowTrust: true } : {}) };
  for (const entry of target.file.taint.sinkSummary(target.fn, sink, 0)) {
    const argument = call.arguments[entry.index];
    if (argument === undefined || argument.type === 'SpreadElement' || flows.some((flow) => flow.argument === argument)) continue;
    const values = taint.evaluator.valueAt(argument, entry.path, 0).map((value) => ({
      ...value,
      hops: appendHops(hop(value.hops, argument, `passed to ${functionName(target.fn)}()`, taint.file), entry.hops),
      cleaned: value.cleaned | entry.cleaned,
    }));
    const [source, ...others] = allSources(taint, values, query).map((found) => ({ source: found.source, steps: hopsToSteps(found.hops) }));
    if (source !== undefined) flows.push({ argument, api: entry.site.api, flow: source, ...(others.length > 0 ? { otherFlows: others } : {}), sink: sinkLocationOf(entry) });
  }
  return flows;
}

/** A route registration (in `registrationTaint`'s file) and one handler it registers. */
interface RegisteredHandler {
  readonly registrationTaint: FileTaint;
  readonly row: RequestHandlerRow;
  readonly module: string;
  readonly call: CallNode;
  readonly argumentIndex: number;
  readonly handler: FunctionTarget;
}

/** Flows from the request parameter of a registered handler to its sinks, reported at `reportAt` in `taint`'s file. */
function handlerFlows(taint: FileTaint, registered: RegisteredHandler, sink: TaintSink, reportAt: TSESTree.Node): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  const { row, handler } = registered;
  const bit = kindBit(sink.sanitizedFor);
  const responseSinks = responseParameterSinks(handler.file.taint, handler.fn, row, registered.module, sink);
  for (const entry of [...handler.file.taint.sinkSummary(handler.fn, sink, 0), ...responseSinks]) {
    if (entry.index !== row.parameter || (entry.cleaned & bit) !== 0 || flows.length > 0) continue;
    const input = requestInputAt(row.request, entry.path);
    if (input === null || input.callbackEvent !== undefined || (input.text && (TEXT_BITS & bit) !== 0)) continue;
    const registration = { row, module: registered.module, call: registered.call, argumentIndex: registered.argumentIndex, property: null };
    if (isValidatedBy(registered.registrationTaint.evaluator, registration, handler.file.taint.functionFacts(handler.fn), row.request, entry.path)) continue;
    const label = renderSteps(parameterLabel(handler.fn, row.parameter), entry.path);
    const source = { label, kind: input.kind, node: reportAt, file: taint.file };
    const start = hop(null, reportAt, `registered as a request handler: ${label} is request input (${input.kind})`, taint.file);
    flows.push({ argument: reportAt, api: entry.site.api, flow: { source, steps: hopsToSteps(appendHops(start, entry.hops)) }, sink: sinkLocationOf(entry) });
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
  for (const registration of taint.file.concepts.callsTo(call, 'request-handler')) {
    const { row } = registration;
    call.arguments.forEach((argument, argumentIndex) => {
      if (row.argument !== undefined && row.argument !== argumentIndex) return;
      if (row.property !== undefined || argument.type === 'SpreadElement' || flows.some((flow) => flow.argument === argument)) return;
      const handler = resolveFunctionValue(taint.file, argument);
      if (handler === null || handler.file === taint.file) return;
      const registered = { registrationTaint: taint, row, module: registration.reference.module, call, argumentIndex, handler };
      flows.push(...handlerFlows(taint, registered, sink, argument));
    });
  }
  return flows;
}

/**
 * `require('./routes')(app)`: an app or router created here is handed to a function of another module that
 * registers routes on its parameter. Those routes' handlers receive requests; flows into their sinks are
 * reported here, at the app argument, since only this module knows what the parameter holds.
 */
function flowsThroughAppArguments(taint: FileTaint, call: CallNode, target: FunctionTarget, sink: TaintSink): CrossModuleFlow[] {
  const flows: CrossModuleFlow[] = [];
  call.arguments.forEach((argument, index) => {
    if (argument.type === 'SpreadElement') return;
    const app = taint.file.origins.referenceOf(argument);
    if (app === null) return;
    for (const registration of target.file.taint.parameterCalls(target.fn, index)) {
      const reference: ApiReference = { module: app.module, steps: [...app.steps, ...registration.steps] };
      for (const match of target.file.project.conceptIndex.matchAll(reference, 'request-handler')) {
        const row = match.row;
        registration.call.arguments.forEach((handlerArgument, argumentIndex) => {
          if (row.argument !== undefined && row.argument !== argumentIndex) return;
          if (row.property !== undefined || handlerArgument.type === 'SpreadElement' || flows.length > 0) return;
          const handler = resolveFunctionValue(target.file, handlerArgument);
          if (handler === null) return;
          const registered = { registrationTaint: target.file.taint, row, module: app.module, call: registration.call, argumentIndex, handler };
          flows.push(...handlerFlows(taint, registered, sink, argument));
        });
      }
    }
  });
  return flows;
}

function parameterLabel(fn: FunctionNode, index: number): string {
  const parameter = fn.params[index];
  return parameter?.type === 'Identifier' ? parameter.name : 'request';
}
