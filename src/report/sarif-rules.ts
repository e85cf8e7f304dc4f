/**
 * SARIF rule descriptors (`tool.driver.rules`) as GitHub code scanning reads them: `security-severity` and
 * `defaultConfiguration.level` from the severity the rule ran at, `precision`, tags (`security`, CWE, OWASP;
 * at most 20, and GitHub shows the first 10, so the CWE comes first), and `help` from the rule's docs page
 * (what it finds, why it matters, a vulnerable and a fixed example), shown on every alert.
 */
import type * as Sarif from 'sarif';
import { DOCS_BASE_URL, ruleDocsMarkdown, ruleDocsUrl } from '../engine/package-info.js';
import type { Rule } from '../rules-api/rule-types.js';
import { owaspTitle } from '../taxonomy/owasp.js';
import { SECURITY_SEVERITY_SCORE, type Severity } from '../taxonomy/severity.js';

/** GitHub rejects a rule with more than 20 tags. */
export const MAX_TAGS_PER_RULE = 20;

export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

export function ruleTags(rule: Rule): string[] {
  // A YAML rule may cite codes rampart's tables do not list (CWE-352, A01:2017); its tags keep them all.
  const cwes = rule.yamlSource?.cwe ?? rule.cwe;
  const owasps = rule.yamlSource?.owasp ?? [...rule.owasp[2021], ...rule.owasp[2025]];
  const tags = ['security', ...cwes.map((cwe) => `external/cwe/cwe-${cwe.slice('CWE-'.length)}`)];
  for (const code of owasps) tags.push(`external/owasp/${code.toLowerCase().replace(':', '-')}`);
  return [...new Set(tags)].slice(0, MAX_TAGS_PER_RULE);
}

/**
 * `SqlInjection` for `sql-injection`: SARIF's `name` is an identifier-like label, and must differ from the id
 * (SARIF1001), so a one-word id such as `xss` becomes `XssRule`.
 */
export function ruleName(id: string): string {
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase());
  return pascal.toLowerCase() === id.toLowerCase() ? `${pascal}Rule` : pascal;
}

export function sarifRule(rule: Rule, severity: Severity): Sarif.ReportingDescriptor {
  const owasp = [...rule.owasp[2021], ...rule.owasp[2025]].map((code) => `${code} ${owaspTitle(code)}`).join('; ');
  const yamlSource = rule.yamlSource;
  const page = yamlSource === undefined ? ruleDocsMarkdown(rule.id) : null;
  const markdown = yamlSource !== undefined ? yamlSource.helpMarkdown : page !== null ? withoutFrontMatter(page) : `${rule.help}\n\nOWASP: ${owasp}\n`;
  const helpUri = yamlSource !== undefined ? yamlSource.helpUri : ruleDocsUrl(rule.id);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    // A YAML rule's title is the first sentence of its help, which would then read twice.
    fullDescription: { text: yamlSource !== undefined ? rule.help : `${rule.title}. ${rule.help}` },
    help: { text: markdownAsText(markdown), markdown: withAbsoluteLinks(markdown) },
    ...(helpUri !== null ? { helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY_SCORE[severity],
      precision: rule.precision,
      'problem.severity': severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'recommendation',
      tags: ruleTags(rule),
    },
  };
}

/** The docs page without its YAML front matter, which GitHub would render as a stray table. */
export function withoutFrontMatter(page: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(page);
  return (match === null ? page : page.slice(match[0].length)).replace(/^\s+/, '');
}

/**
 * Relative links of a docs page (`../guides/ci.md`, `sql-injection.md#known-limits`) resolved against the
 * published docs: on an alert page GitHub has no base to resolve them from, so they would be dead.
 */
export function withAbsoluteLinks(markdown: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, href: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return whole;
    return `](${new URL(href, DOCS_BASE_URL).href})`;
  });
}

/** Plain-text help for viewers without markdown: headings and emphasis marks dropped, code kept as is. */
export function markdownAsText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)'))
    .join('\n');
}
