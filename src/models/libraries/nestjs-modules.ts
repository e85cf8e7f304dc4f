import type { LibraryModel } from '../concepts.js';

/**
 * NestJS modules configured in code. @nestjs/jwt: `JwtModule.register({ secret, privateKey })` and the per-call
 * `secret`/`privateKey` options of `JwtService` `sign`/`verify` (it wraps jsonwebtoken). @nestjs/typeorm:
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
