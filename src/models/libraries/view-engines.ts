/**
 * How Express finds and renders views (https://expressjs.com/en/5x/api.html#res.render,
 * https://expressjs.com/en/guide/using-template-engines.html): `res.render(name, locals)` looks the name up in
 * the `views` setting's folders (default `./views` of the process's working directory), adding the `view engine`
 * setting as extension when the name has none, and renders it with the function `app.engine(ext, fn)`
 * registered for that extension, or else with the module named by the extension (`.pug` → `require('pug').__express`).
 * Which template syntax writes raw output is the template language's (analysis/views/*-template.ts).
 */
import type { LibraryModel, TemplateLanguage } from '../concepts.js';

export const expressViewRendering: LibraryModel = {
  name: 'express',
  modules: ['express'],
  docs: 'https://expressjs.com/en/5x/api.html#res.render',
  rows: [
    { concept: 'view-render', path: 'Response().**.render', argument: 0, locals: 1 },
    { concept: 'view-config', path: '().set', form: 'setting' },
    { concept: 'view-config', path: '().engine', form: 'engine' },
  ],
};

export const ejsViews: LibraryModel = {
  name: 'ejs',
  modules: ['ejs'],
  docs: 'https://github.com/mde/ejs#express',
  rows: [{ concept: 'view-engine', path: '{renderFile,__express}', language: 'ejs' }],
};

export const pugViews: LibraryModel = {
  name: 'pug',
  modules: ['pug', 'jade'],
  docs: 'https://pugjs.org/api/express.html',
  rows: [{ concept: 'view-engine', path: '{renderFile,__express}', language: 'pug' }],
};

/** hbs is Handlebars for Express (`app.set('view engine', 'hbs')`). */
export const hbsViews: LibraryModel = {
  name: 'hbs',
  modules: ['hbs'],
  docs: 'https://github.com/pillarjs/hbs#readme',
  rows: [{ concept: 'view-engine', path: '__express', language: 'handlebars' }],
};

/** `app.engine('handlebars', engine())` (v6+), `exphbs()` (older), `exphbs.create().engine`. */
export const expressHandlebars: LibraryModel = {
  name: 'express-handlebars',
  modules: ['express-handlebars'],
  docs: 'https://github.com/express-handlebars/express-handlebars#usage',
  rows: [
    { concept: 'view-engine', path: 'engine()', language: 'handlebars' },
    { concept: 'view-engine', path: '()', language: 'handlebars' },
    { concept: 'view-engine', path: 'create().engine', language: 'handlebars' },
  ],
};

/** `configure(folders, { express: app })` makes nunjucks render the app's views; `autoescape` is on unless set to false (since 2.0). */
export const nunjucksViews: LibraryModel = {
  name: 'nunjucks',
  modules: ['nunjucks'],
  docs: 'https://mozilla.github.io/nunjucks/api.html#configure',
  rows: [{ concept: 'view-environment', path: 'configure', argument: 0, options: 1, language: 'nunjucks', expressOption: 'express', autoescapeOption: 'autoescape' }],
};

/**
 * The template language of a view file by its extension, where no `app.engine` registration says otherwise:
 * Express loads the module the extension names (`.ejs`, `.pug`, `.hbs`); `.handlebars` and `.njk` are the
 * extensions express-handlebars and nunjucks use by convention.
 */
export const VIEW_EXTENSION_LANGUAGES: Readonly<Record<string, TemplateLanguage>> = {
  ejs: 'ejs',
  pug: 'pug',
  jade: 'pug',
  hbs: 'handlebars',
  handlebars: 'handlebars',
  njk: 'nunjucks',
};

export const VIEW_ENGINES: readonly LibraryModel[] = [expressViewRendering, ejsViews, pugViews, hbsViews, expressHandlebars, nunjucksViews];
