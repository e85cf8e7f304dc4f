import type { LibraryModel } from '../concepts.js';

/** Prisma: the `*Unsafe` raw methods and `Prisma.raw` take SQL text; `$queryRaw` as a tagged template binds values. */
export const prisma: LibraryModel = {
  name: 'prisma',
  modules: ['@prisma/client'],
  docs: 'https://www.prisma.io/docs/orm/prisma-client/using-raw-sql/raw-queries',
  rows: [
    { concept: 'sql-execution', path: 'PrismaClient().{$queryRawUnsafe,$executeRawUnsafe}', argument: 0 },
    { concept: 'sql-execution', path: 'Prisma.raw', argument: 0 },
    // Model delegates write every key of `data` (mass-assignment).
    { concept: 'mass-assignment', path: 'PrismaClient().*.{create,update,upsert,updateMany}', argument: 0, property: 'data' },
  ],
};
