/**
 * Transport and deployment settings as concepts: calls that take TLS settings for the connections they open or
 * accept. What counts as weak (protocol versions, `secureProtocol` names) is in tls-settings.ts. Rules ask these
 * concepts and never name a package.
 */

interface TransportRowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/** A library's own switch that turns certificate checks off when set to `insecure` (MongoDB `tlsAllowInvalidCertificates: true`). */
export interface InsecureTlsFlag {
  readonly option: string;
  readonly insecure: boolean;
}

/**
 * Takes TLS settings: `argument` is an options object and the settings sit at its dotted `property` (`ssl`,
 * `https`, `connect`, `dialectOptions.ssl`), or are the object itself. Node's `tls.connect` names apply
 * (`rejectUnauthorized`, `checkServerIdentity`, `minVersion`, `maxVersion`, `secureProtocol`) plus the row's
 * `insecureFlags`. `checks: 'versions'` marks servers and contexts, where `rejectUnauthorized` concerns client
 * certificates the server may not ask for: only the protocol versions are judged there.
 */
export interface TlsOptionsRow extends TransportRowBase {
  readonly concept: 'tls-options';
  readonly argument: number;
  readonly checks: 'all' | 'versions';
  readonly insecureFlags?: readonly InsecureTlsFlag[];
}

/**
 * Configures CORS: `argument` (at `property`) is the options object with `origin` and `credentials`, or, with
 * `plugin`, the row names a Fastify plugin whose options are the registration's (`register(cors, options)`).
 * `defaultOrigin` is what the library allows when `origin` is left out: `'any'` (`*`) or `'reflect'` (the
 * request's own Origin, as @koa/cors does). `originFunction` is how a function `origin` answers: calling its
 * callback (`cb(null, true)`, cors and @fastify/cors) or returning the origin to allow (Hono).
 */
export interface CorsOptionsRow extends TransportRowBase {
  readonly concept: 'cors-options';
  readonly plugin?: true;
  readonly defaultOrigin: 'any' | 'reflect';
  readonly originFunction: 'callback' | 'returns';
}

export type TransportRow = TlsOptionsRow | CorsOptionsRow;
