import type { LibraryModel } from '../concepts.js';

/** SendGrid: `sgMail.setApiKey(key)` (and the same on `@sendgrid/client`) sets the key every request sends. */
export const sendgrid: LibraryModel = {
  name: '@sendgrid',
  modules: ['@sendgrid/mail', '@sendgrid/client'],
  docs: 'https://github.com/sendgrid/sendgrid-nodejs/tree/main/packages/mail#quick-start-hello-email',
  rows: [{ concept: 'secret-argument', path: 'setApiKey', argument: 0, secret: 'api-key' }],
};
