import type { LibraryModel } from '../concepts.js';

/**
 * TypeORM: `query(sql, parameters)` binds parameters; QueryBuilder conditions take SQL text with `:name`
 * parameters bound by `setParameter(s)` or their second argument.
 */
const OWNERS = '{DataSource,Connection,EntityManager,Repository,TreeRepository,QueryRunner,getConnection,getManager,getRepository}()';
const BUILDER_SQL = '{where,andWhere,orWhere,having,andHaving,orHaving,orderBy,addOrderBy,groupBy,addGroupBy,select,addSelect}';

export const typeorm: LibraryModel = {
  name: 'typeorm',
  modules: ['typeorm'],
  docs: 'https://typeorm.io/select-query-builder#using-parameters-to-escape-data',
  rows: [
    { concept: 'sql-execution', path: `${OWNERS}.query`, argument: 0 },
    // Repositories write every property of an entity-like object (mass-assignment).
    { concept: 'mass-assignment', path: `${OWNERS}.getRepository().{save,create,insert}`, argument: 0 },
    { concept: 'mass-assignment', path: `${OWNERS}.getRepository().{merge,update}`, argument: 1 },
    { concept: 'mass-assignment', path: '{Repository,TreeRepository}().{save,create,insert}', argument: 0 },
    { concept: 'mass-assignment', path: '{Repository,TreeRepository}().{merge,update}', argument: 1 },
    { concept: 'sql-execution', path: `${OWNERS}.manager.query`, argument: 0 },
    { concept: 'sql-execution', path: `${OWNERS}.createQueryRunner().query`, argument: 0 },
    { concept: 'sql-execution', path: `${OWNERS}.**.createQueryBuilder().**.${BUILDER_SQL}`, argument: 0 },
    { concept: 'sql-execution', path: `{SelectQueryBuilder,QueryBuilder}().**.${BUILDER_SQL}`, argument: 0 },
    // `new DataSource({ type, password })` (`createConnection` before 0.3), or the password inside `url`.
    { concept: 'secret-argument', path: '{DataSource,createConnection}', argument: 0, property: 'password', secret: 'password' },
    { concept: 'secret-argument', path: 'DataSource', argument: 0, property: 'url', secret: 'connection-url' },
  ],
};
