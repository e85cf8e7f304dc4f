/**
 * helmet and its framework ports. helmet() sets Content-Security-Policy, Strict-Transport-Security,
 * X-Frame-Options and more, and removes X-Powered-By; each option set to `false` switches its header off
 * (https://helmetjs.github.io/#reference; `hsts` and `frameguard` are the pre-6.2 names of
 * `strictTransportSecurity` and `xFrameOptions`). koa-helmet and @fastify/helmet take the same options
 * (https://github.com/venables/koa-helmet, https://github.com/fastify/fastify-helmet).
 */
import type { HeaderSwitch, LibraryModel } from '../concepts.js';

export const HELMET_SWITCHES: readonly HeaderSwitch[] = [
  { option: 'contentSecurityPolicy', header: 'Content-Security-Policy' },
  { option: 'strictTransportSecurity', header: 'Strict-Transport-Security' },
  { option: 'hsts', header: 'Strict-Transport-Security' },
  { option: 'xFrameOptions', header: 'X-Frame-Options' },
  { option: 'frameguard', header: 'X-Frame-Options' },
];

const ONE_HEADER = '{contentSecurityPolicy,strictTransportSecurity,hsts,frameguard,xFrameOptions,noSniff,xContentTypeOptions,referrerPolicy,crossOriginOpenerPolicy,crossOriginResourcePolicy}()';

export const helmet: LibraryModel = {
  name: 'helmet',
  modules: ['helmet'],
  docs: 'https://helmetjs.github.io/#reference',
  rows: [
    { concept: 'security-headers', path: '()', argument: 0, removesPoweredBy: true, switches: HELMET_SWITCHES },
    { concept: 'security-headers', path: '{hidePoweredBy,xPoweredBy}()', removesPoweredBy: true, switches: [] },
    { concept: 'security-headers', path: ONE_HEADER, removesPoweredBy: false, switches: [] },
  ],
};

export const koaHelmet: LibraryModel = {
  name: 'koa-helmet',
  modules: ['koa-helmet'],
  docs: 'https://github.com/venables/koa-helmet#usage',
  rows: [
    { concept: 'security-headers', path: '()', argument: 0, removesPoweredBy: true, switches: HELMET_SWITCHES },
    { concept: 'security-headers', path: ONE_HEADER, removesPoweredBy: false, switches: [] },
  ],
};

/** A Fastify plugin: `register(helmet, options)`, so its options are the registration's. */
export const fastifyHelmet: LibraryModel = {
  name: '@fastify/helmet',
  modules: ['@fastify/helmet', 'fastify-helmet'],
  docs: 'https://github.com/fastify/fastify-helmet#usage',
  rows: [
    { concept: 'security-headers', path: '', removesPoweredBy: true, switches: HELMET_SWITCHES },
    { concept: 'security-headers', path: 'fastifyHelmet', removesPoweredBy: true, switches: HELMET_SWITCHES },
  ],
};
