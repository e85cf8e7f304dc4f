/**
 * Information exposure as concepts: where a value becomes the body a client receives, and middleware that
 * renders internal error details as a page. Rules ask these concepts and never name a package.
 */

interface ExposureRowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/**
 * `argument` becomes the response body (serialized as JSON when it is an object): Express `res.json(x)`,
 * Fastify `reply.send(x)`, Hono `c.json(x)`, Koa `ctx.body = x` (a property write: argument 0 is the value),
 * the body of a NestJS HttpException. `errors: 'framework'` marks a sink that hands an Error object to the
 * framework's own error serializer instead of writing it (Fastify `reply.send(err)`: status, name and message
 * only). `status` says where the call takes the status code, when it does: an argument index, or `fixed`
 * with the status the API always sends (`InternalServerErrorException` is 500).
 */
export interface ResponseBodyRow extends ExposureRowBase {
  readonly concept: 'response-body';
  readonly argument: number;
  readonly errors?: 'framework';
  readonly status?: { readonly argument: number } | { readonly fixed: number };
}

/** Middleware that answers errors with their stack and details, meant for development only (`errorhandler()`). */
export interface DevErrorPageRow extends ExposureRowBase {
  readonly concept: 'dev-error-page';
}

export type ExposureRow = ResponseBodyRow | DevErrorPageRow;
