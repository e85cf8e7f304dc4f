/** The one factory every rule goes through: fills defaults and checks metadata once, at load time. */
import { CWE } from '../taxonomy/cwe.js';
import { OWASP_2021, OWASP_2025 } from '../taxonomy/owasp.js';
import type { FileContext } from '../engine/file-context.js';
import type { ConfigFileCheck, Rule, RuleContext, RuleListeners, RuleMeta } from './rule-types.js';

export interface RuleDefinition<M extends string> extends RuleMeta<M> {
  readonly appliesTo?: (file: FileContext) => boolean;
  readonly create: (context: RuleContext<M>) => RuleListeners;
  readonly configFile?: ConfigFileCheck<M>;
}

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export class RuleDefinitionError extends Error {
  constructor(id: string, problem: string) {
    super(`rule '${id}': ${problem}`);
    this.name = 'RuleDefinitionError';
  }
}

export function defineRule<M extends string>(definition: RuleDefinition<M>): Rule<M> {
  const { id } = definition;
  if (!RULE_ID.test(id)) throw new RuleDefinitionError(id, 'id must be kebab-case');
  if (definition.cwe.length === 0) throw new RuleDefinitionError(id, 'needs at least one CWE');
  for (const cwe of definition.cwe) if (!(cwe in CWE)) throw new RuleDefinitionError(id, `unknown ${cwe}`);
  for (const code of definition.owasp[2021]) if (!(code in OWASP_2021)) throw new RuleDefinitionError(id, `unknown OWASP ${code}`);
  for (const code of definition.owasp[2025]) if (!(code in OWASP_2025)) throw new RuleDefinitionError(id, `unknown OWASP ${code}`);
  if (definition.owasp[2021].length === 0 || definition.owasp[2025].length === 0) {
    throw new RuleDefinitionError(id, 'needs OWASP categories for 2021 and 2025');
  }
  return Object.freeze({ ...definition, appliesTo: definition.appliesTo ?? (() => true) });
}

/** A rule over configuration files only: it creates no listeners for code, and ESLint never sees it. */
export function defineConfigRule<M extends string>(definition: RuleMeta<M> & { readonly configFile: ConfigFileCheck<M> }): Rule<M> {
  return defineRule({ ...definition, appliesTo: () => false, create: () => ({}) });
}

/** Fills `{{name}}` placeholders, as ESLint does; a missing one stays visible rather than vanishing. */
export function formatMessage(template: string, data: Readonly<Record<string, string>> | undefined): string {
  return template.replace(/\{\{\s*([\w$]+)\s*\}\}/g, (whole, name: string) => data?.[name] ?? whole);
}
