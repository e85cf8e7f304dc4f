import type { LibraryModel } from '../concepts.js';

/** better-sqlite3: `db.prepare(sql).run(values)` binds values; `exec(sql)` runs raw SQL. */
export const betterSqlite3: LibraryModel = {
  name: 'better-sqlite3',
  modules: ['better-sqlite3'],
  docs: 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md',
  rows: [
    { concept: 'sql-execution', path: '().{prepare,exec}', argument: 0 },
    { concept: 'sql-execution', path: 'Database().{prepare,exec}', argument: 0 },
  ],
};

/** sqlite3 (and its `verbose()` build): `run/all/get/each(sql, params)` bind params; `exec(sql)` does not. */
export const sqlite3: LibraryModel = {
  name: 'sqlite3',
  modules: ['sqlite3'],
  docs: 'https://github.com/TryGhost/node-sqlite3/wiki/API',
  rows: [
    { concept: 'sql-execution', path: 'Database().{run,all,get,each,exec,prepare}', argument: 0 },
    { concept: 'sql-execution', path: 'verbose().Database().{run,all,get,each,exec,prepare}', argument: 0 },
  ],
};

/** sqlite (promise wrapper): `open()` resolves to a database with the same methods. */
export const sqlite: LibraryModel = {
  name: 'sqlite',
  modules: ['sqlite'],
  docs: 'https://github.com/kriasoft/node-sqlite#usage',
  rows: [{ concept: 'sql-execution', path: '{open,Database}().{run,all,get,each,exec,prepare}', argument: 0 }],
};
