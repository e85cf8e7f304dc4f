/** Every built-in rule. The engine and the ESLint plugin know rules only through this list. */
import { codeInjection } from '../../rules/code-injection.js';
import { commandInjection } from '../../rules/command-injection.js';
import { hardcodedSecret } from '../../rules/hardcoded-secret.js';
import { missingAppRateLimit } from '../../rules/missing-app-rate-limit.js';
import { missingRateLimit } from '../../rules/missing-rate-limit.js';
import { massAssignment } from '../../rules/mass-assignment.js';
import { missingSecurityHeaders } from '../../rules/missing-security-headers.js';
import { nosqlInjection } from '../../rules/nosql-injection.js';
import { pathTraversal } from '../../rules/path-traversal.js';
import { sqlInjection } from '../../rules/sql-injection.js';
import { templateInjection } from '../../rules/template-injection.js';
import { regexInjection } from '../../rules/regex-injection.js';
import { xss } from '../../rules/xss.js';
import { weakPasswordHash } from '../../rules/weak-password-hash.js';
import { unsafeDeserialization } from '../../rules/unsafe-deserialization.js';
import { xxe } from '../../rules/xxe.js';
import { ssrf } from '../../rules/ssrf.js';
import { openRedirect } from '../../rules/open-redirect.js';
import { ldapInjection } from '../../rules/ldap-injection.js';
import { xpathInjection } from '../../rules/xpath-injection.js';
import { headerAndLogInjection } from '../../rules/header-and-log-injection.js';
import { prototypePollution } from '../../rules/prototype-pollution.js';
import { weakCipher } from '../../rules/weak-cipher.js';
import { weakHashForSecurity } from '../../rules/weak-hash-for-security.js';
import { weakKey } from '../../rules/weak-key.js';
import { insecureRandomness } from '../../rules/insecure-randomness.js';
import { timingUnsafeCompare } from '../../rules/timing-unsafe-compare.js';
import { tlsVerificationDisabled } from '../../rules/tls-verification-disabled.js';
import { jwt } from '../../rules/jwt.js';
import { githubActionsScriptInjection } from '../../rules/github-actions-script-injection.js';
import { insecureCors } from '../../rules/insecure-cors.js';
import { leakyErrors } from '../../rules/leaky-errors.js';
import { sensitiveDataExposure } from '../../rules/sensitive-data-exposure.js';
import { redos } from '../../rules/redos.js';
import { bodyAndUploadLimits } from '../../rules/body-and-upload-limits.js';
import { insecureSessionCookie } from '../../rules/insecure-session-cookie.js';
import { plaintextPassword } from '../../rules/plaintext-password.js';
import type { Rule } from './rule-types.js';

export const BUILT_IN_RULES: readonly Rule[] = [sqlInjection, commandInjection, pathTraversal, codeInjection, weakPasswordHash, hardcodedSecret, missingSecurityHeaders, missingRateLimit, missingAppRateLimit, templateInjection, regexInjection, xss, unsafeDeserialization, xxe, ssrf, openRedirect, nosqlInjection, ldapInjection, massAssignment, xpathInjection, headerAndLogInjection, prototypePollution, weakCipher, weakHashForSecurity, weakKey, insecureRandomness, timingUnsafeCompare, tlsVerificationDisabled, insecureCors, jwt, redos, bodyAndUploadLimits, insecureSessionCookie, plaintextPassword, leakyErrors, sensitiveDataExposure];

/** Rules over configuration files (workflows, Dockerfiles, compose, .env): the CLI runs them, ESLint does not. */
export const CONFIG_FILE_RULES: readonly Rule[] = [githubActionsScriptInjection];

export function findRule(id: string): Rule | null {
  return [...BUILT_IN_RULES, ...CONFIG_FILE_RULES].find((rule) => rule.id === id) ?? null;
}
