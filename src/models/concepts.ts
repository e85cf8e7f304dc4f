/**
 * Concepts are what rules ask about ("does this call execute SQL?"); models say which library APIs are
 * instances of each concept. A row names an API by access path (see access-path.ts) relative to each of its
 * model's modules, and where the interesting value sits: `argument` (0-based) and, when that argument is an
 * options object, `property`.
 */

import type { AuthRow } from './auth-concepts.js';
import type { SessionRow } from './session-concepts.js';
import type { CryptoRow } from './crypto-concepts.js';
import type { TransportRow } from './transport-concepts.js';
import type { ExposureRow } from './exposure-concepts.js';
import type { LimitRow } from './limit-concepts.js';
import type { HttpFrameworkShape } from './frameworks/http-shape.js';

interface RowBase {
  readonly path: string;
  readonly argument?: number;
  readonly property?: string;
}

/**
 * How a library's query templates name the values they are filled with (pg-promise: `$1`, `${name}`, `$1:raw`).
 * `pattern` is a regular expression source matching one placeholder, with a group `position` (1-based index
 * into a values array) or `name` (a property of a values object), and a group `modifier` (absent: '').
 */
export interface PlaceholderSyntax {
  readonly pattern: string;
}

/**
 * The library formats values into the template itself before sending it (pg-promise): the values are the one
 * argument `values` (an array for positions, an object for names, or a single value for `$1`). A placeholder
 * whose modifier is listed in `escapes` escapes its value for those kinds; any other modifier (`:raw`, `^`)
 * inserts it as is, so that value is SQL text too.
 */
export interface TemplateFormatting {
  readonly values: number;
  readonly syntax: PlaceholderSyntax;
  readonly escapes: Readonly<Record<string, readonly SanitizerKind[]>>;
}

/**
 * Runs SQL text: the argument (or options property) is the query string. Values passed separately are bound,
 * unless `formats` says the library splices them into the text.
 */
export interface SqlExecutionRow extends RowBase {
  readonly concept: 'sql-execution';
  readonly argument: number;
  readonly formats?: TemplateFormatting;
}

/** Returns its argument escaped for SQL (a quoted literal or identifier): `mysql.escape`, `client.escapeLiteral`. */
export interface SqlEscapeRow extends RowBase {
  readonly concept: 'sql-escape';
}

/**
 * Computes a fast digest (MD5, SHA-1, SHA-2, SHA-3, HMAC) of the argument: right for checksums, ETags and
 * high-entropy tokens, far too cheap for passwords (billions of guesses per second on one GPU).
 */
export interface FastHashRow extends RowBase {
  readonly concept: 'fast-hash';
  readonly argument: number;
}

/** The tunable parameters of password hashing functions, each in its algorithm's own unit. */
export type WorkFactorParameter =
  | 'bcrypt-rounds'
  | 'pbkdf2-iterations'
  | 'pbkdf2-digest'
  | 'scrypt-cost'
  | 'scrypt-block-size'
  | 'scrypt-parallelization'
  | 'argon2-memory-kib'
  | 'argon2-passes';

/** Where a call takes one work-factor parameter: an argument, or a property of an options-object argument. */
export interface WorkFactor {
  readonly parameter: WorkFactorParameter;
  readonly argument: number;
  readonly property?: string;
  /** The library's documented value when the call leaves the parameter out. */
  readonly default?: number;
}

/**
 * Derives a slow, salted hash or key from a password (bcrypt, argon2, PBKDF2, scrypt), or checks a password
 * against one (`bcrypt.compare`, `argon2.verify`: no work factors, the cost is the stored hash's). `argument` is
 * the password (absent for salt generators such as `genSalt(rounds)`); `workFactors` say where the cost is set.
 */
export interface PasswordHashRow extends RowBase {
  readonly concept: 'password-hash';
  readonly algorithm: 'bcrypt' | 'argon2' | 'pbkdf2' | 'scrypt';
  readonly workFactors: readonly WorkFactor[];
}

// ── Taint tracking: request sources, sinks, sanitizers (docs/taint.md) ──────────────────────────────────

