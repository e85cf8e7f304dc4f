import type { LibraryModel } from '../concepts.js';

/**
 * NestJS modules configured in code. @nestjs/jwt: `JwtModule.register({ secret, privateKey })` and the per-call
 * `secret`/`privateKey` options of `JwtService` `sign`/`verify` (it wraps jsonwebtoken; `verifyOptions`
 * and `signOptions` go to its verify and sign). @nestjs/typeorm:
 * `TypeOrmModule.forRoot({ password, url })` takes TypeORM's DataSource options.
 */
export const nestJwt: LibraryModel = {
  name: '@nestjs/jwt',
  modules: ['@nestjs/jwt'],
  docs: 'https://github.com/nestjs/jwt#secret--encryption-key-options',
  rows: [
    { concept: 'secret-argument', path: 'JwtModule.register', argument: 0, property: 'secret', secret: 'signing-key' },
    { concept: 'secret-argument', path: 'JwtModule.register', argument: 0, property: 'privateKey', secret: 'signing-key' },
    { concept: 'secret-argument', path: 'JwtService().{sign,signAsync,verify,verifyAsync}', argument: 1, property: 'secret', secret: 'signing-key' },
    { concept: 'jwt-sign', path: 'JwtModule.register', key: { argument: 0, property: 'secret' }, options: { argument: 0, property: 'signOptions' }, expiry: null, algorithmOption: 'algorithm' },
    {
      concept: 'jwt-verify',
      path: 'JwtModule.register',
      keys: [{ argument: 0, property: 'secret' }, { argument: 0, property: 'publicKey' }, { argument: 0, property: 'secretOrKeyProvider' }],
      options: { argument: 0, property: 'verifyOptions' },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: true,
    },
    // A service call inherits the module's options, which may hold the allow-list: only what the call sets is judged.
    { concept: 'jwt-sign', path: 'JwtService().{sign,signAsync}', payload: 0, key: { argument: 1, property: 'secret' }, options: { argument: 1 }, expiry: null, algorithmOption: 'algorithm' },
    {
      concept: 'jwt-verify',
      path: 'JwtService().{verify,verifyAsync}',
      keys: [{ argument: 1, property: 'secret' }, { argument: 1, property: 'publicKey' }],
      options: { argument: 1 },
      algorithmsOption: 'algorithms',
      ignoreExpirationOption: 'ignoreExpiration',
      headerPicksAlgorithm: false,
    },
    { concept: 'jwt-decode', path: 'JwtService().decode', argument: 0 },
  ],
};

export const nestTypeorm: LibraryModel = {
  name: '@nestjs/typeorm',
  modules: ['@nestjs/typeorm'],
  docs: 'https://docs.nestjs.com/techniques/database#typeorm-integration',
  rows: [
    { concept: 'secret-argument', path: 'TypeOrmModule.forRoot', argument: 0, property: 'password', secret: 'password' },
    { concept: 'secret-argument', path: 'TypeOrmModule.forRoot', argument: 0, property: 'url', secret: 'connection-url' },
    // Injection decorators: `@InjectRepository(User) repo` is a TypeORM Repository, `@InjectDataSource()` the DataSource
    // (`@InjectConnection()` its pre-0.3 name), `@InjectEntityManager()` the manager.
    { concept: 'injected-value', path: 'InjectRepository', injects: { module: 'typeorm', steps: ['Repository', '()'] } },
    { concept: 'injected-value', path: 'InjectDataSource', injects: { module: 'typeorm', steps: ['DataSource', '()'] } },
    { concept: 'injected-value', path: 'InjectConnection', injects: { module: 'typeorm', steps: ['Connection', '()'] } },
    { concept: 'injected-value', path: 'InjectEntityManager', injects: { module: 'typeorm', steps: ['EntityManager', '()'] } },
  ],
};

/** @nestjs/mongoose: `@InjectModel(Cat.name) model` is a Mongoose Model, `@InjectConnection()` the Connection. */
export const nestMongoose: LibraryModel = {
  name: '@nestjs/mongoose',
  modules: ['@nestjs/mongoose'],
  docs: 'https://docs.nestjs.com/techniques/mongodb',
  rows: [
    { concept: 'injected-value', path: 'InjectModel', injects: { module: 'mongoose', steps: ['Model', '()'] } },
    { concept: 'injected-value', path: 'InjectConnection', injects: { module: 'mongoose', steps: ['Connection', '()'] } },
  ],
};

/** @nestjs/sequelize: `@InjectConnection()` is the Sequelize instance. */
export const nestSequelize: LibraryModel = {
  name: '@nestjs/sequelize',
  modules: ['@nestjs/sequelize'],
  docs: 'https://docs.nestjs.com/techniques/database#sequelize-integration',
  rows: [{ concept: 'injected-value', path: 'InjectConnection', injects: { module: 'sequelize', steps: ['Sequelize', '()'] } }],
};
