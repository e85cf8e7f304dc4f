// The baseline of the speed requirement: ESLint with eslint-plugin-security's recommended config alone,
// typescript-eslint's parser for TypeScript files (espree, ESLint's default, for JavaScript).
import security from 'eslint-plugin-security';
import * as tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  security.configs.recommended,
];
