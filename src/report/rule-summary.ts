/** What a user reads about a rule outside its docs page: in JSON findings, `rampart rules`, JUnit and HTML. */
import { ruleDocsUrl } from '../engine/package-info.js';
import type { Rule } from '../rules-api/rule-types.js';
import { isRecommendedPrecision, type Precision, type Severity } from '../taxonomy/severity.js';

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly cwe: readonly string[];
  readonly owasp2021: readonly string[];
  readonly owasp2025: readonly string[];
  readonly severity: Severity;
  readonly precision: Precision;
  /** In the default set of both hosts (ESLint `recommended`, the CLI without --all). */
  readonly recommended: boolean;
  /** The docs page, or a YAML rule's first reference; null when it has none. */
  readonly docsUrl: string | null;
}

export function summarizeRule(rule: Rule): RuleSummary {
  const yaml = rule.yamlSource;
  return {
    id: rule.id,
    title: rule.title,
    cwe: yaml !== undefined ? yaml.cwe : rule.cwe,
    owasp2021: yaml !== undefined ? yaml.owasp.filter((code) => code.endsWith(':2021')) : rule.owasp[2021],
    owasp2025: yaml !== undefined ? yaml.owasp.filter((code) => code.endsWith(':2025')) : rule.owasp[2025],
    severity: rule.severity,
    precision: rule.precision,
    recommended: isRecommendedPrecision(rule.precision),
    docsUrl: yaml !== undefined ? yaml.helpUri : ruleDocsUrl(rule.id),
  };
}
