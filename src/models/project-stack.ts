/**
 * The web frameworks `rampart init` names when a project's package.json depends on them, with the package
 * that signals each. Libraries are named from the catalog's models (every model lists its modules).
 */
export const FRAMEWORK_PACKAGES: Readonly<Record<string, string>> = {
  express: 'Express',
  fastify: 'Fastify',
  '@nestjs/core': 'NestJS',
  koa: 'Koa',
  hono: 'Hono',
  next: 'Next.js',
};
