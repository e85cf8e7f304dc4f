/**
 * Security header values that switch the protection off while looking like it is on: HSTS with a `max-age`
 * under a day (`max-age=0` tells browsers to forget it), `X-Content-Type-Options` other than `nosniff` (browsers
 * ignore any other value), `X-Frame-Options` that allows every framer, a Content-Security-Policy whose script
 * sources allow any host, `eval` or inline scripts without nonces or hashes, and `Referrer-Policy: unsafe-url`.
 * `X-XSS-Protection: 0` is the value OWASP recommends (the auditor it disables caused leaks) and is not weak.
 */

const MIN_HSTS_MAX_AGE = 86_400;
const SAFE_FRAME_OPTIONS = /^(?:deny|sameorigin|allow-from\s+\S+)$/i;
/** Source expressions that make inline scripts safe again: CSP2+ browsers ignore `'unsafe-inline'` beside them. */
const INLINE_GUARDS = /^'(?:nonce-|sha256-|sha384-|sha512-|strict-dynamic')/i;

/** Why `value` weakens header `name` (lower case), or null when it does not. */
export function weakHeaderProblem(name: string, value: string): string | null {
  const trimmed = value.trim();
  switch (name) {
    case 'strict-transport-security': {
      const maxAge = /(?:^|;)\s*max-age\s*=\s*"?(\d+)/i.exec(trimmed)?.[1];
      if (maxAge === undefined) return 'has no `max-age`, so browsers ignore it';
      return Number(maxAge) < MIN_HSTS_MAX_AGE ? `keeps HTTPS-only for ${maxAge} seconds${maxAge === '0' ? ' (browsers forget the site\'s HSTS)' : ''}` : null;
    }
    case 'x-content-type-options':
      return trimmed.toLowerCase() === 'nosniff' ? null : 'is not `nosniff`, the only value browsers honour';
    case 'x-frame-options':
      return SAFE_FRAME_OPTIONS.test(trimmed) ? null : 'is not `DENY` or `SAMEORIGIN`, so any site may frame the pages';
    case 'content-security-policy':
      return scriptSourceProblem(trimmed);
    case 'referrer-policy':
      return trimmed.toLowerCase().split(',').some((policy) => policy.trim() === 'unsafe-url') ? 'sends full URLs, query strings included, to every site linked' : null;
    default:
      return null;
  }
}

/** The script sources (`script-src`, else `default-src`) of a policy, judged for what they let run. */
function scriptSourceProblem(policy: string): string | null {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== undefined && name !== '' && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const sources = directives.get('script-src') ?? directives.get('default-src');
  if (sources === undefined) return null;
  const lower = sources.map((source) => source.toLowerCase());
  if (lower.some((source) => source === '*' || source === 'http:' || source === 'https:')) return 'lets scripts load from any host';
  if (lower.includes("'unsafe-eval'")) return "allows `eval` (`'unsafe-eval'`)";
  if (lower.includes("'unsafe-inline'") && !lower.some((source) => INLINE_GUARDS.test(source))) return "allows inline scripts (`'unsafe-inline'` without nonces or hashes)";
  return null;
}
