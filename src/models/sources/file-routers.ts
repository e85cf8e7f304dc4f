/**
 * File-based routers besides Next.js (models/sources/next.ts): a module's place in the tree makes its exports
 * route handlers, which the framework calls with a request event. They hold only in a project whose own
 * package.json names the framework (read as data), so a `GET` export elsewhere stays a function.
 * SvelteKit (https://svelte.dev/docs/kit/routing#server): `+server.ts` verb exports and `+page.server.ts`
 * `load` and `actions` get a RequestEvent (`request`, `url`, `params`, `cookies`). Remix and React Router's
 * framework mode (https://remix.run/docs/en/main/route/loader): route modules' `loader` and `action` get
 * `{ request, params }`. Astro endpoints (https://docs.astro.build/en/guides/endpoints/): verb exports of
 * `src/pages/**` get an APIContext (`request`, `url`, `params`, `cookies`, `clientAddress`).
 */
import type { ExportConvention } from './next.js';
import type { RequestShape } from './request-shape.js';

const VERBS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const EVENT = [{ index: 0, request: 'route-event' }] as const;

export const fileRouterConventions: readonly ExportConvention[] = [
  { framework: 'sveltekit', requires: ['@sveltejs/kit'], files: /(^|\/)src\/routes\/(.+\/)?\+server\.[cm]?[jt]s$/, exports: [...VERBS, 'fallback'], parameters: EVENT },
  { framework: 'sveltekit', requires: ['@sveltejs/kit'], files: /(^|\/)src\/routes\/(.+\/)?\+(page|layout)\.server\.[cm]?[jt]s$/, exports: ['load'], memberExports: ['actions'], parameters: EVENT },
  {
    framework: 'remix',
    requires: ['@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare', '@remix-run/deno', '@react-router/node', '@react-router/dev'],
    files: /(^|\/)app\/(routes\/.+|root)\.[cm]?[jt]sx?$/,
    exports: ['loader', 'action'],
    parameters: EVENT,
  },
  { framework: 'astro', requires: ['astro'], files: /(^|\/)src\/pages\/.+\.[cm]?[jt]s$/, exports: [...VERBS, 'ALL'], parameters: EVENT },
];

/** The request events of these routers: a Fetch API `request`, the route's `params`, the parsed `url`, `cookies`. */
export const routeEvent: RequestShape = {
  id: 'route-event',
  inputs: [
    { paths: ['request.{json,text,formData,arrayBuffer,blob}()', 'request.body'], kind: 'body' },
    { paths: ['request.headers'], kind: 'header' },
    { paths: ['url.searchParams'], kind: 'query' },
    { paths: ['params'], kind: 'parameter', text: true },
    { paths: ['cookies.get()'], kind: 'cookie', text: true },
    { paths: ['url', 'request.url', 'clientAddress', 'getClientAddress()'], kind: 'url', text: true },
  ],
};
