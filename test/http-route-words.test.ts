/** The path vocabulary behind missing-rate-limit: which routes are authentication endpoints, which mounts cover which routes. */
import { describe, expect, it } from 'vitest';
import { authEndpointKind } from '../src/analysis/http-apps/auth-endpoints.js';
import { joinPaths, mountCovers } from '../src/analysis/http-apps/route-paths.js';

describe('authEndpointKind', () => {
  it.each([
    ['POST', '/login', 'sign-in'],
    ['POST', '/api/v1/auth/sign-in', 'sign-in'],
    ['POST', '/users/signIn', 'sign-in'],
    ['POST', '/sessions', 'sign-in'],
    ['PUT', '/register', 'sign-up'],
    ['POST', '/account/forgotPassword', 'password-reset'],
    ['PATCH', '/password/reset/:token', 'password-reset'],
    ['POST', '/otp/verify', 'one-time-code'],
    ['POST', '/auth/2fa', 'one-time-code'],
    ['POST', '/verify-code', 'one-time-code'],
    ['POST', '/oauth/token', 'token'],
    ['POST', '/auth/refresh', 'token'],
    ['ALL', '/refresh-token', 'token'],
  ])('%s %s is %s', (method, path, kind) => {
    expect(authEndpointKind(method, path)).toBe(kind);
  });

  it.each([
    ['GET', '/login'],
    ['POST', '/logout'],
    ['POST', '/auth/sign-out'],
    ['POST', '/blog'],
    ['POST', '/catalog/items'],
    ['POST', '/text/tokenize'],
    ['POST', '/email/verify'],
    ['POST', '/data/refresh'],
    ['DELETE', '/sessions/:id'],
  ])('%s %s is not an authentication endpoint', (method, path) => {
    expect(authEndpointKind(method, path)).toBeNull();
  });
});

describe('route paths', () => {
  it('joins prefixes', () => {
    expect(joinPaths('/auth', '/login')).toBe('/auth/login');
    expect(joinPaths('', 'login')).toBe('/login');
    expect(joinPaths(null, '/login')).toBe('/login');
    expect(joinPaths('/auth', null)).toBeNull();
  });

  it('covers routes under a mount path, on whole segments', () => {
    expect(mountCovers('', '/login')).toBe(true);
    expect(mountCovers('/auth', '/auth/login')).toBe(true);
    expect(mountCovers('/auth/*', '/auth/login')).toBe(true);
    expect(mountCovers('/users/:id', '/users/7/password')).toBe(true);
    expect(mountCovers('/auth', '/authors')).toBe(false);
    expect(mountCovers('/session/*', '/signup')).toBe(false);
    expect(mountCovers(null, '/signup')).toBe(true);
  });
});
