/**
 * The data and string questions behind hardcoded-secret: every key format matches a (fake) example of its
 * own and no near miss, names are judged by their head noun, placeholders and labels are not credentials,
 * and a masked value never shows more than four characters.
 */
import { describe, expect, it } from 'vitest';
import { isTestPath } from '../src/analysis/files/test-paths.js';
import { isPasswordHash, isPlaceholder, looksGenerated, looksLikeCredential, maskSecret, urlPassword } from '../src/analysis/secrets/secret-values.js';
import { findSecretFormat, SECRET_FORMATS } from '../src/models/secret-formats.js';
import { secretNameKind } from '../src/models/secret-names.js';

const HEX = '0a1b2c3d4e5f'.repeat(10);
const fake = (length: number): string => HEX.slice(0, length);

/**
 * One obviously fake example per format id; bodies are hex filler, never real keys. They are assembled at run
 * time so that this file does not itself hold a string in a key format.
 */
const EXAMPLES: Readonly<Record<string, string>> = {
  'private-key': `-----BEGIN EC PRIVATE KEY-----\n${'VGhpcyBpcyBub3QgYSBrZXk'.repeat(4)}\n-----END EC PRIVATE KEY-----`,
  'aws-access-key-id': `AKIA${'IOSFODNN7EXAMPLE'}`,
  'github-token': `ghp_${fake(36)}`,
  'github-fine-grained-token': `github_pat_${fake(22)}_${fake(59)}`,
  'gitlab-token': `glpat-${fake(20)}`,
  'slack-token': `xoxb-000000000000-000000000000-${fake(24)}`,
  'slack-webhook': `https://hooks.slack.com/services/T00000000/B00000000/${fake(24)}`,
  'stripe-live-key': `sk_live_${fake(24)}`,
  'google-api-key': `AIza${fake(35)}`,
  'sendgrid-api-key': `SG.${fake(22)}.${fake(43)}`,
  'npm-token': `npm_${fake(36)}`,
  'openai-api-key': `sk-proj-${fake(24)}T3BlbkFJ${fake(24)}`,
  'anthropic-api-key': `sk-ant-api03-${fake(90)}`,
  'url-password': 'postgres://app:S3cret-Pw@db.internal:5432/app',
};

describe('secret formats', () => {
  it('has an example for every format', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(SECRET_FORMATS.map((format) => format.id).sort());
  });

  for (const format of SECRET_FORMATS) {
    it(`finds ${format.id} inside a longer string`, () => {
      const example = EXAMPLES[format.id] ?? '';
      expect(findSecretFormat(`Authorization: ${example}`)?.format.id).toBe(format.id);
      expect(format.docs).toMatch(/^https:\/\//);
    });
  }

  it('ignores near misses', () => {
    for (const text of ['-----BEGIN PRIVATE KEY-----', 'sk_test_0a1b2c3d4e5f0a1b2c3d4e5f', 'ghp_short', 'https://hooks.slack.com/services/', 'https://api.github.com/repos', 'ASIA_PACIFIC_REGION_NAMES']) {
      expect(findSecretFormat(text), text).toBeNull();
    }
  });
});

describe('secret names', () => {
  it.each([
    ['JWT_SECRET', 'secret'],
    ['dbPassword', 'password'],
    ['DB_PASS', 'password'],
    ['apiKey', 'key'],
    ['x-api-key', 'key'],
    ['AWS_SECRET_ACCESS_KEY', 'key'],
    ['clientSecretProd', 'secret'],
    ['apiKeyV2', 'key'],
    ['authToken', 'token'],
    ['Authorization', 'authorization'],
  ])('%s names a %s', (name, kind) => {
    expect(secretNameKind(name)).toBe(kind);
  });

  it.each(['passwordField', 'PASSWORD_MIN_LENGTH', 'passwordRegex', 'tokenType', 'secretName', 'passwordLabel', 'cacheKey', 'primaryKey', 'nextPageToken', 'passwordHash', 'accessKeyId', 'user'])(
    '%s names no secret',
    (name) => {
      expect(secretNameKind(name)).toBeNull();
    },
  );
});

describe('secret values', () => {
  it.each(['', '   ', 'changeme', 'CHANGE_ME', 'your-secret-here', '<password>', '${SECRET}', '{{ secret }}', 'xxx', 'xxxxxxxx', '********', 'YOUR_API_KEY', 'dummy', 'n/a'])(
    '%j is a placeholder',
    (value) => {
      expect(isPlaceholder(value)).toBe(true);
    },
  );

  it.each(['keyboard cat', 'k9Jm2xQ7vR4tW8zB', 'secret', 'Pg#2024!prod', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'])('%j is not a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it.each(['Pg#2024!prod', 'admin123', 'k9Jm2xQ7vR4tW8zB', 'whsec_0a1b2c3d4e5f0a1b2c3d4e5f'])('%j looks like a credential', (value) => {
    expect(looksLikeCredential(value)).toBe(true);
  });

  it.each(['Enter your password', 'Passwort', 'password_hash', 'auth.jwt.secret', 'JWT_SECRET', 'prod/db', './keys/jwt.pem', 'https://example.com/token', 'arn:aws:secretsmanager:eu-west-1:1:secret:x', 'hunter'])(
    '%j does not look like a credential',
    (value) => {
      expect(looksLikeCredential(value)).toBe(false);
    },
  );

  it('tells generated values from typed ones', () => {
    expect(looksGenerated('9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toBe(true);
    expect(looksGenerated('test-secret-123456')).toBe(false);
    expect(looksGenerated('supersecretpassword')).toBe(false);
  });

  it('reads the password out of a URL, and nothing from a URL without one', () => {
    expect(urlPassword('mongodb://admin:M0ng0@host:27017/db')).toBe('M0ng0');
    expect(urlPassword('redis://:R3dis@cache:6379')).toBe('R3dis');
    expect(urlPassword('mongodb://localhost:27017/db')).toBeNull();
    expect(urlPassword('https://user@example.com/')).toBeNull();
  });

  it('knows a password hash is not a password', () => {
    expect(isPasswordHash('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')).toBe(true);
    expect(isPasswordHash('$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo')).toBe(true);
    expect(isPasswordHash('Pg#2024!prod')).toBe(false);
  });

  it('never shows more than four characters, and fewer of a short value', () => {
    expect(maskSecret(`sk_live_${fake(24)}`)).toBe('sk_l…');
    expect(maskSecret('secret')).toBe('s…');
    expect(maskSecret('abc')).toBe('…');
  });
});

describe('test paths', () => {
  it.each(['test/auth.ts', 'src/__tests__/auth.ts', 'src/auth.test.ts', 'src/auth.spec.tsx', 'apps/api/test/e2e/app.e2e-spec.ts', 'src/__mocks__/stripe.js'])('%s is test code', (path) => {
    expect(isTestPath(path)).toBe(true);
  });

  it.each(['src/auth.ts', 'src/testing-utils/config.ts', 'config/env/test.js', 'src/latest/handler.ts'])('%s is not test code', (path) => {
    expect(isTestPath(path)).toBe(false);
  });
});
