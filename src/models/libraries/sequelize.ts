import type { LibraryModel } from '../concepts.js';

/** Sequelize: `query(sql, { replacements | bind })` binds values; `literal(sql)` inserts raw SQL anywhere. */
export const sequelize: LibraryModel = {
  name: 'sequelize',
  modules: ['sequelize', 'sequelize-typescript', '@sequelize/core'],
  docs: 'https://sequelize.org/docs/v6/core-concepts/raw-queries/',
  rows: [
    { concept: 'sql-execution', path: 'Sequelize().query', argument: 0 },
    // `define()`d models write every attribute of the values object unless `{ fields: [...] }` lists them (mass-assignment).
    { concept: 'mass-assignment', path: 'Sequelize().define().{create,build}', argument: 0, when: { option: 'fields', is: 'absent' } },
    // CommonJS `const Sequelize = require('sequelize'); new Sequelize(url)`: the module is the class.
    { concept: 'sql-execution', path: '().query', argument: 0 },
    { concept: 'sql-execution', path: 'literal', argument: 0 },
    { concept: 'sql-execution', path: 'Sequelize.literal', argument: 0 },
    { concept: 'sql-execution', path: 'Sequelize().literal', argument: 0 },
    { concept: 'sql-escape', path: 'Sequelize().escape' },
    // `new Sequelize(database, username, password, options)`, `new Sequelize(uri)`, `new Sequelize({ password })`.
    { concept: 'secret-argument', path: 'Sequelize', argument: 2, secret: 'password' },
    { concept: 'secret-argument', path: 'Sequelize', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: 'Sequelize', argument: 0, property: 'password', secret: 'password' },
  ],
};
