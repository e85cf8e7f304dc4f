import type { LibraryModel } from '../concepts.js';

/**
 * bcrypt (native), bcryptjs and @node-rs/bcrypt share one API: `hash(password, saltOrRounds)`,
 * `genSalt(rounds)`, `compare(password, hash)`. The cost is log2 of the rounds; all three default to 10 or more
 * when it is left out.
 */
export const bcrypt: LibraryModel = {
  name: 'bcrypt',
  modules: ['bcrypt', 'bcryptjs', '@node-rs/bcrypt'],
  docs: 'https://github.com/kelektiv/node.bcrypt.js#usage',
  rows: [
    { concept: 'password-hash', path: '{hash,hashSync}', argument: 0, algorithm: 'bcrypt', workFactors: [{ parameter: 'bcrypt-rounds', argument: 1 }] },
    { concept: 'password-hash', path: '{genSalt,genSaltSync}', algorithm: 'bcrypt', workFactors: [{ parameter: 'bcrypt-rounds', argument: 0 }] },
    // Verification takes the password as the hash did (a pre-hash there is a pre-hash here); the cost is the stored hash's.
    { concept: 'password-hash', path: '{compare,compareSync}', argument: 0, algorithm: 'bcrypt', workFactors: [] },
  ],
};
