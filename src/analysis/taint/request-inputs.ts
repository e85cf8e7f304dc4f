/**
 * Matching member paths read from a request object against its shape: `req.query.id` is the steps
 * `query.id` on an express request, which the row `query` (kind query) covers. Rows are compiled once.
 */
import { parseAccessPath, matchesAccessPath, type AccessPath } from '../concepts/access-path.js';
import type { RequestInputKind, RequestShapeId } from '../../models/concepts.js';
import { processInputs } from '../../models/sources/process.js';
import type { RequestInputRow } from '../../models/sources/request-shape.js';
import { REQUEST_SHAPES } from '../../models/sources/shapes.js';

interface CompiledInput {
  readonly row: RequestInputRow;
  readonly path: AccessPath;
}

const compiled = new Map<string, readonly CompiledInput[]>();

function compile(key: string, rows: readonly RequestInputRow[]): readonly CompiledInput[] {
  let inputs = compiled.get(key);
  if (inputs === undefined) {
    // A row covers its member and everything read below it.
    inputs = rows.flatMap((row) => row.paths.map((path) => ({ row, path: parseAccessPath(`${path}.**`) })));
    compiled.set(key, inputs);
  }
  return inputs;
}

export interface InputMatch {
  readonly kind: RequestInputKind;
  readonly callbackEvent: string | undefined;
  readonly reservedEvents: readonly string[];
  /** Always text (`req.params.id`): clean for the kinds only an object trips. */
  readonly text: boolean;
}

function match(inputs: readonly CompiledInput[], steps: readonly string[]): InputMatch | null {
  for (const input of inputs) {
    if (matchesAccessPath(input.path, steps)) return { kind: input.row.kind, callbackEvent: input.row.callbackEvent, reservedEvents: input.row.reservedEvents ?? [], text: input.row.text === true };
  }
  return null;
}

/** The input kind of `steps` read from a request object of `shape`, or null when that member is not input (`req.method`). */
export function requestInputAt(shape: RequestShapeId, steps: readonly string[]): InputMatch | null {
  return match(compile(shape, REQUEST_SHAPES[shape].inputs), steps);
}

/** The low-trust input kind of `steps` read from the global `process` (`argv`, `env.HOME`). */
export function processInputAt(steps: readonly string[]): InputMatch | null {
  return match(compile('process', processInputs), steps);
}

/** `req.query.id`, `c.req.query()`: steps rendered after the root's name for labels. */
export function renderSteps(root: string, steps: readonly string[]): string {
  let text = root;
  for (const step of steps) text += step === '()' ? '()' : step === '*' ? '[…]' : `.${step}`;
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}
