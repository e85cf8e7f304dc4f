import type { LibraryModel } from '../concepts.js';

/**
 * Browsers and renderers driven by the server: a URL they open is fetched from the server's network position
 * (ssrf), and HTML they load runs and fetches whatever its markup names, `file://` included (browser-content).
 */

/** A page however it was reached: from the launched or connected browser, a context of it, or a typed `Page`. */
const PUPPETEER_PAGES = ['{launch,connect}().newPage()', '{launch,connect}().{createBrowserContext,createIncognitoBrowserContext}().newPage()', 'Page()'] as const;

/** puppeteer (https://pptr.dev/api/puppeteer.page.goto): `page.goto(url)` navigates; `page.setContent(html)` loads markup. */
export const puppeteer: LibraryModel = {
  name: 'puppeteer',
  modules: ['puppeteer', 'puppeteer-core'],
  docs: 'https://pptr.dev/api/puppeteer.page.setcontent',
  rows: PUPPETEER_PAGES.flatMap((page) => [
    { concept: 'server-request' as const, path: `${page}.goto`, argument: 0 },
    { concept: 'browser-content' as const, path: `${page}.setContent`, argument: 0 },
  ]),
};

const PLAYWRIGHT_PAGES = ['{chromium,firefox,webkit}.launch().newPage()', '{chromium,firefox,webkit}.launch().newContext().newPage()', 'Page()'] as const;

/** Playwright (https://playwright.dev/docs/api/class-page#page-goto): the same two methods on its pages. */
export const playwright: LibraryModel = {
  name: 'playwright',
  modules: ['playwright', 'playwright-core'],
  docs: 'https://playwright.dev/docs/api/class-page#page-set-content',
  rows: PLAYWRIGHT_PAGES.flatMap((page) => [
    { concept: 'server-request' as const, path: `${page}.goto`, argument: 0 },
    { concept: 'browser-content' as const, path: `${page}.setContent`, argument: 0 },
  ]),
};

/**
 * wkhtmltopdf and wkhtmltoimage (https://github.com/devongovett/node-wkhtmltopdf#usage): the input is a URL or
 * an HTML document, rendered by WebKit with file and network access.
 */
export const wkhtmltopdf: LibraryModel = {
  name: 'wkhtmltopdf',
  modules: ['wkhtmltopdf'],
  docs: 'https://github.com/devongovett/node-wkhtmltopdf#usage',
  rows: [{ concept: 'browser-content', path: '', argument: 0 }],
};

export const wkhtmltoimage: LibraryModel = {
  name: 'wkhtmltoimage',
  modules: ['wkhtmltoimage'],
  docs: 'https://github.com/timrodz/node-wkhtmltoimage#usage',
  rows: [{ concept: 'browser-content', path: 'generate', argument: 0 }],
};

/** phantom (https://github.com/amir20/phantomjs-node#usage): `(await phantom.create()).createPage()`, then `page.open(url)`. */
export const phantom: LibraryModel = {
  name: 'phantom',
  modules: ['phantom'],
  docs: 'https://github.com/amir20/phantomjs-node#pageopen',
  rows: [
    { concept: 'server-request', path: 'create().createPage().open', argument: 0 },
    { concept: 'browser-content', path: 'create().createPage().setContent', argument: 0 },
  ],
};

/** html-pdf (https://github.com/marcbachmann/node-html-pdf#api): `pdf.create(html, options)` renders with PhantomJS. */
export const htmlPdf: LibraryModel = {
  name: 'html-pdf',
  modules: ['html-pdf'],
  docs: 'https://github.com/marcbachmann/node-html-pdf#api',
  rows: [{ concept: 'browser-content', path: 'create', argument: 0 }],
};

/** html-pdf-node (https://github.com/mrafiqk/html-pdf-node#readme): `generatePdf({ url } | { content }, options)`, `generatePdfs([...])`. */
export const htmlPdfNode: LibraryModel = {
  name: 'html-pdf-node',
  modules: ['html-pdf-node'],
  docs: 'https://github.com/mrafiqk/html-pdf-node#readme',
  rows: [
    { concept: 'server-request', path: 'generatePdf', argument: 0, property: 'url' },
    { concept: 'browser-content', path: 'generatePdf', argument: 0, property: 'content' },
  ],
};
