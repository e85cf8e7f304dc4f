/**
 * Secrets in committed configuration files, judged with the same evidence hardcoded-secret uses for code:
 * a provider's key format in any value; a value under a name that says it is a secret, shaped like a
 * credential; a signing secret (`JWT_SECRET`, `SESSION_SECRET`, `TOKEN_SECRET`) with any real value, since a
 * guessable one (`JWT_SECRET=secret`) lets anyone forge tokens; and `.npmrc` registry credentials
 * (`//registry.npmjs.org/:_authToken=...`) written out rather than read from `${NPM_TOKEN}`.
 *
 * Which files: discovery already leaves out what `.gitignore` excludes, so a `.env` scanned here is one the
 * repository shares. Templates that document names (`.env.example`, `.env.sample`, `.env.template`,
 * `.env.dist`) are skipped; test env files (`.env.test`, or any under a test folder) are held to provider key
 * formats only, as test code is. A password in a URL to the developer's own machine (`localhost`,
 * `127.0.0.1`) is a local default, not a leak.
 */
import type { ConfigFile } from '../../engine/config-files.js';
import { findSecretFormat, isPublicByDesign } from '../../models/secret-formats.js';
import { identifierWords, secretNameKind, type SecretNameKind } from '../../models/secret-names.js';
import { keyValueEntries, type KeyValueEntry } from '../config/key-value-entries.js';
import { isTestPath } from '../files/test-paths.js';
import { hasFewDistinctCharacters, isPasswordHash, isPlaceholder, isPublicKeyMaterial, looksGenerated, looksLikeCredential, maskSecret } from './secret-values.js';

export type ConfigSecretMessage = 'knownFormat' | 'committedSecret' | 'weakSigningSecret' | 'registryCredential';

export interface ConfigSecretFinding {
  readonly range: readonly [number, number];
  readonly messageId: ConfigSecretMessage;
  readonly data: Readonly<Record<string, string>>;
}

/** `.env.<suffix>` files that document variables with dummy values, or templates a generator fills in. */
const TEMPLATE_SUFFIXES: ReadonlySet<string> = new Set(['example', 'examples', 'sample', 'template', 'tmpl', 'tpl', 'dist', 'hbs', 'handlebars', 'ejs', 'njk', 'mustache', 'j2']);
const TEST_SUFFIXES: ReadonlySet<string> = new Set(['test', 'tests', 'testing']);
/** Words that make a secret name a signing or session secret: any value it holds is the key tokens are forged with. */
const SIGNING_WORDS: ReadonlySet<string> = new Set(['jwt', 'jws', 'session', 'cookie', 'signing', 'hmac', 'token']);
const NPM_CREDENTIAL_FIELD = /(?:^|:)(_authToken|_auth|_password)$/;
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/i;

const NAME_WORDS: Readonly<Record<SecretNameKind, string>> = { password: 'password', secret: 'secret', token: 'token', key: 'key', authorization: 'credential' };

export function configFileSecrets(file: ConfigFile): ConfigSecretFinding[] {
  if (file.kind === 'npmrc') return npmrcCredentials(file);
  if (file.kind !== 'env') return [];
  const suffixes = fileName(file.path).split('.').slice(2).map((part) => part.toLowerCase());
  if (suffixes.some((suffix) => TEMPLATE_SUFFIXES.has(suffix))) return [];
  const isTest = isTestPath(file.path) || suffixes.some((suffix) => TEST_SUFFIXES.has(suffix));
  const findings: ConfigSecretFinding[] = [];
  for (const entry of keyValueEntries(file.source, 'dotenv')) {
    const finding = formatEvidence(entry, isTest) ?? (isTest ? null : nameEvidence(entry, fileName(file.path)));
    if (finding !== null) findings.push(finding);
  }
  return findings;
}

/** A provider's key format anywhere in the value; a password inside a URL unless the URL is local. */
function formatEvidence(entry: KeyValueEntry, isTest: boolean): ConfigSecretFinding | null {
  const match = findSecretFormat(entry.value);
  if (match === null) return null;
  if (match.format.evidence === 'embedded') {
    if (isTest || isPlaceholder(match.secret) || isLoopbackUrl(entry.value)) return null;
  } else if (hasFewDistinctCharacters(match.secret.slice(-16))) {
    return null;
  }
  return { range: entry.valueRange, messageId: 'knownFormat', data: { format: match.format.name, masked: maskSecret(match.secret) } };
}

function nameEvidence(entry: KeyValueEntry, file: string): ConfigSecretFinding | null {
  const kind = secretNameKind(entry.key);
  const value = entry.value.trim();
  if (kind === null || value === '' || isPlaceholder(value) || isPublicKeyMaterial(value) || isPublicByDesign(value) || isPasswordHash(value)) return null;
  const data = { name: entry.key, secret: NAME_WORDS[kind], masked: maskSecret(value), file };
  const isSigningSecret = (kind === 'secret' || kind === 'key') && identifierWords(entry.key).some((word) => SIGNING_WORDS.has(word));
  if (isSigningSecret) return { range: entry.valueRange, messageId: looksGenerated(value) ? 'committedSecret' : 'weakSigningSecret', data };
  // Tokens are issued by a service, never typed by a person: they look generated.
  const hasShape = kind === 'token' || kind === 'authorization' ? looksGenerated(value) && looksLikeCredential(value) : looksLikeCredential(value);
  return hasShape ? { range: entry.valueRange, messageId: 'committedSecret', data } : null;
}

/** `//registry.npmjs.org/:_authToken=npm_...`, `_auth=<base64>`, `//host/:_password=...` with a literal value. */
function npmrcCredentials(file: ConfigFile): ConfigSecretFinding[] {
  const findings: ConfigSecretFinding[] = [];
  for (const entry of keyValueEntries(file.source, 'ini')) {
    const field = NPM_CREDENTIAL_FIELD.exec(entry.key);
    if (field === null || isPlaceholder(entry.value)) continue;
    const registry = field.index > 0 ? `\`${entry.key.slice(0, field.index)}\`` : 'the default registry';
    findings.push({ range: entry.valueRange, messageId: 'registryCredential', data: { field: field[1] ?? '_authToken', registry, masked: maskSecret(entry.value) } });
  }
  return findings;
}

function isLoopbackUrl(value: string): boolean {
  const host = /:\/\/[^\s@/]*@(\[[^\]]*\]|[^\s:/?#]+)/.exec(value)?.[1];
  return host !== undefined && LOOPBACK_HOST.test(host);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
