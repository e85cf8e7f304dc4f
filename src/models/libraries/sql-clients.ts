import type { LibraryModel } from '../concepts.js';

/**
 * mssql (https://github.com/tediousjs/node-mssql#query-command-callback): `request.query(text)` and
 * `request.batch(text)` run the text as given; values are bound only through `request.input(name, value)` and
 * `@name` in the text, or by calling `sql.query`/`request.query` as a tagged template (`` sql.query`... ${id}` ``
 * turns each substitution into an input). A tagged template is no call, so only the function form is a sink.
 */
const MSSQL_RUNNERS = '{query,batch}';

export const mssql: LibraryModel = {
  name: 'mssql',
  modules: ['mssql', 'mssql/msnodesqlv8'],
  docs: 'https://github.com/tediousjs/node-mssql#es6-tagged-template-literals',
  rows: [
    { concept: 'sql-execution', path: MSSQL_RUNNERS, argument: 0 },
    // A pool (`new sql.ConnectionPool(config)`, what `sql.connect(config)` resolves to), its connected form,
    // and the requests and transactions it makes (`pool.request().input(...).query(text)`).
    { concept: 'sql-execution', path: `{ConnectionPool,connect}().**.${MSSQL_RUNNERS}`, argument: 0 },
    { concept: 'sql-execution', path: `{Request,Transaction}().**.${MSSQL_RUNNERS}`, argument: 0 },
    { concept: 'sql-execution', path: 'PreparedStatement().prepare', argument: 0 },
  ],
};

/**
 * node-oracledb (https://node-oracledb.readthedocs.io/en/latest/api_manual/connection.html#connection.execute):
 * `connection.execute(sql, binds)`; values in `binds` fill `:name` bind variables. A connection comes from
 * `getConnection()`, a pool's `getConnection()`, or a value typed `Connection`.
 */
const ORACLE_CONNECTIONS = ['getConnection()', '{createPool,getPool}().getConnection()', 'Connection()'] as const;

export const oracledb: LibraryModel = {
  name: 'oracledb',
  modules: ['oracledb'],
  docs: 'https://node-oracledb.readthedocs.io/en/latest/user_guide/bind.html',
  rows: ORACLE_CONNECTIONS.map((connection) => ({ concept: 'sql-execution' as const, path: `${connection}.{execute,executeMany,queryStream}`, argument: 0 })),
};

/**
 * Postgres.js (https://github.com/porsager/postgres#unsafe-raw-string-queries): the `` sql`...` `` tag binds every
 * substitution; `sql.unsafe(text, params)` sends the text as written.
 */
export const postgresJs: LibraryModel = {
  name: 'postgres',
  modules: ['postgres'],
  docs: 'https://github.com/porsager/postgres#unsafe-raw-string-queries',
  rows: [
    { concept: 'sql-execution', path: '().unsafe', argument: 0 },
    { concept: 'sql-execution', path: 'Sql().unsafe', argument: 0 },
  ],
};

/**
 * Slonik (https://github.com/gajus/slonik#value-placeholders): queries can only be built with the `sql` tag,
 * which binds every substitution, `sql.unsafe` included (it only skips the result's type check). Old versions
 * had `sql.raw(text, values)`, now the `raw` of slonik-sql-tag-raw: the text is spliced in as written.
 */
export const slonik: LibraryModel = {
  name: 'slonik',
  modules: ['slonik'],
  docs: 'https://github.com/gajus/slonik#value-placeholders',
  rows: [{ concept: 'sql-execution', path: 'sql.raw', argument: 0 }],
};

export const slonikSqlTagRaw: LibraryModel = {
  name: 'slonik-sql-tag-raw',
  modules: ['slonik-sql-tag-raw'],
  docs: 'https://github.com/gajus/slonik-sql-tag-raw#readme',
  rows: [{ concept: 'sql-execution', path: 'raw', argument: 0 }],
};

/** Drizzle (https://orm.drizzle.team/docs/sql#sqlraw): `` sql`...` `` binds substitutions; `sql.raw(text)` does not. */
export const drizzle: LibraryModel = {
  name: 'drizzle-orm',
  modules: ['drizzle-orm', 'drizzle-orm/sql'],
  docs: 'https://orm.drizzle.team/docs/sql#sqlraw',
  rows: [{ concept: 'sql-execution', path: 'sql.raw', argument: 0 }],
};

/**
 * Kysely (src/raw-builder/sql.ts): `` sql`...` `` binds substitutions; `sql.raw`, `sql.lit` (`sql.literal`),
 * `sql.ref`, `sql.table` and `sql.id` put their input into the SQL text, "not checked or escaped by Kysely in
 * any way", its docs warn.
 */
export const kysely: LibraryModel = {
  name: 'kysely',
  modules: ['kysely'],
  docs: 'https://kysely-org.github.io/kysely-apidoc/interfaces/Sql.html#raw',
  rows: [
    { concept: 'sql-execution', path: 'sql.{raw,lit,literal,ref,table,id}', argument: 0 },
    { concept: 'sql-execution', path: 'sql.id', argument: 1 },
  ],
};

/**
 * MikroORM (https://mikro-orm.io/docs/raw-queries): `em.execute(sql, params)` and the connection's `execute`
 * run SQL text; `raw(sql, params)` (v6) and the query builder's `raw(sql)` make a raw fragment. The driver
 * packages re-export the core API with a SQL `EntityManager`.
 */
const MIKRO_MANAGERS = ['{EntityManager,SqlEntityManager}()', 'MikroORM.init().em'] as const;

export const mikroOrm: LibraryModel = {
  name: 'mikro-orm',
  modules: [
    '@mikro-orm/core',
    '@mikro-orm/knex',
    '@mikro-orm/sql',
    '@mikro-orm/postgresql',
    '@mikro-orm/mysql',
    '@mikro-orm/mariadb',
    '@mikro-orm/sqlite',
    '@mikro-orm/better-sqlite',
    '@mikro-orm/libsql',
    '@mikro-orm/mssql',
  ],
  docs: 'https://mikro-orm.io/docs/raw-queries',
  rows: [
    { concept: 'sql-execution', path: 'raw', argument: 0 },
    ...MIKRO_MANAGERS.flatMap((manager) => [
      { concept: 'sql-execution' as const, path: `${manager}.execute`, argument: 0 },
      { concept: 'sql-execution' as const, path: `${manager}.getConnection().execute`, argument: 0 },
      { concept: 'sql-execution' as const, path: `${manager}.{createQueryBuilder,qb}().**.raw`, argument: 0 },
    ]),
  ],
};
