/** Severity and precision vocabularies shared by rules, reporters and the CLI gate. */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * GitHub's precision vocabulary, with the meaning rampart gives each tier:
 * - very-high: a finding is real on almost all code we did not write (< 1 in 20 false);
 * - high: real on most code (< 1 in 5 false); the `recommended` config holds these and above;
 * - medium: worth a look, expect some noise;
 * - low: an audit hint (opt-in), like semgrep's `audit` subcategory.
 */
export const PRECISIONS = ['low', 'medium', 'high', 'very-high'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** What both hosts run by default: the `recommended` tier, high precision and above. */
export const DEFAULT_MINIMUM_PRECISION: Precision = 'high';

export function isPrecision(value: string): value is Precision {
  return (PRECISIONS as readonly string[]).includes(value);
}

export function isAtLeastAsPrecise(precision: Precision, floor: Precision): boolean {
  return PRECISIONS.indexOf(precision) >= PRECISIONS.indexOf(floor);
}

/** In the default set of both hosts: ESLint's `recommended` config, and the CLI without --all. */
export function isRecommendedPrecision(precision: Precision): boolean {
  return isAtLeastAsPrecise(precision, DEFAULT_MINIMUM_PRECISION);
}

/** GitHub code scanning reads `security-severity` as a string score: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low < 4.0. */
export const SECURITY_SEVERITY_SCORE: Readonly<Record<Severity, string>> = {
  critical: '9.1',
  high: '7.5',
  medium: '5.3',
  low: '3.1',
};

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}
