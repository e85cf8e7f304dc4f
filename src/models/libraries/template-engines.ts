import type { LibraryModel } from '../concepts.js';

/**
 * Template engines, where they compile a template's TEXT. A template is a program: ejs, pug, lodash and doT
 * compile it to JavaScript (`<%= global.process.mainModule.require('child_process').execSync('id') %>`), and
 * even logic-less engines expose the whole view object to it. Data passed beside a constant template
 * (`ejs.render('<p><%= name %></p>', { name })`) is not a sink: only the template argument is listed.
 */
export const ejs: LibraryModel = {
  name: 'ejs',
  modules: ['ejs'],
  docs: 'https://github.com/mde/ejs#usage',
  rows: [{ concept: 'template-compilation', path: '{render,compile}', argument: 0 }],
};

export const pug: LibraryModel = {
  name: 'pug',
  modules: ['pug', 'jade'],
  docs: 'https://pugjs.org/api/reference.html',
  rows: [{ concept: 'template-compilation', path: '{compile,render,compileClient,compileClientWithDependenciesTracked}', argument: 0 }],
};

/** `Handlebars.create()` returns an isolated environment with the same API. */
export const handlebars: LibraryModel = {
  name: 'handlebars',
  modules: ['handlebars', 'handlebars/runtime'],
  docs: 'https://handlebarsjs.com/api-reference/compilation.html',
  rows: [
    { concept: 'template-compilation', path: '{compile,precompile}', argument: 0 },
    { concept: 'template-compilation', path: 'create().{compile,precompile}', argument: 0 },
  ],
};

/** `configure()` returns an Environment; `new Template(src)` compiles `src`. */
export const nunjucks: LibraryModel = {
  name: 'nunjucks',
  modules: ['nunjucks'],
  docs: 'https://mozilla.github.io/nunjucks/api.html',
  rows: [
    { concept: 'template-compilation', path: '{renderString,compile}', argument: 0 },
    { concept: 'template-compilation', path: '{Environment,configure}().renderString', argument: 0 },
    { concept: 'template-compilation', path: 'Template', argument: 0 },
  ],
};

/** lodash and underscore `template(string)` compile `<% %>` blocks to a Function. */
export const lodashTemplate: LibraryModel = {
  name: 'lodash',
  modules: ['lodash', 'lodash-es', 'underscore'],
  docs: 'https://lodash.com/docs/4.17.15#template',
  rows: [{ concept: 'template-compilation', path: 'template', argument: 0 }],
};

export const lodashTemplateFunction: LibraryModel = {
  name: 'lodash.template',
  modules: ['lodash/template', 'lodash.template', 'lodash-es/template'],
  docs: 'https://lodash.com/docs/4.17.15#template',
  rows: [{ concept: 'template-compilation', path: '', argument: 0 }],
};

export const mustache: LibraryModel = {
  name: 'mustache',
  modules: ['mustache'],
  docs: 'https://github.com/janl/mustache.js#usage',
  rows: [{ concept: 'template-compilation', path: '{render,parse}', argument: 0 }],
};

export const doT: LibraryModel = {
  name: 'dot',
  modules: ['dot'],
  docs: 'https://olado.github.io/doT/',
  rows: [{ concept: 'template-compilation', path: '{template,compile}', argument: 0 }],
};

/** `Twig.twig({ data: template })` compiles `data`; `{ path }` or `{ href }` load a file instead. */
export const twig: LibraryModel = {
  name: 'twig',
  modules: ['twig'],
  docs: 'https://github.com/twigjs/twig.js/wiki',
  rows: [{ concept: 'template-compilation', path: 'twig', argument: 0, property: 'data' }],
};

/** Eta v3 is a class (`new Eta().renderString`); v1/v2 export functions. `render(name)` of v3 names a file. */
export const eta: LibraryModel = {
  name: 'eta',
  modules: ['eta'],
  docs: 'https://eta.js.org/docs/api',
  rows: [
    { concept: 'template-compilation', path: 'Eta().{renderString,renderStringAsync,compile}', argument: 0 },
    { concept: 'template-compilation', path: '{render,renderAsync,compile}', argument: 0 },
  ],
};

/**
 * Express `res.render(view)` (https://expressjs.com/en/5x/api.html#res.render): the view engine resolves the
 * name against the views directory, so a request-chosen name (`../uploads/evil`) makes it compile any file
 * with the engine's extension, an upload included: template injection by file, reported here rather than as
 * path traversal because what happens to the file is compilation. The locals object is also the engine's
 * options: a request object passed whole (`res.render('account', req.body)`) lets the caller set hbs `layout`
 * (another file to compile) or, in ejs before 3.1.7, `settings['view options'].outputFunctionName` (code).
 */
export const expressViews: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.render',
  rows: [
    { concept: 'template-compilation', path: 'Response().**.render', argument: 0 },
    // Locals double as render options: hbs reads `layout` (a file it compiles), ejs < 3.1.7 `settings['view options']`.
    { concept: 'template-compilation', path: 'Response().**.render', argument: 1, wholeObject: true },
  ],
};

export const TEMPLATE_ENGINES: readonly LibraryModel[] = [ejs, pug, handlebars, nunjucks, lodashTemplate, lodashTemplateFunction, mustache, doT, twig, eta, expressViews];
