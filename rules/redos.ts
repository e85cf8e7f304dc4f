/**
 * What: a regular expression that backtracks catastrophically (nested quantifiers such as `(a+)+`, overlapping
 * alternatives such as `(a|a)*`, or polynomial ambiguity of degree 3 or more) run on request data:
 * `re.test(input)`, `re.exec(input)`, `input.match(re)` / `matchAll` / `search` / `replace` / `replaceAll` /
 * `split`, and patterns handed to validators of request input (express-validator `.matches`, Joi `.pattern`,
 * yup `.matches`, zod `.regex`, valibot `regex`, class-validator `@Matches`, validator.js `matches`).
 * Why: one crafted request of a few dozen characters keeps Node's single thread busy for seconds to years.
 * How: recheck's automaton checker decides the pattern's worst case (analysis/values/regex-complexity.ts).
 * Quiet on: linear and quadratic patterns, patterns recheck cannot decide within its bounds, patterns never
 * run on request data, re2 and other non-backtracking engines. `regex-injection` covers request data used AS
 * the pattern; this rule covers a constant pattern run ON request data.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../src/analysis/node-shapes.js';
import { RegexComplexityChecker, type RegexComplexity } from '../src/analysis/values/regex-complexity.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { FlowStep, RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'exponential' | 'polynomial';

/** Quadratic patterns (`^(.+)@(.+)$`) are everywhere and need inputs of tens of kilobytes; from cubic on, a few thousand characters stall the process. */
const MIN_REPORTED_DEGREE = 3;

const REGEX_METHODS: ReadonlySet<string> = new Set(['test', 'exec']);
const STRING_METHODS: ReadonlySet<string> = new Set(['match', 'matchAll', 'search', 'replace', 'replaceAll', 'split']);

export const redos = defineRule<MessageId>({
  id: 'redos',
  title: 'Regular expression with catastrophic backtracking run on request data',
  cwe: ['CWE-1333'],
  owasp: { 2021: ['A05:2021'], 2025: ['A02:2025'] },
  severity: 'medium',
  precision: 'high',
  help: 'Rewrite the pattern so each character can be matched one way only (no nested or overlapping quantifiers), bound the input length before matching, or use re2.',
  messages: {
    exponential: 'This pattern backtracks exponentially and is run on {{subject}}: an input such as {{attack}} stalls the process; remove the nested or overlapping quantifier, bound the input length, or use re2.',
    polynomial: 'This pattern takes time growing with the input length to the power {{degree}} and is run on {{subject}}: an input such as {{attack}} stalls the process; make each character match one way only, bound the input length, or use re2.',
  },
  appliesTo: (file) => file.taint.maySeeRequestData || file.source.text.includes('atch') || file.source.text.includes('attern') || file.source.text.includes('egex'),
  create: (context) => {
    const checker = new RegexComplexityChecker();
    const reported = new Set<TSESTree.Node>();
    return {
      CallExpression: (call) => {
        for (const use of patternUses(context, call)) checkUse(context, checker, reported, use);
      },
    };
  },
});

/** A pattern and what it is run on: request data (with its flow), or input a validator checks. */
interface PatternUse {
  readonly pattern: TSESTree.Node;
  /** Where to report when the pattern is spelled in another module. */
  readonly fallback: TSESTree.Node;
  readonly subject: string;
  readonly flow?: readonly FlowStep[];
}

