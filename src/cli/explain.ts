/** `rampart explain <rule>`: the rule's docs page, shipped in the package, shaped for a terminal. */
import { parseArgs } from 'node:util';
import { ruleDocsMarkdown, ruleDocsUrl } from '../engine/package-info.js';
import { UsageError } from '../engine/problems.js';
import { withoutFrontMatter } from '../report/sarif-rules.js';
import { BUILT_IN_RULES } from '../rules-api/registry.js';
import { didYouMean } from './suggest.js';

export const EXPLAIN_HELP = `Usage: rampart explain <rule-id>

Prints the rule's documentation: what it finds, why it matters, vulnerable and safe examples, how to fix
it, known limits and references. \`rampart rules\` lists the ids.`;

const STYLE = { bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' } as const;

export function explainRule(argv: readonly string[], color: boolean): { readonly stdout: string } {
  const { values, positionals } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help === true) return { stdout: `${EXPLAIN_HELP}\n` };
  const [given, ...extra] = positionals;
  if (given === undefined) throw new UsageError('rampart explain needs a rule id (see rampart rules)');
  if (extra.length > 0) throw new UsageError(`rampart explain takes one rule id, not ${positionals.length}`);
  const id = given.replace(/^rampart\//, '');
  const rule = BUILT_IN_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) {
    throw new UsageError(`unknown rule '${given}'${didYouMean(id, BUILT_IN_RULES.map((candidate) => candidate.id))} (see rampart rules)`);
  }
  const page = ruleDocsMarkdown(rule.id);
  const body = page === null ? `# ${rule.title}\n\n${rule.help}\n` : withoutFrontMatter(page);
  return { stdout: `${forTerminal(body, color)}\n${ruleDocsUrl(rule.id)}\n` };
}

/** Headings in bold, code blocks indented and dimmed, everything else as written (markdown reads well as text). */
function forTerminal(markdown: string, color: boolean): string {
  const paint = (style: string, text: string): string => (color ? `${style}${text}${STYLE.reset}` : text);
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) out.push(paint(STYLE.dim, `    ${line}`));
    else if (/^#{1,6} /.test(line)) out.push(paint(STYLE.bold, line.replace(/^#{1,6} /, '').toUpperCase()));
    else out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
