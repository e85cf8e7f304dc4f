/**
 * A Semgrep rule's descriptive fields → rampart's rule metadata. Severity: Semgrep's ERROR/WARNING/INFO (and
 * the newer CRITICAL/HIGH/MEDIUM/LOW) map to rampart's four levels, ERROR to high; `metadata.rampart-severity`
 * picks any level, critical included, because ERROR alone cannot say "critical". Precision: from
 * `metadata.confidence` (HIGH/MEDIUM/LOW), else `metadata.rampart-precision`, else medium. CWE and OWASP codes
 * are read out of Semgrep's free text ("CWE-78: Improper Neutralization...", "A03:2021 - Injection").
 */
import type { DataPath } from '../config/positioned-document.js';
import type { YamlRuleSource } from '../rules-api/rule-types.js';
import { CWE, type CweId } from '../taxonomy/cwe.js';
import { OWASP_2021, OWASP_2025, type Owasp2021, type Owasp2025, type OwaspMapping } from '../taxonomy/owasp.js';
import { isSeverity, PRECISIONS, type Precision, type Severity } from '../taxonomy/severity.js';
import { isYamlMap, type RuleFile, type YamlMap } from './rule-file.js';

const SEMGREP_SEVERITIES: Readonly<Record<string, Severity>> = {
  CRITICAL: 'critical',
  ERROR: 'high',
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  INFO: 'low',
  LOW: 'low',
};

const CONFIDENCE: Readonly<Record<string, Precision>> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

export interface RuleDescription {
  readonly severity: Severity;
  readonly precision: Precision;
  readonly cwe: readonly CweId[];
  readonly owasp: OwaspMapping;
  readonly title: string;
  readonly help: string;
  readonly source: YamlRuleSource;
}

export function describeRule(file: RuleFile, rule: YamlMap, path: DataPath, message: string): RuleDescription {
  const metadata = rule['metadata'] ?? {};
  if (!isYamlMap(metadata)) throw file.errorAt([...path, 'metadata'], 'metadata must be a map');
  const cweCodes = textsOf(metadata['cwe']).flatMap((text) => [...text.matchAll(/CWE-(\d+)/gi)].map((match) => `CWE-${match[1] ?? ''}`));
  const owaspCodes = textsOf(metadata['owasp']).flatMap((text) => [...text.matchAll(/A(\d{2}):(\d{4})/g)].map((match) => match[0]));
  const references = textsOf(metadata['references']).filter((reference) => /^https?:\/\//.test(reference));
  const help = message.replace(/\s+/g, ' ').trim();
  return {
    severity: severityOf(file, rule, metadata, path),
    precision: precisionOf(file, metadata, path),
    cwe: unique(cweCodes.filter((code): code is CweId => code in CWE)),
    owasp: {
      2021: unique(owaspCodes.filter((code): code is Owasp2021 => code in OWASP_2021)),
      2025: unique(owaspCodes.filter((code): code is Owasp2025 => code in OWASP_2025)),
    },
    title: titleOf(help),
    help,
    source: {
      file: file.file,
      line: file.lineOf([...path, 'id']),
      cwe: unique(cweCodes),
      owasp: unique(owaspCodes),
      helpMarkdown: helpMarkdown(help, references),
      helpUri: references[0] ?? null,
    },
  };
}

function severityOf(file: RuleFile, rule: YamlMap, metadata: YamlMap, path: DataPath): Severity {
  const override = metadata['rampart-severity'];
  if (override !== undefined) {
    if (typeof override !== 'string' || !isSeverity(override)) throw file.errorAt([...path, 'metadata', 'rampart-severity'], 'rampart-severity must be low, medium, high or critical');
    return override;
  }
  const given = rule['severity'];
  const mapped = typeof given === 'string' ? SEMGREP_SEVERITIES[given.toUpperCase()] : undefined;
  if (mapped === undefined) throw file.errorAt([...path, 'severity'], `severity must be one of ${Object.keys(SEMGREP_SEVERITIES).join(', ')}`);
  return mapped;
}

function precisionOf(file: RuleFile, metadata: YamlMap, path: DataPath): Precision {
  const override = metadata['rampart-precision'];
  if (override !== undefined) {
    if (typeof override !== 'string' || !(PRECISIONS as readonly string[]).includes(override)) {
      throw file.errorAt([...path, 'metadata', 'rampart-precision'], `rampart-precision must be one of ${PRECISIONS.join(', ')}`);
    }
    return override as Precision;
  }
  const confidence = metadata['confidence'];
  return (typeof confidence === 'string' ? CONFIDENCE[confidence.toUpperCase()] : undefined) ?? 'medium';
}

/** The message's first sentence, as a short description (SARIF shortDescription, GitLab name). */
function titleOf(help: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(help)?.[0] ?? help;
  const title = sentence.replace(/[.!?]$/, '');
  return title.length > 120 ? `${title.slice(0, 117)}...` : title;
}

function helpMarkdown(help: string, references: readonly string[]): string {
  const links = references.map((reference) => `- <${reference}>`).join('\n');
  return links === '' ? `${help}\n` : `${help}\n\n## References\n\n${links}\n`;
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
