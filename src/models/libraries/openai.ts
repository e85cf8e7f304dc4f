import type { LibraryModel } from '../concepts.js';

/** OpenAI: `new OpenAI({ apiKey })` (default or named export); without `apiKey` it reads OPENAI_API_KEY itself. */
export const openai: LibraryModel = {
  name: 'openai',
  modules: ['openai'],
  docs: 'https://github.com/openai/openai-node#usage',
  rows: [
    { concept: 'secret-argument', path: '', argument: 0, property: 'apiKey', secret: 'api-key' },
    { concept: 'secret-argument', path: 'OpenAI', argument: 0, property: 'apiKey', secret: 'api-key' },
  ],
};
