import type { LibraryModel, ServerRequestRow } from '../concepts.js';

/**
 * HTTP clients: each row is where the request's URL (or its host) is chosen. A URL argument may be a whole URL
 * or, for the clients that also take one options object in its place, that object: then only the `url`,
 * `baseURL`/`prefixUrl`, `host` and `hostname` options choose where the request goes (headers, `params` and
 * `data` do not).
 */
function urlRows(path: string, argument: number, properties: readonly string[]): ServerRequestRow[] {
  return properties.map((property) => ({ concept: 'server-request', path, argument, property }));
}

const AXIOS_VERBS = '{get,delete,head,options,post,put,patch,request,getUri,postForm,putForm,patchForm}';
const AXIOS_CONFIG = ['url', 'baseURL'];

/** axios (https://axios-http.com/docs/api_intro): `axios(url | config)`, `axios.get(url)`, `axios.create({ baseURL })`. */
export const axios: LibraryModel = {
  name: 'axios',
  modules: ['axios'],
  docs: 'https://axios-http.com/docs/req_config',
  rows: [
    ...urlRows('', 0, AXIOS_CONFIG),
    ...urlRows(AXIOS_VERBS, 0, AXIOS_CONFIG),
    { concept: 'server-request', path: 'create', argument: 0, property: 'baseURL' },
    ...urlRows(`create().${AXIOS_VERBS}`, 0, AXIOS_CONFIG),
    // An instance held in a typed field or parameter (`private http: AxiosInstance`); an absolute URL given to
    // an instance replaces its `baseURL`.
    ...urlRows(`{AxiosInstance,Axios}().${AXIOS_VERBS}`, 0, AXIOS_CONFIG),
  ],
};

const GOT_VERBS = '{get,post,put,patch,delete,head,stream,paginate}';

/** got (https://github.com/sindresorhus/got/blob/main/documentation/2-options.md): `got(url, options)`, `got.get(url)`, `prefixUrl`. */
export const got: LibraryModel = {
  name: 'got',
  modules: ['got'],
  docs: 'https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#url',
  rows: [
    ...urlRows('', 0, ['url', 'prefixUrl']),
    ...urlRows(GOT_VERBS, 0, ['url', 'prefixUrl']),
    { concept: 'server-request', path: 'extend', argument: 0, property: 'prefixUrl' },
    ...urlRows(`extend().${GOT_VERBS}`, 0, ['url']),
  ],
};

/** undici (https://undici.nodejs.org/#/docs/api/Dispatcher): `request(url)`, `fetch(url)`, `new Client(origin)`, `new Pool(origin)`. */
export const undici: LibraryModel = {
  name: 'undici',
  modules: ['undici'],
  docs: 'https://undici.nodejs.org/#/?id=undicirequesturl-options-promise',
  rows: [
    ...urlRows('{request,fetch,stream}', 0, ['origin']),
    { concept: 'server-request', path: '{Client,Pool}', argument: 0 },
  ],
};

/** node-fetch (https://github.com/node-fetch/node-fetch#fetchurl-options): the default export is `fetch(url, options)`. */
export const nodeFetch: LibraryModel = {
  name: 'node-fetch',
  modules: ['node-fetch'],
  docs: 'https://github.com/node-fetch/node-fetch#fetchurl-options',
  rows: [{ concept: 'server-request', path: '', argument: 0 }],
};

/**
 * node:http and node:https (https://nodejs.org/api/http.html#httprequesturl-options-callback): `request(url)`
 * or `request(options)`, where `host`/`hostname` choose the server; `get` is the same.
 */
export const nodeHttpClient: LibraryModel = {
  name: 'http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  docs: 'https://nodejs.org/api/http.html#httprequestoptions-callback',
  rows: urlRows('{request,get}', 0, ['host', 'hostname']),
};

/** superagent (https://ladjs.github.io/superagent/#request-basics): `superagent.get(url)`, `superagent(method, url)`. */
export const superagent: LibraryModel = {
  name: 'superagent',
  modules: ['superagent'],
  docs: 'https://ladjs.github.io/superagent/#request-basics',
  rows: [
    { concept: 'server-request', path: '{get,post,put,patch,del,delete,head,options}', argument: 0 },
    { concept: 'server-request', path: '', argument: 1 },
    // An agent keeps cookies across requests and has the same verbs (`superagent.agent().get(url)`).
    { concept: 'server-request', path: 'agent().{get,post,put,patch,del,delete,head,options}', argument: 0 },
  ],
};

/**
 * needle (https://github.com/tomas/needle#api): `needle.get/head(url, ...)`, `needle.post/put/patch/delete(url,
 * data, ...)`, `needle.request(method, url, ...)` and the promise form `needle(method, url, ...)`.
 */