/**
 * Which part of a request a value comes from (CodeQL's RequestInputAccess kinds, plus low-trust CLI inputs);
 * `message` is what a queue consumer or a socket listener receives (Kafka, AMQP, SQS/SNS, WebSocket, socket.io).
 */
export type RequestInputKind = 'parameter' | 'body' | 'query' | 'header' | 'cookie' | 'url' | 'file' | 'message' | 'cli-argument' | 'environment';

/**
 * The sink contexts a sanitizer makes a value safe for. Sanitizers are context-specific: HTML escaping leaves
 * quotes that break SQL. Numeric coercion and allow-lists (a value that is one of a few constants) clean all.
 */
export const SANITIZER_KINDS = ['sql', 'html', 'path', 'url', 'shell', 'nosql-object', 'code', 'regex', 'header', 'log', 'ldap', 'xpath', 'xml', 'deserialization', 'object-keys', 'prototype-keys', 'property-path'] as const;
export type SanitizerKind = (typeof SANITIZER_KINDS)[number];

/**
 * Sink kinds only an object can trip (a MongoDB operator object such as `{ "$ne": null }`): a value that is
 * text (`String(x)`, a template, a route parameter) is clean for them, whatever characters it holds.
 */
export const OBJECT_KINDS: readonly SanitizerKind[] = ['nosql-object', 'prototype-keys'];

/** The request objects frameworks hand to handlers; each has a shape (`models/sources/*`) saying which members are input. */
export type RequestShapeId =
  | 'express-request'
  | 'koa-context'
  | 'fastify-request'
  | 'hono-context'
  | 'fetch-request'
  | 'next-api-request'
  | 'node-request'
  | 'lambda-event'
  | 'kafka-payload'
  | 'amqp-message'
  | 'grpc-call'
  | 'ws-socket'
  | 'socketio-socket'
  | 'xmlrpc-params'
  | 'route-event'
  | 'h3-event';

/**
 * Registers request handlers (`app.get(path, ...handlers)`): every function argument, or the `property` of an
 * options argument (`route({ handler })`), receives the request object in `parameter`; `response` names the
 * parameter holding the response and its type's path in the same module (so `res.sendFile` is a known API).
 */
export interface RequestHandlerRow extends RowBase {
  readonly concept: 'request-handler';
  readonly request: RequestShapeId;
  readonly parameter: number;
  readonly response?: { readonly parameter: number; readonly type: string };
  /** Only when argument 0 is this event name (`wss.on('connection', listener)`). */
  readonly event?: string;
  /** The handlers are the members (methods, function-valued properties) of the object `argument` (gRPC `addService`). */
  readonly members?: true;
}

/** A type whose values are handlers: a function assigned to a variable of it (`const handler: SQSHandler = ...`) gets the request in `parameter`. */
export interface HandlerTypeRow extends RowBase {
  readonly concept: 'handler-type';
  readonly request: RequestShapeId;
  readonly parameter: number;
}

/** A function that reads request input from the request object in `argument`: h3's `getQuery(event)` returns the query. */
export interface RequestReaderRow extends RowBase {
  readonly concept: 'request-reader';
  readonly argument: number;
  readonly input: RequestInputKind;
  /** The result is always text (`getHeader`, `getRouterParam`). */
  readonly text?: true;
}

/** A type whose instances are request objects: `req: Request` (express), `ctx: Context` (koa). */
export interface RequestTypeRow extends RowBase {
  readonly concept: 'request-type';
  readonly request: RequestShapeId;
}

/** A parameter decorator that injects request data (`@Body()`, `@Arg('id')`: `input`) or the request object (`@Req()`). */
export interface RequestDecoratorRow extends RowBase {
  readonly concept: 'request-decorator';
  readonly input: RequestInputKind | null;
  readonly request?: RequestShapeId;
}

/** A GraphQL server option (or a type) holding resolver maps whose functions receive client arguments in `parameter`. */
export interface GraphqlResolversRow extends RowBase {
  readonly concept: 'graphql-resolvers';
  readonly parameter: number;
  /** The map holds resolvers directly (`rootValue: { user: (args) => ... }`), not under type names (`{ Query: { ... } }`). */
  readonly flat?: true;
}

