/**
 * NestJS (https://docs.nestjs.com/): `NestFactory.create(AppModule)` is the app; routes are methods of
 * `@Controller(prefix)` classes decorated `@Post(path)` (https://docs.nestjs.com/controllers); controllers and
 * global providers are listed by `@Module({ imports, controllers, providers })` classes. Guards apply through
 * `@UseGuards()` on a class or method, `app.useGlobalGuards()`, or a provider `{ provide: APP_GUARD, useClass }`
 * in any module (https://docs.nestjs.com/guards#binding-guards); middleware through `app.use()` or a module's
 * `configure(consumer) { consumer.apply(mw).forRoutes(...) }` (https://docs.nestjs.com/middleware).
 * Nest registers routes when the app starts, so `app.use()` before `listen()` applies to all of them.
 */
import type { LibraryModel } from '../concepts.js';
import { EXPRESS_HANDLER } from './express.js';
import type { HttpFrameworkShape } from './http-shape.js';

export const NEST_APP: HttpFrameworkShape = {
  framework: 'NestJS',
  role: 'app',
  routeMethods: {},
  routeBuilders: [],
  routeObjectMethods: [],
  namedRoutes: false,
  routeOptions: null,
  mounts: [
    { method: 'use', path: 'optional-first', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null },
    { method: 'register', path: 'none', firstMiddleware: 0, optionsArgument: 1, prefixOption: null, scopeParameter: null },
    { method: 'useGlobalGuards', path: 'none', firstMiddleware: 0, optionsArgument: null, prefixOption: null, scopeParameter: null },
  ],
  listenMethods: ['listen'],
  servingMembers: [],
  exportServes: false,
  mountOrderMatters: false,
  chainableMethods: ['use'],
  mountableMembers: [],
  creationPrefix: null,
  poweredBy: null,
  handler: EXPRESS_HANDLER,
  rootModuleArgument: 0,
  classMiddlewareMethod: 'use',
};

/** Where Nest's structure lives: decorators of '@nestjs/common', the APP_GUARD token of '@nestjs/core'. */
export interface NestStructure {
  readonly decoratorModule: string;
  readonly moduleDecorator: string;
  readonly controllerDecorator: string;
  readonly guardsDecorator: string;
  /** Route decorator → HTTP method. */
  readonly routeDecorators: Readonly<Record<string, string>>;
  readonly appGuard: { readonly module: string; readonly name: string };
  /** `@Module` properties listing imported modules, controllers and providers. */
  readonly moduleLists: { readonly imports: string; readonly controllers: string; readonly providers: string };
  /** Provider object keys: `{ provide: APP_GUARD, useClass: ThrottlerGuard }`. */
  readonly providerToken: string;
  readonly providerValues: readonly string[];
  /** `configure(consumer) { consumer.apply(...middleware) }`. */
  readonly configureMethod: string;
  readonly consumerApply: string;
  /** `forwardRef(() => OtherModule)` in imports. */
  readonly forwardRef: string;
  /**
   * What a route method's return value becomes (https://docs.nestjs.com/controllers#redirection): under
   * `@Redirect()` the returned `{ url }` is where the browser goes; under `@Render()` it is a view's locals; with
   * a response parameter (`@Res()`) Nest sends nothing itself. Otherwise the Express platform sends a string as
   * `res.send` does (text/html) unless `@Header('Content-Type', ...)` says otherwise; Fastify sends text/plain.
   */
  readonly routeReturns: {
    readonly redirectDecorator: string;
    readonly redirectProperty: string;
    readonly renderDecorator: string;
    readonly headerDecorator: string;
    readonly responseParameterDecorators: readonly string[];
    readonly plainTextPlatforms: readonly string[];
  };
}

export const NEST_STRUCTURE: NestStructure = {
  decoratorModule: '@nestjs/common',
  moduleDecorator: 'Module',
  controllerDecorator: 'Controller',
  guardsDecorator: 'UseGuards',
  routeDecorators: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', All: 'ALL', Options: 'OPTIONS', Head: 'HEAD' },
  appGuard: { module: '@nestjs/core', name: 'APP_GUARD' },
  moduleLists: { imports: 'imports', controllers: 'controllers', providers: 'providers' },
  providerToken: 'provide',
  providerValues: ['useClass', 'useExisting', 'useValue', 'useFactory'],
  configureMethod: 'configure',
  consumerApply: 'apply',
  forwardRef: 'forwardRef',
  routeReturns: {
    redirectDecorator: 'Redirect',
    redirectProperty: 'url',
    renderDecorator: 'Render',
    headerDecorator: 'Header',
    responseParameterDecorators: ['Res', 'Response', 'Next'],
    plainTextPlatforms: ['@nestjs/platform-fastify'],
  },
};

export const nestFramework: LibraryModel = {
  name: '@nestjs/core',
  modules: ['@nestjs/core'],
  docs: 'https://docs.nestjs.com/first-steps',
  rows: [
    { concept: 'http-app', path: 'NestFactory.create()', shape: NEST_APP },
    // `app.get(ThrottlerGuard)` resolves the provider (https://docs.nestjs.com/standalone-applications).
    { concept: 'instance-lookup', path: 'NestFactory.create().{get,resolve}', argument: 0 },
  ],
};
