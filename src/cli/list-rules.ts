/** `rampart rules`: every built-in rule with its weakness classes, severity, precision and default tier. */
import { parseArgs } from 'node:util';
import { UsageError } from '../engine/problems.js';
import { summarizeRule, type RuleSummary } from '../report/rule-summary.js';
import { BUILT_IN_RULES } from '../rules-api/registry.js';

export const RULES_HELP = `Usage: rampart rules [--format text|json]

Lists every built-in rule: id, title, CWE, OWASP 2021 and 2025, severity, precision, and whether it is in
the default set (ESLint's recommended config, and the CLI without --all).`;

export function listRules(argv: readonly string[]): { readonly stdout: string } {
  const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help === true) return { stdout: `${RULES_HELP}\n` };
  const summaries = BUILT_IN_RULES.map(summarizeRule).sort((a, b) => (a.id < b.id ? -1 : 1));
  const format = values.format ?? 'text';
  if (format === 'json') return { stdout: `${JSON.stringify(summaries, null, 2)}\n` };
  if (format !== 'text') throw new UsageError(`rampart rules --format takes text or json, not '${format}'`);
  return { stdout: table(summaries) };
}

function table(summaries: readonly RuleSummary[]): string {
  const header = ['rule', 'severity', 'precision', 'default', 'CWE', 'OWASP 2021', 'OWASP 2025', 'title'];
  const rows = summaries.map((rule) => [rule.id, rule.severity, rule.precision, rule.recommended ? 'yes' : 'no', rule.cwe.join(' '), rule.owasp2021.join(' '), rule.owasp2025.join(' '), rule.title]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const defaults = summaries.filter((rule) => rule.recommended).length;
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${summaries.length} rules, ${defaults} in the default set; \`rampart explain <rule>\` shows one rule's page.\n`;
}