/**
 * A value that is request input of `kind` (a project's own source, declared in its config): a path ending in
 * `()` is that call's result, any other path the member read there and everything read below it.
 */
export interface RequestInputSourceRow extends RowBase {
  readonly concept: 'request-input';
  readonly kind: RequestInputKind;
}

/** Returns argument `argument` made safe for `kinds` (`escape-html` for html, `path.basename` for path). */
export interface SanitizerRow extends RowBase {
  readonly concept: 'sanitizer';
  readonly argument: number;
  readonly kinds: readonly SanitizerKind[];
}

/**
 * Middleware that cleans the whole request before the handlers mounted after it: `app.use(mongoSanitize())`
 * strips `$`-prefixed keys from body, query and params, so they can no longer carry query operators.
 */
export interface RequestSanitizerRow extends RowBase {
  readonly concept: 'request-sanitizer';
  readonly kinds: readonly SanitizerKind[];
}

/** A predicate that, where it held, proves argument `argument` safe for `kinds` (`validator.isUUID(x)`). */
export interface ValidatorRow extends RowBase {
  readonly concept: 'validator';
  readonly argument: number;
  readonly kinds: readonly SanitizerKind[];
}

/**
 * Returns a value built from its arguments (`path.join`, `util.format`), so taint passes through;
 * `resolvesPath` marks an absolute, normalized result (`path.resolve`) that a `startsWith(root)` check confines.
 */
export interface TaintStepRow extends RowBase {
  readonly concept: 'taint-step';
  readonly resolvesPath?: true;
}

/**
 * Compiles a JSON schema (`ajv.compile(schema)`, `argument`) into a predicate, or validates data against one
 * directly (`ajv.validate(schema, data)`: `dataArgument`). Where the predicate held, the data's fields are what
 * the schema admits: an `integer` or `enum` field is clean, a `string` field is not.
 */
export interface JsonSchemaValidatorRow extends RowBase {
  readonly concept: 'json-schema-validator';
  readonly argument: number;
  readonly dataArgument?: number;
}

/**
 * How a printf-style formatter writes its values: a value in a placeholder listed in `escapes` comes out
 * escaped for those kinds; any other placeholder inserts it as is. `appendsRest`: values past the last
 * placeholder are appended (Node's util.format), not dropped (pg-format). `inspectsObjects`: an object or array
 * written in the call comes out through util.inspect, which quotes its strings and escapes CR/LF, wherever it
 * sits, so it is clean for these kinds.
 */
export interface PrintfFormat {
  readonly escapes: Readonly<Record<string, readonly SanitizerKind[]>>;
  readonly appendsRest?: true;
  readonly inspectsObjects?: readonly SanitizerKind[];
}

/** Formats a string from a template in `argument` and the arguments after it (pg-format's `format('%L', x)`). */
export interface FormatStringRow extends RowBase, PrintfFormat {
  readonly concept: 'format-string';
  readonly argument: number;
  /**
   * Placeholders of another syntax than printf's `%s`, filled from the one values argument after the template
   * (pg-promise's `as.format(text, values)`); `escapes` is then keyed by modifier ('' for none).
   */
  readonly syntax?: PlaceholderSyntax;
}

/** A property decorator under which a DTO field holds only values safe for `kinds` (class-validator's `@IsInt()`). */
export interface FieldValidatorRow extends RowBase {
  readonly concept: 'field-validator';
  readonly kinds: readonly SanitizerKind[];
}

/** Returns a function that calls the function in `argument` (`util.promisify(exec)`): a sink stays a sink through it. */
export interface FunctionWrapperRow extends RowBase {
  readonly concept: 'function-wrapper';
  readonly argument: number;
}

/** A sink holds only when an options argument (any object argument after the first) satisfies this. */
export interface SinkCondition {
  readonly option: string;
  readonly is: 'truthy' | 'absent';
}

/** Runs a program or a shell command line: `argument` is the command (or its arguments, under `when`). */
export interface CommandExecutionRow extends RowBase {
  readonly concept: 'command-execution';
  readonly argument: number;
  readonly when?: SinkCondition;
}

