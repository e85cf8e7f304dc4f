/**
 * Key formats: credentials recognisable by their shape wherever they appear, because the issuer gave them a
 * fixed prefix and alphabet (after the provider patterns GitHub secret scanning and gitleaks publish). Data
 * first; `findSecretFormat` runs a cheap substring prefilter before any pattern, so ordinary strings cost one
 * regex test.
 */

export interface SecretFormat {
  readonly id: string;
  /** For messages: "AWS access key ID". */
  readonly name: string;
  /** Substrings one of which must occur before `pattern` is tried (the prefilter). */
  readonly hints: readonly string[];
  /**
   * The credential. A `secret` named group marks the part that is secret (the PEM body, the password in a URL):
   * it is what gets masked in messages and checked for filler. Without one the whole match is the secret.
   */
  readonly pattern: RegExp;
  /**
   * `issued`: a credential a provider issued; its format alone makes it real (reported in tests too).
   * `embedded`: a password written into a larger string; judged like any hard-coded password (placeholders
   * and test dummies stay quiet).
   */
  readonly evidence: 'issued' | 'embedded';
  /** Where the format is documented. */
  readonly docs: string;
}

export const SECRET_FORMATS: readonly SecretFormat[] = [
  {
    id: 'private-key',
    name: 'private key (PEM block)',
    hints: ['-----BEGIN'],
    // The body must follow: a header alone is a constant that parsing code compares against, not a key.
    pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----(?<secret>[A-Za-z0-9+/=\s:,-]{64,})/,
    evidence: 'issued',
    docs: 'https://www.rfc-editor.org/rfc/rfc7468#section-10',
  },
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/,
    evidence: 'issued',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
  },
  {
    id: 'github-token',
    name: 'GitHub token',
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
    evidence: 'issued',
    docs: 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
  },
  {
    id: 'github-fine-grained-token',
    name: 'GitHub fine-grained personal access token',
    hints: ['github_pat_'],
    pattern: /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/,
    evidence: 'issued',
    docs: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  },
  {
    id: 'gitlab-token',
    name: 'GitLab personal access token',
    hints: ['glpat-'],
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}/,
    evidence: 'issued',
    docs: 'https://docs.gitlab.com/security/tokens/',
  },
  {
    id: 'slack-token',
    name: 'Slack token',
    hints: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'],
    pattern: /\bxox[baprs]-(?:[0-9A-Za-z]+-)+[0-9A-Za-z]{8,}/,
    evidence: 'issued',
    docs: 'https://api.slack.com/authentication/token-types',
  },
  {
    id: 'slack-webhook',
    name: 'Slack incoming webhook URL',
    hints: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{20,})/,
    evidence: 'issued',
    docs: 'https://api.slack.com/messaging/webhooks',
  },
  {
    id: 'stripe-live-key',
    name: 'Stripe live secret key',
    hints: ['sk_live_', 'rk_live_'],
    pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/,
    evidence: 'issued',
    docs: 'https://docs.stripe.com/keys',
  },
  {
    id: 'google-api-key',
    name: 'Google API key',
    hints: ['AIza'],
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
    evidence: 'issued',
    docs: 'https://cloud.google.com/docs/authentication/api-keys',
  },
  {
    id: 'sendgrid-api-key',
    name: 'SendGrid API key',
    hints: ['SG.'],
    pattern: /\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}(?![0-9A-Za-z_-])/,
    evidence: 'issued',
    docs: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  },
  {
    id: 'npm-token',
    name: 'npm access token',
    hints: ['npm_'],
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/,
    evidence: 'issued',
    docs: 'https://docs.npmjs.com/about-access-tokens',
  },
  {
    id: 'openai-api-key',
    name: 'OpenAI API key',
    // Every OpenAI secret key carries this marker (base64 of "openai") between two random halves.
    hints: ['T3BlbkFJ'],
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/,
    evidence: 'issued',
    docs: 'https://platform.openai.com/docs/api-reference/authentication',
  },
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    hints: ['sk-ant-'],
    pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}/,
    evidence: 'issued',
    docs: 'https://docs.anthropic.com/en/api/overview',
  },
  {
    id: 'url-password',
    name: 'password in a URL',
    hints: ['://'],
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:(?<secret>[^\s@/]+)@[^\s@/]/,
    evidence: 'embedded',
    docs: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
  },
];

/**
 * Keys that are public by design: issued to be embedded in web pages and mobile apps, they name a project and
 * can only send it events or start flows the secret key must confirm. A value in one of these formats is not a
 * secret whatever its name says. Google API keys (`AIza...`) are not here: the same format serves unrestricted
 * server keys, and a browser key without referrer restrictions is billable by anyone who copies it, so they are
 * reported (docs/rules/hardcoded-secret.md, Known limits).
 */
export const PUBLIC_KEY_FORMATS: readonly { readonly id: string; readonly pattern: RegExp; readonly docs: string }[] = [
  { id: 'stripe-publishable-key', pattern: /^pk_(?:live|test)_[0-9A-Za-z]{10,}$/, docs: 'https://docs.stripe.com/keys#obtain-api-keys' },
  { id: 'posthog-project-key', pattern: /^phc_[0-9A-Za-z]{20,}$/, docs: 'https://posthog.com/docs/api#project-api-key' },
  { id: 'mapbox-public-token', pattern: /^pk\.eyJ[0-9A-Za-z_-]+\.[0-9A-Za-z_-]+$/, docs: 'https://docs.mapbox.com/accounts/guides/tokens/' },
  { id: 'datadog-client-token', pattern: /^pub[0-9a-f]{32}$/, docs: 'https://docs.datadoghq.com/account_management/api-app-keys/#client-tokens' },
];

/** True for a key in a format that is public by design (a Stripe publishable key, a PostHog project key, ...). */
export function isPublicByDesign(value: string): boolean {
  const trimmed = value.trim();
  return PUBLIC_KEY_FORMATS.some((format) => format.pattern.test(trimmed));
}

/** A string found to hold a known format. */
export interface SecretFormatMatch {
  readonly format: SecretFormat;
  /** The secret part (the `secret` group, else the whole match). */
  readonly secret: string;
}

/** Strings shorter than this cannot hold any format (the shortest, a URL with a password, is about this long). */
export const MIN_FORMAT_LENGTH = 12;

const PREFILTER = new RegExp(SECRET_FORMATS.flatMap((format) => format.hints).map(escapeRegExp).join('|'));

/** The first known format `text` contains, or null. Cheap for ordinary strings: one prefilter test. */
export function findSecretFormat(text: string): SecretFormatMatch | null {
  if (text.length < MIN_FORMAT_LENGTH || !PREFILTER.test(text)) return null;
  for (const format of SECRET_FORMATS) {
    if (!format.hints.some((hint) => text.includes(hint))) continue;
    const match = format.pattern.exec(text);
    if (match !== null) return { format, secret: (match.groups?.['secret'] ?? match[0]).trim() };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
