/**
 * GraphQL resolver arguments: client-chosen values. Resolver maps passed to Apollo Server, graphql-tools or
 * GraphQL Yoga get `(parent, args, context, info)`; type-graphql and @nestjs/graphql inject them with `@Arg`/`@Args`.
 */
import type { LibraryModel } from '../concepts.js';

const RESOLVERS = { concept: 'graphql-resolvers', parameter: 1, argument: 0, property: 'resolvers' } as const;

export const apolloSources: LibraryModel = {
  name: 'apollo-server',
  modules: ['@apollo/server', 'apollo-server', 'apollo-server-express', 'apollo-server-koa', 'apollo-server-fastify'],
  docs: 'https://www.apollographql.com/docs/apollo-server/data/resolvers#resolver-arguments',
  rows: [{ ...RESOLVERS, path: 'ApolloServer' }],
};

export const graphqlToolsSources: LibraryModel = {
  name: 'graphql-tools',
  modules: ['@graphql-tools/schema', 'graphql-yoga'],
  docs: 'https://the-guild.dev/graphql/tools/docs/resolvers',
  rows: [{ ...RESOLVERS, path: '{makeExecutableSchema,createSchema}' }],
};

export const graphqlResolverTypes: LibraryModel = {
  name: 'graphql-tools types',
  modules: ['@graphql-tools/utils'],
  docs: 'https://the-guild.dev/graphql/tools/docs/api/interfaces/utils_src.IResolvers',
  rows: [{ concept: 'graphql-resolvers', path: 'IResolvers()', parameter: 1 }],
};

/**
 * Root values: express-graphql (https://github.com/graphql/express-graphql#options), graphql-http
 * (https://github.com/graphql/graphql-http#recipes) and graphql-js's `graphql()` take `rootValue`, an object
 * whose functions resolve the root fields and get the field's arguments first.
 */
const ROOT_VALUE = { concept: 'graphql-resolvers', parameter: 0, argument: 0, property: 'rootValue', flat: true } as const;

export const rootValueSources: LibraryModel = {
  name: 'graphql root values',
  modules: [
    'express-graphql',
    'graphql-http',
    'graphql-http/lib/use/express',
    'graphql-http/lib/use/http',
    'graphql-http/lib/use/http2',
    'graphql-http/lib/use/fastify',
    'graphql-http/lib/use/koa',
    'graphql-http/lib/use/fetch',
  ],
  docs: 'https://github.com/graphql/graphql-http#recipes',
  rows: [{ ...ROOT_VALUE, path: '{graphqlHTTP,createHandler}' }],
};

export const graphqlJsSources: LibraryModel = {
  name: 'graphql',
  modules: ['graphql'],
  docs: 'https://graphql.org/graphql-js/graphql/#graphql',
  rows: [{ ...ROOT_VALUE, path: '{graphql,graphqlSync,execute}' }],
};

export const typeGraphqlSources: LibraryModel = {
  name: 'type-graphql',
  modules: ['type-graphql', '@nestjs/graphql'],
  docs: 'https://typegraphql.com/docs/resolvers.html#arguments',
  rows: [{ concept: 'request-decorator', path: '{Arg,Args}', input: 'parameter' }],
};
