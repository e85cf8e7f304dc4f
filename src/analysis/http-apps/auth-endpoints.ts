/**
 * Which routes take credentials or one-time secrets, so that unlimited attempts let an attacker guess them:
 * sign-in, sign-up, password reset, one-time codes (OTP, 2FA, MFA) and token issue or refresh. Read from the
 * words of the path (`/auth/sign-in`, `/api/v1/forgotPassword`, `/otp/verify`), for methods that submit data.
 * Words, not substrings: `/blog`, `/catalog` and `/tokenize` are not login or token routes.
 */

/** `password-check`: a route whose handler checks a password against its hash, whatever its path (handler-effects.ts). */
export type AuthEndpointKind = 'sign-in' | 'sign-up' | 'password-reset' | 'one-time-code' | 'token' | 'password-check';

/** Methods that submit credentials; a GET `/login` renders a form. */
const SUBMITTING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'ALL']);

const SIGN_IN_WORDS: ReadonlySet<string> = new Set(['login', 'signin', 'logon', 'signon', 'authenticate', 'authentication']);
const SIGN_IN_PAIRS: readonly (readonly [string, string])[] = [['log', 'in'], ['sign', 'in'], ['sign', 'on'], ['log', 'on']];
const SIGN_UP_WORDS: ReadonlySet<string> = new Set(['signup', 'register', 'registration']);
const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'forgot']);
const ONE_TIME_WORDS: ReadonlySet<string> = new Set(['otp', 'totp', 'hotp', '2fa', 'mfa', 'twofactor', 'passcode']);
const TOKEN_WORDS: ReadonlySet<string> = new Set(['token', 'tokens']);
/** `POST /auth/refresh`, `/session/refresh`: a refresh under an authentication resource issues tokens. */
const REFRESH_CONTEXT: ReadonlySet<string> = new Set(['auth', 'session', 'sessions', 'jwt', 'oauth', 'oauth2']);
/** A last segment naming the sign-in resource itself: `POST /auth`, `POST /sessions`. */
const SIGN_IN_RESOURCES: ReadonlySet<string> = new Set(['auth', 'session', 'sessions']);

/** Words of one path segment: split on `-`, `_`, `.` and camelCase, lower case; parameters dropped. */
function segmentWords(segment: string): string[] {
  if (segment.startsWith(':') || segment.startsWith('{') || segment.includes('*')) return [];
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_.\s]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

export function authEndpointKind(method: string, path: string): AuthEndpointKind | null {
  if (!SUBMITTING_METHODS.has(method.toUpperCase())) return null;
  const segments = path.split('/').map(segmentWords).filter((words) => words.length > 0);
  const words = segments.flat();
  const has = (set: ReadonlySet<string>): boolean => words.some((word) => set.has(word));
  const hasPair = (pairs: readonly (readonly [string, string])[]): boolean =>
    pairs.some(([first, second]) => words.some((word, index) => word === first && words[index + 1] === second));
  if (words.includes('logout') || hasPair([['log', 'out'], ['sign', 'out']])) return null;
  if (has(SIGN_IN_WORDS) || hasPair(SIGN_IN_PAIRS)) return 'sign-in';
  if (has(SIGN_UP_WORDS) || hasPair([['sign', 'up']])) return 'sign-up';
  if (has(PASSWORD_WORDS)) return 'password-reset';
  if (has(ONE_TIME_WORDS) || hasPair([['two', 'factor']]) || (words.includes('verify') && words.includes('code'))) return 'one-time-code';
  if (has(TOKEN_WORDS) || (words.includes('refresh') && has(REFRESH_CONTEXT))) return 'token';
  const last = segments[segments.length - 1];
  if (last !== undefined && last.length === 1 && SIGN_IN_RESOURCES.has(last[0] ?? '')) return 'sign-in';
  return null;
}