/** Opens, reads, writes or removes the file system path in `argument`. */
export interface FileAccessRow extends RowBase {
  readonly concept: 'file-access';
  readonly argument: number;
  readonly when?: SinkCondition;
}

/** Compiles and runs `argument` as JavaScript (`vm.runInNewContext`). */
export interface CodeExecutionRow extends RowBase {
  readonly concept: 'code-execution';
  readonly argument: number;
}

/**
 * Compiles `argument` as a template (`ejs.render(tpl)`, `pug.compile(tpl)`, `_.template(tpl)`) or picks the
 * template file by name (`res.render(view)`): the template is code, so its text must not come from a request.
 */
export interface TemplateCompilationRow extends RowBase {
  readonly concept: 'template-compilation';
  readonly argument: number;
  /**
   * The argument is the template's options-and-data object (`res.render(view, locals)`), a sink only when request
   * data supplies the object itself, its keys included (`req.body`, `{ ...req.query }`): engines read options
   * such as hbs `layout` or ejs `settings` from it. Request values inside an object literal are just data.
   */
  readonly wholeObject?: true;
}

/** Compiles `argument` as a regular expression pattern with a backtracking engine (`XRegExp(pattern)`). */
export interface RegexCompilationRow extends RowBase {
  readonly concept: 'regex-compilation';
  readonly argument: number;
}

/**
 * Tests request input against the regular expression in `argument` (express-validator `.matches(re)`, Joi
 * `.pattern(re)`, zod `.regex(re)`): the pattern is run on whatever a client sends, with a backtracking engine.
 */
export interface PatternValidatorRow extends RowBase {
  readonly concept: 'pattern-validator';
  readonly argument: number;
}

/**
 * Writes `argument` into a response a browser renders as HTML (`c.html(x)`; for a property such as Koa's
 * `ctx.body`, argument 0 is the assigned value), or, with `htmlWhen`, only when the response's content type is
 * HTML: `'string-default'` when a string body defaults to `text/html` and another type set earlier makes it safe
 * (Express `res.send`), `'declared'` when it is HTML only once a `text/html` type was set (`res.end` of
 * node:http, Fastify `reply.send`), `'leading-markup'` when a string body starting with `<` is sent as HTML (Koa).
 */
export interface HtmlOutputRow extends RowBase {
  readonly concept: 'html-output';
  readonly argument: number;
  readonly htmlWhen?: 'string-default' | 'declared' | 'leading-markup';
}

/** Deserializes `argument` with a format that can rebuild functions or run code while reading (node-serialize `unserialize`). */
export interface ObjectDeserializationRow extends RowBase {
  readonly concept: 'object-deserialization';
  readonly argument: number;
}

/** Parses `argument` as XML with external entities or DTDs loaded, as its `when` option condition says (libxmljs `noent`). */
export interface XmlParseRow extends RowBase {
  readonly concept: 'xml-parse';
  readonly argument: number;
  readonly when?: SinkCondition;
}

/** Runs an LDAP search whose filter (or base DN) is `argument` (or its `property`): `client.search(base, { filter })`. */
export interface LdapQueryRow extends RowBase {
  readonly concept: 'ldap-query';
  readonly argument: number;
}

/** Evaluates `argument` as an XPath expression (`xpath.select(expr, doc)`); values bound as variables are not the argument. */
export interface XpathQueryRow extends RowBase {
  readonly concept: 'xpath-query';
  readonly argument: number;
}

/**
 * Runs a MongoDB query document (a `find` filter, an `aggregate` pipeline): a request object anywhere a value is
 * expected can carry query operators (`{ "$ne": null }`). An object-literal document is read key by key, and the
 * values under `literalKeys` are not query values: compared literally (`$eq`, `$in`) or run as code (`$where`,
 * the `nosql-code` concept's).
 */
export interface NoSqlQueryRow extends RowBase {
  readonly concept: 'nosql-query';
  readonly argument: number;
  readonly literalKeys?: readonly string[];
}