export const needle: LibraryModel = {
  name: 'needle',
  modules: ['needle'],
  docs: 'https://github.com/tomas/needle#api',
  rows: [
    { concept: 'server-request', path: '{get,head,post,put,patch,delete}', argument: 0 },
    { concept: 'server-request', path: 'request', argument: 1 },
    { concept: 'server-request', path: '', argument: 1 },
  ],
};

const REQUEST_VERBS = '{get,post,put,patch,del,delete,head}';
const REQUEST_OPTIONS = ['uri', 'url', 'baseUrl'];

/**
 * request and its promise wrappers (https://github.com/request/request#requestoptions-callback):
 * `request(uri | options, callback)`, `request.get(...)`, and `request.defaults({ baseUrl })` instances; `uri`
 * (or `url`) and `baseUrl` choose the server.
 */
export const requestLibrary: LibraryModel = {
  name: 'request',
  modules: ['request', 'request-promise', 'request-promise-native'],
  docs: 'https://github.com/request/request#requestoptions-callback',
  rows: [
    ...urlRows('', 0, REQUEST_OPTIONS),
    ...urlRows(REQUEST_VERBS, 0, REQUEST_OPTIONS),
    { concept: 'server-request', path: 'defaults', argument: 0, property: 'baseUrl' },
    ...urlRows(`defaults().${REQUEST_VERBS}`, 0, ['uri', 'url']),
  ],
};

/**
 * urllib (https://github.com/node-modules/urllib#api-doc): `request(url, options)`, `curl(url, options)`, and
 * the same methods on `new HttpClient()` (and `HttpClient2`).
 */
export const urllib: LibraryModel = {
  name: 'urllib',
  modules: ['urllib'],
  docs: 'https://github.com/node-modules/urllib#api-doc',
  rows: [
    { concept: 'server-request', path: '{request,curl,requestWithCallback}', argument: 0 },
    { concept: 'server-request', path: '{HttpClient,HttpClient2,create}().{request,curl}', argument: 0 },
  ],
};

/**
 * bent (https://github.com/mikeal/bent#usage): `bent(baseUrl?, ...options)` returns the request function,
 * called with the URL (or the path after the base URL): `bent('json')(url)`. A string option starting with a
 * scheme is the base URL; the others are methods, encodings and status codes, never request data.
 */
export const bent: LibraryModel = {
  name: 'bent',
  modules: ['bent'],
  docs: 'https://github.com/mikeal/bent#usage',
  rows: [
    { concept: 'server-request', path: '', argument: 0 },
    { concept: 'server-request', path: '()', argument: 0 },
  ],
};

/** phin and centra's wrapper (https://github.com/ethanent/phin#usage): `phin(url | { url })`, `phin.unpromisified(...)`. */
export const phin: LibraryModel = {
  name: 'phin',
  modules: ['phin'],
  docs: 'https://github.com/ethanent/phin#usage',
  rows: [...urlRows('', 0, ['url']), ...urlRows('unpromisified', 0, ['url'])],
};

const KY_VERBS = '{get,post,put,patch,head,delete}';

/** ky (https://github.com/sindresorhus/ky#api): `ky(input)`, `ky.get(input)`, `ky.create({ prefixUrl })` / `extend`. */
export const ky: LibraryModel = {
  name: 'ky',
  modules: ['ky', 'ky-universal'],
  docs: 'https://github.com/sindresorhus/ky#api',
  rows: [
    { concept: 'server-request', path: '', argument: 0 },
    { concept: 'server-request', path: '', argument: 1, property: 'prefixUrl' },
    { concept: 'server-request', path: KY_VERBS, argument: 0 },
    { concept: 'server-request', path: KY_VERBS, argument: 1, property: 'prefixUrl' },
    { concept: 'server-request', path: '{create,extend}', argument: 0, property: 'prefixUrl' },
    { concept: 'server-request', path: `{create,extend}().${KY_VERBS}`, argument: 0 },
  ],
};

const WRECK_VERBS = '{get,post,put,patch,delete}';

/**
 * @hapi/wreck (https://hapi.dev/module/wreck/api/): `request(method, uri, options)`, `get(uri, options)` and the
 * other verbs, and `defaults({ baseUrl })` instances; `options.baseUrl` prefixes a relative `uri`.
 */
export const wreck: LibraryModel = {
  name: 'wreck',
  modules: ['@hapi/wreck', 'wreck'],
  docs: 'https://hapi.dev/module/wreck/api/#requestmethod-uri-options',
  rows: [
    { concept: 'server-request', path: 'request', argument: 1 },
    { concept: 'server-request', path: WRECK_VERBS, argument: 0 },
    { concept: 'server-request', path: 'request', argument: 2, property: 'baseUrl' },
    { concept: 'server-request', path: WRECK_VERBS, argument: 1, property: 'baseUrl' },
    { concept: 'server-request', path: 'defaults', argument: 0, property: 'baseUrl' },
    { concept: 'server-request', path: `defaults().${WRECK_VERBS}`, argument: 0 },
    { concept: 'server-request', path: 'defaults().request', argument: 1 },
  ],
};
