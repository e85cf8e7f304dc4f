import type { LibraryModel, TemplateFormatting } from '../concepts.js';

/**
 * pg-promise (https://github.com/vitaly-t/pg-promise#query-formatting, lib/formatting.js): every query method
 * takes `(query, values)` and formats the values into the text itself. `$1`..`$100000` take an array's
 * elements (or the single value), `${name}` `$(name)` `$<name>` `$[name]` `$/name/` an object's properties.
 * A placeholder without a modifier quotes and escapes its value, `:name`/`~` and `:alias` quote an identifier,
 * `:json` and `:csv`/`:list` escape; `:raw`/`^` insert the text as is and `:value`/`#` escape quotes but add
 * none, so `WHERE id = $1:value` takes `1 OR 1=1` unchanged. `pgp.as.format(query, values)` is the same
 * formatter, returning the text.
 */
const PG_PROMISE_FORMATTING: Omit<TemplateFormatting, 'values'> = {
  syntax: {
    pattern: String.raw`\$(?:(?<position>\d+)|[{(<\[/]\s*(?<name>[\w$]+(?:\.[\w$]+)*)\s*)(?<modifier>:raw|:alias|:name|:json|:csv|:list|:value|\^|~|#)?`,
  },
  escapes: { '': ['sql'], ':alias': ['sql'], ':name': ['sql'], '~': ['sql'], ':json': ['sql'], ':csv': ['sql'], ':list': ['sql'] },
};

/** The query protocol every connection context shares (the database, a task, a transaction). */
const METHODS = '{query,none,one,many,any,oneOrNone,manyOrNone,result,multi,multiResult,each,map,stream}';
/** `const db = pgp(connection)` after `const pgp = require('pg-promise')(options)`; TS types name the contexts. */
const DATABASES = ['()()', '{IDatabase,ITask,IBaseProtocol}()'] as const;

export const pgPromise: LibraryModel = {
  name: 'pg-promise',
  modules: ['pg-promise'],
  docs: 'https://vitaly-t.github.io/pg-promise/formatting.html#.format',
  rows: [
    ...DATABASES.map((database) => ({
      concept: 'sql-execution' as const,
      path: `${database}.${METHODS}`,
      argument: 0,
      formats: { ...PG_PROMISE_FORMATTING, values: 1 },
    })),
    { concept: 'format-string', path: '().as.format', argument: 0, ...PG_PROMISE_FORMATTING },
    { concept: 'format-string', path: 'as.format', argument: 0, ...PG_PROMISE_FORMATTING },
  ],
};