/** Runs `argument` (or its options `property`) as JavaScript on the database server: `$where`, `mapReduce` functions. */
export interface NoSqlCodeRow extends RowBase {
  readonly concept: 'nosql-code';
  readonly argument: number;
}

/**
 * Sends a request from the server to the URL in `argument` (or its options `property`: `url`, `baseURL`,
 * `host`): whoever chooses the host makes the server call internal services or cloud metadata (SSRF).
 */
export interface ServerRequestRow extends RowBase {
  readonly concept: 'server-request';
  readonly argument: number;
}

/**
 * Loads `argument` (or its options `property`) as HTML into a browser or renderer on the server (puppeteer's
 * `page.setContent`, html-pdf, wkhtmltopdf): its markup runs scripts and fetches what it names from the
 * server's network position (`<iframe src="file:///etc/passwd">`, `<img src="http://169.254.169.254/">`).
 * Escaped text cannot add markup, so an `html` sanitizer makes the value safe.
 */
export interface BrowserContentRow extends RowBase {
  readonly concept: 'browser-content';
  readonly argument: number;
}

/**
 * Sends the client elsewhere: `argument` is the redirect target (`res.redirect(url)`), or, with `header`, the
 * value of a response header set by name in argument 0 (`res.setHeader('Location', url)`), matched only when
 * that name folds to `header` (case-insensitively).
 */
export interface RedirectRow extends RowBase {
  readonly concept: 'redirect';
  readonly argument: number;
  readonly header?: string;
}

/** Writes a response header whose value (or a headers object) is `argument`: CR/LF there would split the response. */
export interface HeaderWriteRow extends RowBase {
  readonly concept: 'header-write';
  readonly argument: number;
}

/** Writes `argument` to a plain-text log, one entry a line: a newline in it forges a new entry (CWE-117). */
export interface LogWriteRow extends RowBase {
  readonly concept: 'log-write';
  readonly argument: number;
}

/**
 * Creates or updates a stored record from `argument` (or its options `property`, Prisma's `data`) taking every
 * key it holds: a request object there sets fields the form never showed (`isAdmin`, `role`, `balance`).
 * An object literal there supplies keys the code chose; only what it spreads is checked. `when` is checked on
 * the options (Sequelize's `fields` allow-list).
 */
export interface MassAssignmentRow extends RowBase {
  readonly concept: 'mass-assignment';
  readonly argument: number;
  readonly when?: SinkCondition;
}

/**
 * Merges the objects in `argument` and every argument after it into the first, recursing into nested objects
 * (lodash `merge`, `deep-extend`): a `__proto__` or `constructor.prototype` key among them walks into
 * `Object.prototype` and writes there. Text cannot carry keys, so only what may be an object is checked.
 */
export interface DeepMergeRow extends RowBase {
  readonly concept: 'deep-merge';
  readonly argument: number;
}

/**
 * Writes a value at the property path in `argument` (`_.set(obj, 'a.b.c', v)`), creating the objects along
 * it: a path through `__proto__` or `constructor.prototype` writes into `Object.prototype`.
 */
export interface PropertyPathWriteRow extends RowBase {
  readonly concept: 'property-path-write';
  readonly argument: number;
}

// ── Views: templates an app renders by name (models/libraries/view-engines.ts, analysis/views/) ─────────

