/**
 * The shape of a framework's request object: which member paths (access-path grammar, relative to the
 * object) are request input, and of which kind. A path matches its member and everything read below it:
 * `query` covers `req.query`, `req.query.id` and `req.query.id.trim()`. Members not listed (`req.method`,
 * `req.app`) are not input.
 */
import type { RequestInputKind, RequestShapeId } from '../concepts.js';

export interface RequestInputRow {
  /** Access paths relative to the request object (`query`, `get()`, `req.query()`). */
  readonly paths: readonly string[];
  readonly kind: RequestInputKind;
  /**
   * A callback argument of this call receives the input in its first parameter (`req.on('data', chunk => ...)`),
   * when argument 0 is this event; `*` is any event the client names (socket.io), whose listener gets the input
   * in every parameter, except the events in `reservedEvents`, which the library emits itself.
   */
  readonly callbackEvent?: string;
  readonly reservedEvents?: readonly string[];
  /** The framework hands this input over as text, never as a parsed object (express route parameters, headers). */
  readonly text?: true;
}

/**
 * Route-level JSON schemas the framework validates (and coerces) before the handler runs: the registration's
 * options object holds them under `option`, one per request part (`query` is validated by `querystring`).
 */
export interface RouteSchemas {
  readonly option: string;
  readonly parts: Readonly<Record<string, readonly string[]>>;
}

/**
 * The members of an uploaded file the client chooses: its name and type as sent, and its contents. Upload
 * middleware also stores server-chosen values (multer's `path` and generated `filename`, formidable's
 * `filepath`, express-fileupload's `tempFilePath`), which are not input. Names from multer, formidable,
 * express-fileupload and @fastify/multipart.
 */
export const CLIENT_FILE_MEMBERS = '{originalname,originalFilename,name,mimetype,fieldname,buffer,data,filename}';

export interface RequestShape {
  readonly id: RequestShapeId;
  readonly inputs: readonly RequestInputRow[];
  readonly routeSchemas?: RouteSchemas;
  /** The object itself is input, not only its members (an RPC call's parameter list): its first row covers it. */
  readonly whole?: true;
}
