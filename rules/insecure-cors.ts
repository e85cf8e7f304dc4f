/**
 * What: CORS that lets other websites read responses meant for the logged-in user: the request's Origin
 * reflected (`origin: true`, a function that allows every origin, @koa/cors's default) or `*`/`null` allowed
 * together with `credentials: true`; allow-list regular expressions that match more than meant (not anchored,
 * unescaped dots). Covers cors, @fastify/cors, @koa/cors, Hono's cors and NestJS `enableCors`/`{ cors }`.
 * Why: with credentials, the browser sends the user's cookies on the other site's request and hands it the
 * answer: account data, CSRF tokens, API keys.
 * Quiet on: `*` or reflection without credentials (public APIs), fixed origins and lists, anchored patterns
 * with escaped dots, functions that check the origin, options from configuration.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes } from '../src/analysis/node-children.js';
import { isFunctionNode, unwrapExpression } from '../src/analysis/node-shapes.js';
import { nestedObjectPlaces, optionSetting, type OptionSetting } from '../src/analysis/values/option-objects.js';
import { originPatternProblems, type OriginPatternProblem } from '../src/analysis/values/origin-patterns.js';
import type { ValuePlace } from '../src/analysis/values/static-values.js';
import type { CorsOptionsRow } from '../src/models/transport-concepts.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';

type MessageId = 'reflectedWithCredentials' | 'wildcardWithCredentials' | 'nullWithCredentials' | 'loosePattern';

const PROBLEM_WORDS: Readonly<Record<OriginPatternProblem, string>> = {
  'unanchored-end': 'is not anchored with `$` (it also admits `https://your.site.evil.net`)',
  'unanchored-start': 'is not anchored with `^` (it also admits `https://evil-your.site`)',
  'unescaped-dot': 'has an unescaped `.` that matches any character (`appXexample.com`)',
};

/** Bounds the look into an `origin` function body. */
const MAX_FUNCTION_NODES = 2_000;

export const insecureCors = defineRule<MessageId>({
  id: 'insecure-cors',
  title: 'CORS allows any origin with credentials, or an origin pattern matches more than meant',
  cwe: ['CWE-942', 'CWE-346'],
  owasp: { 2021: ['A05:2021', 'A01:2021'], 2025: ['A02:2025', 'A01:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Allow a fixed list of trusted origins (exact strings, or anchored patterns with escaped dots) when `credentials: true`, never the request\'s own Origin.',
  messages: {
    reflectedWithCredentials:
      '{{api}} {{how}} with `credentials: true`{{where}}, so any website can send requests with the user\'s cookies and read the answers; allow a fixed list of trusted origins instead.',
    wildcardWithCredentials:
      '{{api}} allows any origin (`*`) with `credentials: true`{{where}}: browsers refuse that, and reflecting the Origin to make it work would expose every user; list the trusted origins instead.',
    nullWithCredentials:
      '{{api}} allows the `null` origin with `credentials: true`{{where}}; sandboxed iframes and `data:` pages of any site send it, so list real trusted origins instead.',
    loosePattern: '{{api}} allows origins matching `{{pattern}}`{{where}}, which {{problem}}; anchor it with `^...$` and escape every dot instead.',
  },
  create: (context) => {
    const reported = new Set<TSESTree.Node>();
    return {
      CallExpression: (call) => {
        for (const site of context.concepts.callsTo(call, 'cors-options')) {
          if (site.row.plugin !== true) checkOptions(context, call.arguments[site.row.argument ?? 0], site.row, site.api, reported);
        }
        checkPluginRegistration(context, call, reported);
      },
    };
  },
});

/** `fastify.register(cors, options)`: the options are the registration's second argument. */
function checkPluginRegistration(context: RuleContext<MessageId>, call: TSESTree.CallExpression, reported: Set<TSESTree.Node>): void {
  const callee = unwrapExpression(call.callee);
  const plugin = call.arguments[0];
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'register' || plugin === undefined) return;
  const match = context.concepts.valueIs(plugin, 'cors-options');
  if (match?.row.plugin === true) checkOptions(context, call.arguments[1], match.row, match.model.name, reported);
}

function checkOptions(context: RuleContext<MessageId>, argument: TSESTree.Node | undefined, row: CorsOptionsRow, api: string, reported: Set<TSESTree.Node>): void {
  if (argument === undefined || argument.type === 'SpreadElement') return;
  for (const object of nestedObjectPlaces(argument, row.property, context.values)) {
    const report = (at: OptionSetting | null, messageId: MessageId, data: Record<string, string>): void => {
      const here = at === null ? object.values === context.values : at.place.values === context.values;
      const node = here ? (at === null ? object.node : (propertyOf(at.place.node) ?? at.place.node)) : argument;
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data: { api, where: here ? '' : ' (set in an imported module)', ...data } });
    };
    const credentials = optionSetting(object, 'credentials');
    const withCredentials = credentials?.possible?.includes(true) === true;
    const origin = optionSetting(object, 'origin');
    if (origin === null) {
      if (!withCredentials || credentials === null) continue;
      if (row.defaultOrigin === 'reflect') report(credentials, 'reflectedWithCredentials', { how: 'reflects every request Origin (its default when `origin` is not set)' });
      else report(credentials, 'wildcardWithCredentials', {});
      continue;
    }
    checkOrigin(origin, row, withCredentials, report);
  }
}

