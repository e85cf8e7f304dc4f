import type { LibraryModel } from '../concepts.js';

/** mysql2 (callback and promise APIs): values in the second argument of `query`/`execute` are bound. */
export const mysql2: LibraryModel = {
  name: 'mysql2',
  modules: ['mysql2', 'mysql2/promise'],
  docs: 'https://sidorares.github.io/node-mysql2/docs/documentation/prepared-statements',
  rows: [
    { concept: 'sql-execution', path: '{createConnection,createPool,createPoolCluster}().{query,execute}', argument: 0, property: 'sql' },
    { concept: 'sql-execution', path: 'createPool().getConnection().{query,execute}', argument: 0, property: 'sql' },
    { concept: 'sql-execution', path: '{createConnection,createPool}().promise().{query,execute}', argument: 0, property: 'sql' },
    { concept: 'sql-execution', path: '{Connection,Pool,PoolConnection}().{query,execute}', argument: 0, property: 'sql' },
    { concept: 'sql-escape', path: '{escape,escapeId,format}' },
    { concept: 'sql-escape', path: '{createConnection,createPool,Connection,Pool,PoolConnection}().{escape,escapeId,format}' },
    // The connection password, in the options or in a connection URL given instead of them.
    { concept: 'secret-argument', path: '{createConnection,createPool}', argument: 0, property: 'password', secret: 'password' },
    { concept: 'secret-argument', path: '{createConnection,createPool}', argument: 0, secret: 'connection-url' },
  ],
};
