import type { LibraryModel } from '../concepts.js';

/**
 * LDAP clients. A search filter is text in RFC 4515 syntax: `*`, `(`, `)`, `&`, `|` and `\` in a value change
 * which entries match (`*)(uid=*` widens a lookup to every user). The search base is a DN, where `,` and `=`
 * add components. A filter object (`new EqualityFilter({ attribute, value })`) carries the value as data.
 * The bind DN is not modeled: a login form that binds as the DN or name the user typed is LDAP's own
 * authentication, checked by the password (docs/rules/ldap-injection.md, Known limits).
 */

/** ldapjs (http://ldapjs.org/client.html): `client.search(base, { filter })`; `parseFilter(text)` parses a filter string. */
export const ldapjs: LibraryModel = {
  name: 'ldapjs',
  modules: ['ldapjs'],
  docs: 'http://ldapjs.org/client.html#search',
  rows: [
    { concept: 'ldap-query', path: 'createClient().search', argument: 1, property: 'filter' },
    { concept: 'ldap-query', path: 'createClient().search', argument: 0 },
    // A filter object parsed from text is exactly as injectable as the text.
    { concept: 'taint-step', path: 'parseFilter' },
  ],
};

/** ldapts (https://github.com/ldapts/ldapts#search): `new Client(...).search(base, { filter })`; `FilterParser.parseString`. */
export const ldapts: LibraryModel = {
  name: 'ldapts',
  modules: ['ldapts'],
  docs: 'https://github.com/ldapts/ldapts#search',
  rows: [
    { concept: 'ldap-query', path: 'Client().search', argument: 1, property: 'filter' },
    { concept: 'ldap-query', path: 'Client().search', argument: 0 },
    { concept: 'taint-step', path: 'FilterParser.parseString' },
  ],
};

/**
 * activedirectory and activedirectory2 (https://github.com/jsumners/node-activedirectory#find): `find`,
 * `findUsers` and `findGroups` take a filter string, or options whose `filter` is one.
 */
export const activeDirectory: LibraryModel = {
  name: 'activedirectory',
  modules: ['activedirectory', 'activedirectory2'],
  docs: 'https://github.com/jsumners/node-activedirectory#find',
  rows: [{ concept: 'ldap-query', path: '().{find,findUsers,findGroups}', argument: 0, property: 'filter' }],
};
