/**
 * Libraries that take an app only to read or document it. Handing the app to one of these does not make the
 * rules lose track of it (any other library might mount middleware, so it does).
 */
import type { LibraryModel } from '../concepts.js';

/** @nestjs/swagger builds the OpenAPI document from the app and serves it (https://docs.nestjs.com/openapi/introduction). */
export const nestSwagger: LibraryModel = {
  name: '@nestjs/swagger',
  modules: ['@nestjs/swagger'],
  docs: 'https://docs.nestjs.com/openapi/introduction#bootstrap',
  rows: [{ concept: 'app-reader', path: 'SwaggerModule.{createDocument,setup}' }],
};

/** supertest drives an app in tests (https://github.com/ladjs/supertest#example). */
export const supertest: LibraryModel = {
  name: 'supertest',
  modules: ['supertest'],
  docs: 'https://github.com/ladjs/supertest#example',
  rows: [{ concept: 'app-reader', path: '' }],
};

/** Sentry's error handlers are added after the routes and only report errors (https://docs.sentry.io/platforms/javascript/guides/express/). */
export const sentryNode: LibraryModel = {
  name: '@sentry/node',
  modules: ['@sentry/node', '@sentry/nestjs'],
  docs: 'https://docs.sentry.io/platforms/javascript/guides/express/',
  rows: [{ concept: 'app-reader', path: '{setupExpressErrorHandler,setupFastifyErrorHandler,setupKoaErrorHandler,setupHonoErrorHandler,setupConnectErrorHandler}' }],
};
