import type { LibraryModel } from '../concepts.js';

/**
 * Twilio: `twilio(accountSid, authToken)` or `new Twilio(accountSid, authToken)`. The account SID is an
 * identifier; the auth token (or an API key secret in the same position) is the password to the account.
 */
export const twilio: LibraryModel = {
  name: 'twilio',
  modules: ['twilio'],
  docs: 'https://www.twilio.com/docs/libraries/reference/twilio-node/',
  rows: [
    { concept: 'secret-argument', path: '', argument: 1, secret: 'api-key' },
    { concept: 'secret-argument', path: 'Twilio', argument: 1, secret: 'api-key' },
  ],
};
