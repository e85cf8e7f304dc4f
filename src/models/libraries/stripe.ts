import type { LibraryModel } from '../concepts.js';

/** Stripe: `new Stripe(secretKey, options)` (also `Stripe(key)` and `require('stripe')(key)`): the account's secret key. */
export const stripe: LibraryModel = {
  name: 'stripe',
  modules: ['stripe'],
  docs: 'https://docs.stripe.com/keys',
  rows: [{ concept: 'secret-argument', path: '', argument: 0, secret: 'api-key' }],
};