function patternUses(context: RuleContext<MessageId>, call: TSESTree.CallExpression): PatternUse[] {
  const uses: PatternUse[] = [];
  for (const site of context.concepts.callsTo(call, 'pattern-validator')) {
    if (site.target !== null) uses.push({ pattern: site.target, fallback: site.target, subject: `the input ${site.api} validates` });
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return uses;
  const method = staticPropertyName(callee);
  const first = call.arguments[0];
  if (method === null || first === undefined || first.type === 'SpreadElement') return uses;
  if (REGEX_METHODS.has(method)) addTainted(context, uses, callee.object, first, `RegExp.prototype.${method}`);
  else if (STRING_METHODS.has(method)) addTainted(context, uses, first, callee.object, `String.prototype.${method}`);
  return uses;
}

function addTainted(context: RuleContext<MessageId>, uses: PatternUse[], pattern: TSESTree.Node, subject: TSESTree.Node, api: string): void {
  // Cheap test first: the taint question is asked only of calls whose pattern is a known regular expression.
  if (regexAt(context, pattern) === null) return;
  const flow = context.taint.flowTo(subject, { sanitizedFor: 'regex', sinkLabel: api });
  if (flow !== null) uses.push({ pattern, fallback: subject, subject: flow.source.label, flow: flow.steps });
}

interface RegexPlace {
  readonly source: string;
  readonly flags: string;
  /** The literal or `new RegExp(...)`, when written in this file. */
  readonly here: TSESTree.Node | null;
}

/** The constant pattern `node` holds: a regex literal, `new RegExp('…', 'flags')` (the global), or a constant string given to a validator. */
function regexAt(context: RuleContext<MessageId>, node: TSESTree.Node): RegexPlace | null {
  const place = context.values.placeOf(node);
  if (place === null) return null;
  const value = unwrapExpression(place.node);
  const here = place.values === context.values ? value : null;
  if (value.type === 'Literal' && 'regex' in value && value.regex !== undefined) return { source: value.regex.pattern, flags: value.regex.flags, here };
  if ((value.type === 'NewExpression' || value.type === 'CallExpression') && here !== null) return constructedRegex(context, value);
  return null;
}

function constructedRegex(context: RuleContext<MessageId>, call: TSESTree.NewExpression | TSESTree.CallExpression): RegexPlace | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'RegExp' || !context.scope.isGlobalReference(callee)) return null;
  const [patternArgument, flagsArgument] = call.arguments;
  if (patternArgument === undefined || patternArgument.type === 'SpreadElement') return null;
  const flags = flagsArgument === undefined || flagsArgument.type === 'SpreadElement' ? '' : context.values.stringOf(flagsArgument);
  if (flags === null) return null;
  const source = context.values.stringOf(patternArgument);
  if (source !== null) return { source, flags, here: call };
  const literal = regexAt(context, patternArgument);
  return literal === null ? null : { source: literal.source, flags, here: call };
}

function checkUse(context: RuleContext<MessageId>, checker: RegexComplexityChecker, reported: Set<TSESTree.Node>, use: PatternUse): void {
  const regex = regexAt(context, use.pattern) ?? stringPattern(context, use);
  if (regex === null) return;
  const node = regex.here ?? use.fallback;
  if (reported.has(node)) return;
  const complexity = checker.complexityOf(regex.source, regex.flags);
  const report = reportOf(complexity);
  if (report === null) return;
  reported.add(node);
  context.report({ node, messageId: report.messageId, data: { subject: use.subject, ...report.data }, ...(use.flow === undefined ? {} : { flow: use.flow }) });
}

/** A validator may take the pattern as a string (`matches('^[a-z]+$', 'i')`). */
function stringPattern(context: RuleContext<MessageId>, use: PatternUse): RegexPlace | null {
  if (use.flow !== undefined) return null;
  const source = context.values.stringOf(use.pattern);
  return source === null ? null : { source, flags: '', here: null };
}

function reportOf(complexity: RegexComplexity): { messageId: MessageId; data: Record<string, string> } | null {
  if (complexity.kind === 'exponential') return { messageId: 'exponential', data: { attack: attackText(complexity.attack) } };
  if (complexity.kind === 'polynomial' && complexity.degree >= MIN_REPORTED_DEGREE) {
    return { messageId: 'polynomial', data: { degree: String(complexity.degree), attack: attackText(complexity.attack) } };
  }
  return null;
}

/** recheck writes attacks as JavaScript (`'a' + 'a'.repeat(31) + '\x00'`); long ones are cut for the message. */
function attackText(attack: string | null): string {
  if (attack === null) return 'a crafted one';
  return attack.length > 80 ? `${attack.slice(0, 77)}...` : attack;
}
