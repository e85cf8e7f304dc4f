/**
 * Which methods register request handlers, read from the framework models (`models/frameworks/*`, owned with
 * the app and route detection): the route methods of an app or router shape, plus the middleware methods
 * whose functions also receive the request (`use`, express's `param`). One list, so a verb added there is a
 * source here.
 */
import type { HttpFrameworkShape } from '../frameworks/http-shape.js';

/** `{get,post,...,use}`: an access-path member set of the shape's route methods and `middleware`. */
export function handlerMethods(shape: HttpFrameworkShape, middleware: readonly string[]): string {
  return `{${[...new Set([...Object.keys(shape.routeMethods), ...middleware])].join(',')}}`;
}
