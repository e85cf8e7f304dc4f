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

export const typeGraphqlSources: LibraryModel = {
  name: 'type-graphql',
  modules: ['type-graphql', '@nestjs/graphql'],
  docs: 'https://typegraphql.com/docs/resolvers.html#arguments',
  rows: [{ concept: 'request-decorator', path: '{Arg,Args}', input: 'parameter' }],
};
