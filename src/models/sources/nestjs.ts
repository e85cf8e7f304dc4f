/**
 * NestJS parameter decorators (https://docs.nestjs.com/controllers#request-object): each injects a part of the
 * request into the decorated parameter; `@Req()` injects the whole (Express) request object.
 */
import type { LibraryModel } from '../concepts.js';

export const nestjsSources: LibraryModel = {
  name: '@nestjs/common',
  modules: ['@nestjs/common'],
  docs: 'https://docs.nestjs.com/custom-decorators#param-decorators',
  rows: [
    { concept: 'request-decorator', path: 'Body', input: 'body' },
    { concept: 'request-decorator', path: 'Query', input: 'query' },
    { concept: 'request-decorator', path: 'Param', input: 'parameter' },
    { concept: 'request-decorator', path: 'Headers', input: 'header' },
    { concept: 'request-decorator', path: '{Ip,HostParam}', input: 'url' },
    { concept: 'request-decorator', path: '{UploadedFile,UploadedFiles}', input: 'file' },
    { concept: 'request-decorator', path: '{Req,Request}', input: null, request: 'express-request' },
  ],
};