type Report = (at: OptionSetting | null, messageId: MessageId, data: Record<string, string>) => void;

function checkOrigin(origin: OptionSetting, row: CorsOptionsRow, withCredentials: boolean, report: Report): void {
  const possible = origin.possible ?? [];
  if (withCredentials && possible.includes(true)) return report(origin, 'reflectedWithCredentials', { how: 'reflects every request Origin (`origin: true`)' });
  if (withCredentials && possible.includes('*')) return report(origin, 'wildcardWithCredentials', {});
  if (withCredentials && possible.some((value) => value === 'null' || (Array.isArray(value) && value.includes('null')))) return report(origin, 'nullWithCredentials', {});
  const value = origin.place.values.placeOf(origin.place.node) ?? origin.place;
  const node = unwrapExpression(value.node);
  if (isFunctionNode(node)) {
    if (withCredentials && allowsEveryOrigin(node, row.originFunction)) report(origin, 'reflectedWithCredentials', { how: 'allows every request Origin (its `origin` function never refuses one)' });
    return;
  }
  for (const pattern of patternsOf(node, value)) {
    const problems = originPatternProblems(pattern);
    const first = problems[0];
    if (first !== undefined) return report(origin, 'loosePattern', { pattern: `/${pattern}/`, problem: PROBLEM_WORDS[first] });
  }
}

/** The regular expression sources an `origin` value holds: a literal, `new RegExp('...')`, or an array of them. */
function patternsOf(node: TSESTree.Node, place: ValuePlace): string[] {
  if (node.type === 'ArrayExpression') {
    return node.elements.flatMap((element) => {
      if (element === null || element.type === 'SpreadElement') return [];
      const item = place.values.placeOf(element) ?? { node: element, values: place.values };
      return patternsOf(unwrapExpression(item.node), item);
    });
  }
  if (node.type === 'Literal' && 'regex' in node && node.regex !== undefined) return [node.regex.pattern];
  if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'RegExp' && node.arguments[0] !== undefined) {
    const source = place.values.stringOf(node.arguments[0]);
    return source === null ? [] : [source];
  }
  return [];
}

type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/**
 * True when the function allows whatever origin it is asked about: every call of its callback (second
 * parameter) passes `true` or the origin itself, or (Hono, @koa/cors) every return gives the origin back.
 */
function allowsEveryOrigin(fn: FunctionLike, style: CorsOptionsRow['originFunction']): boolean {
  const origin = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : null;
  const callback = fn.params[1]?.type === 'Identifier' ? fn.params[1].name : null;
  const isOrigin = (node: TSESTree.Node | undefined | null): boolean => node?.type === 'Identifier' && node.name === origin;
  if (style === 'returns' && fn.body.type !== 'BlockStatement') return isOrigin(fn.body);
  let answers = 0;
  const pending: TSESTree.Node[] = [fn.body];
  for (let seen = 0; pending.length > 0; seen += 1) {
    const node = pending.pop();
    if (node === undefined || seen > MAX_FUNCTION_NODES) return false;
    if (node !== fn.body && isFunctionNode(node)) continue;
    if (style === 'callback' && node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === callback) {
      const [error, allowed] = node.arguments;
      const allowsAll = error?.type === 'Literal' && error.value === null && ((allowed?.type === 'Literal' && allowed.value === true) || isOrigin(allowed));
      if (!allowsAll) return false;
      answers += 1;
    }
    if (style === 'returns' && node.type === 'ReturnStatement') {
      if (!isOrigin(node.argument)) return false;
      answers += 1;
    }
    pending.push(...childNodes(node));
  }
  return answers > 0;
}

function propertyOf(node: TSESTree.Node): TSESTree.Property | null {
  const parent = node.parent;
  return parent?.type === 'Property' && parent.value === node ? parent : null;
}
