/** OWASP Top 10 categories, 2021 and 2025 editions. A rule's codes are checked against these tables by a test. */

export const OWASP_2021 = {
  'A01:2021': 'Broken Access Control',
  'A02:2021': 'Cryptographic Failures',
  'A03:2021': 'Injection',
  'A04:2021': 'Insecure Design',
  'A05:2021': 'Security Misconfiguration',
  'A06:2021': 'Vulnerable and Outdated Components',
  'A07:2021': 'Identification and Authentication Failures',
  'A08:2021': 'Software and Data Integrity Failures',
  'A09:2021': 'Security Logging and Monitoring Failures',
  'A10:2021': 'Server-Side Request Forgery',
} as const;

export const OWASP_2025 = {
  'A01:2025': 'Broken Access Control',
  'A02:2025': 'Security Misconfiguration',
  'A03:2025': 'Software Supply Chain Failures',
  'A04:2025': 'Cryptographic Failures',
  'A05:2025': 'Injection',
  'A06:2025': 'Insecure Design',
  'A07:2025': 'Authentication Failures',
  'A08:2025': 'Software or Data Integrity Failures',
  'A09:2025': 'Security Logging and Alerting Failures',
  'A10:2025': 'Mishandling of Exceptional Conditions',
} as const;

export type Owasp2021 = keyof typeof OWASP_2021;
export type Owasp2025 = keyof typeof OWASP_2025;

export interface OwaspMapping {
  readonly 2021: readonly Owasp2021[];
  readonly 2025: readonly Owasp2025[];
}

export function owaspTitle(code: Owasp2021 | Owasp2025): string {
  return code.endsWith('2021') ? OWASP_2021[code as Owasp2021] : OWASP_2025[code as Owasp2025];
}