/** The template languages whose views rampart reads. */
export const TEMPLATE_LANGUAGES = ['ejs', 'pug', 'handlebars', 'nunjucks'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/**
 * Renders the view file named by `argument` with the data object in `locals` (`res.render('home', { user })`):
 * the view engine finds the file in the app's views folders, and what the template writes unescaped is HTML.
 */
export interface ViewRenderRow extends RowBase {
  readonly concept: 'view-render';
  readonly argument: number;
  readonly locals: number;
}

/**
 * Configures how an app's `render` finds views: `setting` is `app.set(name, value)` (`views`: the folders,
 * `view engine`: the default extension), `engine` is `app.engine(extension, renderFunction)`.
 */
export interface ViewConfigRow extends RowBase {
  readonly concept: 'view-config';
  readonly form: 'setting' | 'engine';
}

/** A function that renders view files of `language` when registered with `app.engine(ext, fn)` (`ejs.renderFile`, `hbs.__express`). */
export interface ViewEngineRow extends RowBase {
  readonly concept: 'view-engine';
  readonly language: TemplateLanguage;
}

/**
 * Sets up a template environment that renders an app's views itself when given the app in its options'
 * `expressOption` (`nunjucks.configure(folders, { express: app, autoescape })`): `argument` the folders,
 * `options` the options argument, `autoescapeOption` the option that turns escaping off when `false`.
 */
export interface ViewEnvironmentRow extends RowBase {
  readonly concept: 'view-environment';
  readonly language: TemplateLanguage;
  readonly argument: number;
  readonly options: number;
  readonly expressOption: string;
  readonly autoescapeOption: string;
}

export type ViewRow = ViewRenderRow | ViewConfigRow | ViewEngineRow | ViewEnvironmentRow;

export type TaintRow =
  | RequestInputSourceRow
  | RequestSanitizerRow
  | DeepMergeRow
  | PropertyPathWriteRow
  | MassAssignmentRow
  | NoSqlQueryRow
  | NoSqlCodeRow
  | RequestHandlerRow
  | HandlerTypeRow
  | RequestReaderRow
  | RequestTypeRow
  | RequestDecoratorRow
  | GraphqlResolversRow
  | SanitizerRow
  | ValidatorRow
  | TaintStepRow
  | FunctionWrapperRow
  | JsonSchemaValidatorRow
  | FieldValidatorRow
  | FormatStringRow
  | CommandExecutionRow
  | FileAccessRow
  | CodeExecutionRow
  | ObjectDeserializationRow
  | XmlParseRow
  | LdapQueryRow
  | XpathQueryRow
  | TemplateCompilationRow
  | RegexCompilationRow
  | PatternValidatorRow
  | ServerRequestRow
  | BrowserContentRow
  | RedirectRow
  | HeaderWriteRow
  | LogWriteRow
  | HtmlOutputRow;

// ── Secrets: parameters that take a credential (docs/rules/hardcoded-secret.md) ──────────────────────────

/** What a secret parameter holds, for messages: a JWT or session signing secret, a password, an API key, ... */
export type SecretKind = 'signing-key' | 'encryption-key' | 'password' | 'api-key' | 'access-key' | 'connection-url';

/**
 * Takes a secret: a JWT signing key, a session or cookie secret, a database password, a cloud or SaaS
 * credential. A constant there is a credential in the source. `property` may be a dotted path into nested
 * options (`connection.password`, `credentials.secretAccessKey`). For `connection-url` the value is a URL and
 * the secret is the password in it (`mongodb://user:pass@host`); a URL without one holds no secret.
 */
export interface SecretArgumentRow extends RowBase {
  readonly concept: 'secret-argument';
  readonly argument: number;
  readonly secret: SecretKind;
}

// ── Web frameworks: apps, routers, and the security middleware mounted on them (models/frameworks/*) ─────

/** Creates an app or a router (`express()`, `express.Router()`, `new Koa()`, `new Hono()`, `NestFactory.create()`); `shape` says how it is driven. */
export interface HttpAppRow extends RowBase {
  readonly concept: 'http-app';
  readonly shape: HttpFrameworkShape;
}

/** An option of a security-headers middleware that switches one header off when set to `false`. */
export interface HeaderSwitch {
  readonly option: string;
  /** The header it controls, for messages: `Content-Security-Policy`. */
  readonly header: string;
}

/**
 * A middleware or plugin that sets security response headers (helmet, @fastify/helmet, koa-helmet, hono's
 * secureHeaders). Its options are the call's `argument`, or for a plugin the registration's options argument.
 */
export interface SecurityHeadersRow extends RowBase {
  readonly concept: 'security-headers';
  readonly switches: readonly HeaderSwitch[];
  /** It removes `X-Powered-By` (helmet does unless told `xPoweredBy: false`). */
  readonly removesPoweredBy: boolean;
}

/**
 * A rate limiter used as middleware, plugin, guard or decorator (`rateLimit()`, `@fastify/rate-limit`,
 * `ThrottlerGuard`, `@Throttle()`). `optInOption`: a registration option whose `false` limits only the routes
 * that opt in through their own options (`@fastify/rate-limit`'s `global: false`).
 */
export interface RateLimiterRow extends RowBase {
  readonly concept: 'rate-limiter';
  readonly optInOption?: string;
}

/** Counts a request against a limit inside a hand-written middleware (`rateLimiter.consume(key)` of rate-limiter-flexible). */
export interface RateLimitCheckRow extends RowBase {
  readonly concept: 'rate-limit-check';
}

/** Exempts a route or controller from its model's limiters (`@SkipThrottle()`), unless `argument` folds to `false`. */
export interface RateLimitExemptionRow extends RowBase {
  readonly concept: 'rate-limit-exemption';
}

/** Serves an app or its request handler given among the arguments (`http.createServer(app)`, `serve({ fetch: app.fetch })`). */
export interface HttpServeRow extends RowBase {
  readonly concept: 'http-serve';
}

/** A call (`fp(fn)` of fastify-plugin: the row names the callee) whose function argument `argument` shares its parent's scope. */
export interface PluginWrapperRow extends RowBase {
  readonly concept: 'plugin-wrapper';
  readonly argument: number;
}

/** Mounting it runs project code rampart cannot follow (`@fastify/autoload` loads every plugin in a folder). */
export interface ProjectCodeLoaderRow extends RowBase {
  readonly concept: 'project-code-loader';
}

/** Returns an instance of the class in `argument` from a dependency-injection container (`app.get(ThrottlerGuard)` in Nest). */
export interface InstanceLookupRow extends RowBase {
  readonly concept: 'instance-lookup';
  readonly argument: number;
}

/**
 * Takes an app to read or document it, never adding middleware (`SwaggerModule.setup('docs', app, doc)`,
 * supertest's `request(app)`): handing the app to it leaves everything the analysis knows intact. Any other
 * library the app is handed to might mount anything.
 */
export interface AppReaderRow extends RowBase {
  readonly concept: 'app-reader';
}

/**
 * A middleware or plugin that answers requests with files from a folder (`express.static('public')`,
 * serve-static, koa-static, @fastify/static): pages and scripts an app serves without a route of its own.
 */
export interface StaticFilesRow extends RowBase {
  readonly concept: 'static-files';
}

export type HttpRow =
  | HttpAppRow
  | StaticFilesRow
  | InstanceLookupRow
  | AppReaderRow
  | SecurityHeadersRow
  | RateLimiterRow
  | RateLimitCheckRow
  | RateLimitExemptionRow
  | HttpServeRow
  | PluginWrapperRow
  | ProjectCodeLoaderRow;

/**
 * A decorator that makes a dependency-injection framework fill the parameter or property it decorates with a
 * library value (`@InjectRepository(User) repo`: a TypeORM Repository), whether or not the code also types it.
 */
export interface InjectedValueRow extends RowBase {
  readonly concept: 'injected-value';
  /** The injected value, as a path from a module: `{ module: 'typeorm', steps: ['Repository', '()'] }`. */
  readonly injects: { readonly module: string; readonly steps: readonly string[] };
}

export type ApiRow = SqlExecutionRow | SqlEscapeRow | FastHashRow | PasswordHashRow | TaintRow | ViewRow | SecretArgumentRow | HttpRow | CryptoRow | InjectedValueRow | TransportRow | AuthRow | ExposureRow | LimitRow | SessionRow;

export type ConceptKind = ApiRow['concept'];
export type RowOf<K extends ConceptKind> = Extract<ApiRow, { readonly concept: K }>;

/** What a library is, for the docs and messages, and the API rows it contributes. */
export interface LibraryModel {
  /** A short name used in messages: `pg`, `mysql2`. */
  readonly name: string;
  /** Import specifiers that load it; each row's path applies to every one of them. */
  readonly modules: readonly string[];
  /** The documentation the rows were read from. */
  readonly docs: string;
  readonly rows: readonly ApiRow[];
}
