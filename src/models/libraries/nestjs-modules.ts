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
  ],
};
