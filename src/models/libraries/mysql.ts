import type { LibraryModel } from '../concepts.js';

/** mysqljs/mysql: `?` placeholders in `query(sql, values)` are escaped by the driver; the SQL text is the sink. */
export const mysql: LibraryModel = {
  name: 'mysql',
  modules: ['mysql'],
  docs: 'https://github.com/mysqljs/mysql#performing-queries',
  rows: [
    { concept: 'sql-execution', path: '{createConnection,createPool,createPoolCluster}().query', argument: 0, property: 'sql' },
    { concept: 'sql-execution', path: '{Connection,Pool,PoolConnection}().query', argument: 0, property: 'sql' },
    // `pool.getConnection((err, connection) => connection.query(...))`: a pooled connection queries alike.
    { concept: 'sql-execution', path: '{createPool,createPoolCluster}().getConnection().query', argument: 0, property: 'sql' },
    { concept: 'sql-escape', path: '{escape,escapeId,format}' },
    { concept: 'sql-escape', path: '{createConnection,createPool,Connection,Pool,PoolConnection}().{escape,escapeId,format}' },
    // The connection password, in the options or in a connection URL given instead of them.
    { concept: 'secret-argument', path: '{createConnection,createPool}', argument: 0, property: 'password', secret: 'password' },
    { concept: 'secret-argument', path: '{createConnection,createPool}', argument: 0, secret: 'connection-url' },
  ],
};
