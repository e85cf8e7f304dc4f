/** The models taint tracking adds: request sources, sinks of the injection rules, sanitizers and taint steps. */
import type { LibraryModel } from './concepts.js';
import { childProcess, crossSpawn, execa, shelljs } from './libraries/child-process.js';
import { expressFiles, fsExtra, nodeFs, nodeFsPromises } from './libraries/node-fs.js';
import { nodePath, nodeUtil, nodeUtilWrappers } from './libraries/node-path.js';
import { nodeVm } from './libraries/node-vm.js';
import { expressMongoSanitize } from './libraries/mongo-sanitize.js';
import { mathjs } from './libraries/mathjs.js';
import { TEMPLATE_ENGINES } from './libraries/template-engines.js';
import { VIEW_ENGINES } from './libraries/view-engines.js';
import { REGEX_LIBRARIES } from './libraries/regex-libraries.js';
import { HTML_RESPONSES } from './libraries/html-responses.js';
import { cryo, funcster, nodeSerialize, serializeToJs } from './libraries/deserializers.js';
import { activeDirectory, ldapjs, ldapts } from './libraries/ldap.js';
import { libxmljs } from './libraries/libxmljs.js';
import { fontoxpath, xpath } from './libraries/xpath.js';
import { domPurify, escapeHtml, he, lodashEscapers, sanitizeFilename, sanitizeHtml, shellQuote, validatorJs } from './sanitizers/escaping.js';
import { ajv } from './sanitizers/json-schema.js';
import { classValidator, classValidatorFunctions, pgFormatTemplates, uuid } from './sanitizers/validation-libraries.js';
import { axios, bent, got, ky, needle, nodeFetch, nodeHttpClient, phin, requestLibrary, superagent, undici, urllib, wreck } from './libraries/http-clients.js';
import { htmlPdf, htmlPdfNode, phantom, playwright, puppeteer, wkhtmltoimage, wkhtmltopdf } from './libraries/headless-browsers.js';
import { expressResponses, fastifyResponses, honoResponses, koaResponses, koaRouterResponses, nextNavigation, nextServerResponses, nodeHttpResponses } from './libraries/http-responses.js';
import { log4js } from './libraries/loggers.js';
import { DEEP_MERGE_LIBRARIES } from './libraries/deep-merge.js';
import { SOURCE_MODELS } from './sources/shapes.js';

export const TAINT_MODELS: readonly LibraryModel[] = [
  ...SOURCE_MODELS,
  expressMongoSanitize,
  axios,
  got,
  undici,
  nodeFetch,
  nodeHttpClient,
  superagent,
  needle,
  requestLibrary,
  urllib,
  bent,
  phin,
  ky,
  wreck,
  puppeteer,
  playwright,
  wkhtmltopdf,
  wkhtmltoimage,
  phantom,
  htmlPdf,
  htmlPdfNode,
  expressResponses,
  nodeHttpResponses,
  koaResponses,
  koaRouterResponses,
  fastifyResponses,
  honoResponses,
  nextNavigation,
  nextServerResponses,
  log4js,
  childProcess,
  crossSpawn,
  execa,
  shelljs,
  nodeFs,
  nodeFsPromises,
  fsExtra,
  expressFiles,
  nodePath,
  nodeUtil,
  nodeUtilWrappers,
  nodeVm,
  mathjs,
  ...TEMPLATE_ENGINES,
  ...VIEW_ENGINES,
  ...REGEX_LIBRARIES,
  ...HTML_RESPONSES,
  ...DEEP_MERGE_LIBRARIES,
  nodeSerialize,
  funcster,
  cryo,
  serializeToJs,
  libxmljs,
  ldapjs,
  ldapts,
  activeDirectory,
  xpath,
  fontoxpath,
  escapeHtml,
  lodashEscapers,
  he,
  domPurify,
  sanitizeHtml,
  sanitizeFilename,
  shellQuote,
  validatorJs,
  ajv,
  classValidator,
  classValidatorFunctions,
  uuid,
  pgFormatTemplates,
];
