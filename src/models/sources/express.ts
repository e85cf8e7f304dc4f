/**
 * Express request inputs (https://expressjs.com/en/5x/api.html#req) and where handlers are registered: an app
 * (`express()`), a Router and `route(path)` chains. Every function argument of a registration is a handler or
 * middleware whose first parameter is the request and second the response.
 */
import type { LibraryModel } from '../concepts.js';
import { EXPRESS_APP } from '../frameworks/express.js';
import { handlerMethods } from './registrations.js';
import { CLIENT_FILE_MEMBERS, type RequestShape } from './request-shape.js';

const VERBS = handlerMethods(EXPRESS_APP, ['use', 'param']);
const HANDLER = { concept: 'request-handler', request: 'express-request', parameter: 0, response: { parameter: 1, type: 'Response()' } } as const;

export const expressSources: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#app.METHOD',
  rows: [
    { ...HANDLER, path: `().${VERBS}` },
    { ...HANDLER, path: `().route().${VERBS}` },
    { ...HANDLER, path: `Router().${VERBS}` },
    { ...HANDLER, path: `Router().route().${VERBS}` },
    { ...HANDLER, path: `{Express,Application,Router,IRouter}().${VERBS}` },
    { ...HANDLER, path: `{Express,Application,Router,IRouter}().route().${VERBS}` },
    { concept: 'request-type', path: 'Request()', request: 'express-request' },
  ],
};

/**
 * `req.get(name)`/`req.header(name)` read a header; `req.files`/`req.file` are filled by upload middleware
 * (multer, express-fileupload), and only their client-chosen members are input (multer's generated `filename`
 * is listed: with `diskStorage` it is often the client's `originalname`). Route parameters, headers and URL parts
 * are always text; `query` is parsed by `qs` (`?a[$ne]=1` is an object) and a JSON `body` may hold objects.
 */
export const expressRequest: RequestShape = {
  id: 'express-request',
  inputs: [
    { paths: ['query'], kind: 'query' },
    { paths: ['params', 'param()'], kind: 'parameter', text: true },
    { paths: ['body'], kind: 'body' },
    { paths: ['headers', 'rawHeaders', 'get()', 'header()'], kind: 'header', text: true },
    { paths: ['{cookies,signedCookies}'], kind: 'cookie' },
    { paths: ['{ip,ips,hostname,host,subdomains,path,url,originalUrl,baseUrl}'], kind: 'url', text: true },
    { paths: [`{files,file}.**.${CLIENT_FILE_MEMBERS}`], kind: 'file' },
  ],
};
