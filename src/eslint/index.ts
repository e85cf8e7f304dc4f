/**
 * `rampart/eslint-plugin`. ESLint documents a plugin package's default export as the plugin object
 * (`import rampart from '@rampart-security/rampart/eslint-plugin'`), so this is the one default export in rampart.
 */
import { plugin } from './plugin.js';

export { plugin };
export default plugin;
