/**
 * Next.js entry points are found by convention, not by registration: App Router route handlers are the HTTP
 * verb exports of `app/**\/route.ts` (https://nextjs.org/docs/app/api-reference/file-conventions/route),
 * Pages API routes the default export of `pages/api/**`, and server actions every function of a `'use server'`
 * module or body (their arguments come from the client).
 */
import type { LibraryModel, RequestInputKind, RequestShapeId } from '../concepts.js';
import type { RequestShape } from './request-shape.js';

export interface EntryParameter {
  readonly index: number;
  /** The parameter is this request object ... */
  readonly request?: RequestShapeId;
  /** ... or is itself input of this kind (`{ params }`). */
  readonly input?: RequestInputKind;
}

/** Functions a framework calls with request data because of where they are exported from. */
export interface ExportConvention {
  readonly framework: string;
  /** Reported file paths (forward slashes) this convention applies to. */
  readonly files: RegExp;
  readonly exports: readonly string[];
  /** Exports whose object members are the handlers (SvelteKit's `actions`). */
  readonly memberExports?: readonly string[];
  /** The export may be a call of one of these auto-imported globals around the handler (`defineEventHandler(fn)`). */
  readonly wrappers?: readonly string[];
  /** Holds only in a project whose package.json names one of these packages (the Next.js conventions need none: they predate this). */
  readonly requires?: readonly string[];
  readonly parameters: readonly EntryParameter[];
}

export const nextExportConventions: readonly ExportConvention[] = [
  {
    framework: 'next',
    files: /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/,
    exports: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    parameters: [{ index: 0, request: 'fetch-request' }, { index: 1, input: 'parameter' }],
  },
  { framework: 'next', files: /(^|\/)pages\/api\/.+\.[cm]?[jt]sx?$/, exports: ['default'], parameters: [{ index: 0, request: 'next-api-request' }] },
  // Server components: a page's props hold the URL's dynamic segments (`params`) and query (`searchParams`).
  // https://nextjs.org/docs/app/api-reference/file-conventions/page
  { framework: 'next', files: /(^|\/)app\/(.+\/)?page\.[cm]?[jt]sx?$/, exports: ['default', 'generateMetadata'], parameters: [{ index: 0, input: 'query' }] },
];

/** The directive that makes a module's (or a function's) functions callable from the client with any arguments. */
export const SERVER_ACTION_DIRECTIVE = 'use server';
export const SERVER_ACTION_INPUT: RequestInputKind = 'body';

export const nextSources: LibraryModel = {
  name: 'next',
  modules: ['next/server', 'next'],
  docs: 'https://nextjs.org/docs/app/api-reference/functions/next-request',
  rows: [
    { concept: 'request-type', path: 'NextRequest()', request: 'fetch-request' },
    { concept: 'request-type', path: 'NextApiRequest()', request: 'next-api-request' },
  ],
};

/** The Fetch API Request (Next route handlers, Hono's `c.req.raw`), with NextRequest's `nextUrl` and `cookies`. */
export const fetchRequest: RequestShape = {
  id: 'fetch-request',
  inputs: [
    { paths: ['nextUrl.searchParams'], kind: 'query' },
    { paths: ['json()', 'text()', 'formData()', 'arrayBuffer()', 'blob()', 'body'], kind: 'body' },
    { paths: ['headers'], kind: 'header' },
    { paths: ['cookies'], kind: 'cookie' },
    { paths: ['{url,nextUrl,ip}'], kind: 'url' },
  ],
};

export const nextApiRequest: RequestShape = {
  id: 'next-api-request',
  inputs: [
    { paths: ['query'], kind: 'query' },
    { paths: ['body'], kind: 'body' },
    { paths: ['headers'], kind: 'header' },
    { paths: ['cookies'], kind: 'cookie' },
    { paths: ['url'], kind: 'url' },
  ],
};
