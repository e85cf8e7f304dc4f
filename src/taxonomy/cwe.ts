/** The CWE entries rampart's rules cite. A rule may only name a CWE listed here (a test checks it). */

export const CWE = {
  'CWE-20': 'Improper Input Validation',
  'CWE-22': 'Path Traversal',
  'CWE-78': 'OS Command Injection',
  'CWE-79': 'Cross-site Scripting',
  'CWE-89': 'SQL Injection',
  'CWE-90': 'LDAP Injection',
  'CWE-93': 'CRLF Injection',
  'CWE-94': 'Code Injection',
  'CWE-95': 'Eval Injection',
  'CWE-113': 'HTTP Response Splitting',
  'CWE-117': 'Improper Output Neutralization for Logs',
  'CWE-208': 'Observable Timing Discrepancy',
  'CWE-209': 'Information Exposure Through an Error Message',
  'CWE-259': 'Use of Hard-coded Password',
  'CWE-307': 'Improper Restriction of Excessive Authentication Attempts',
  'CWE-321': 'Use of Hard-coded Cryptographic Key',
  'CWE-323': 'Reusing a Nonce, Key Pair in Encryption',
  'CWE-326': 'Inadequate Encryption Strength',
  'CWE-327': 'Use of a Broken or Risky Cryptographic Algorithm',
  'CWE-328': 'Use of Weak Hash',
  'CWE-329': 'Generation of Predictable IV with CBC Mode',
  'CWE-330': 'Use of Insufficiently Random Values',
  'CWE-338': 'Use of Cryptographically Weak Pseudo-Random Number Generator (PRNG)',
  'CWE-340': 'Generation of Predictable Numbers or Identifiers',
  'CWE-354': 'Improper Validation of Integrity Check Value',
  'CWE-502': 'Deserialization of Untrusted Data',
  'CWE-601': 'Open Redirect',
  'CWE-611': 'XML External Entity Reference',
  'CWE-643': 'XPath Injection',
  'CWE-693': 'Protection Mechanism Failure',
  'CWE-730': 'OWASP Top Ten 2004 Category A9 - Denial of Service',
  'CWE-770': 'Allocation of Resources Without Limits or Throttling',
  'CWE-798': 'Use of Hard-coded Credentials',
  'CWE-915': 'Mass Assignment',
  'CWE-916': 'Use of Password Hash With Insufficient Computational Effort',
  'CWE-918': 'Server-Side Request Forgery',
  'CWE-943': 'NoSQL Injection',
  'CWE-1004': 'Sensitive Cookie Without HttpOnly',
  'CWE-1021': 'Improper Restriction of Rendered UI Layers (Clickjacking)',
  'CWE-1204': 'Generation of Weak Initialization Vector (IV)',
  'CWE-1240': 'Use of a Cryptographic Primitive with a Risky Implementation',
  'CWE-1321': 'Prototype Pollution',
  'CWE-1333': 'Inefficient Regular Expression Complexity',
  'CWE-1336': 'Server-Side Template Injection',
} as const;

export type CweId = keyof typeof CWE;

export function cweNumber(id: CweId): string {
  return id.slice('CWE-'.length);
}
