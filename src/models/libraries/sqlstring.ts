import type { LibraryModel } from '../concepts.js';

/** sqlstring (mysql's escaping, standalone) and pg-format's literal/identifier quoting. */
export const sqlstring: LibraryModel = {
  name: 'sqlstring',
  modules: ['sqlstring'],
  docs: 'https://github.com/mysqljs/sqlstring#readme',
  rows: [{ concept: 'sql-escape', path: '{escape,escapeId}' }],
};

export const pgFormat: LibraryModel = {
  name: 'pg-format',
  modules: ['pg-format'],
  docs: 'https://github.com/datalanche/node-pg-format#readme',
  rows: [{ concept: 'sql-escape', path: '{literal,ident}' }],
};
