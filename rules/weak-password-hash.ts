/**
 * What: a password hashed with a fast digest (MD5, SHA-1, SHA-2, HMAC from crypto, crypto-js, md5, js-sha256),
 * or with a password hash whose work factor is below the OWASP Password Storage minimum (bcrypt cost,
 * PBKDF2 iterations, scrypt N/r/p, argon2 memory and passes).
 * Why: whoever gets the table cracks fast hashes at billions of guesses per second on one GPU.
 * Quiet on: digests of values that are not passwords (reset tokens, ETags, emails), library defaults, costs
 * that do not fold to a constant, PBKDF2/scrypt over keys that are not passwords, look-alikes from other modules.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { PreHashFinder } from '../src/analysis/concepts/password-pre-hash.js';
import { PasswordEvidenceFinder, type PasswordEvidence } from '../src/analysis/names/password-evidence.js';
import { unwrapExpression } from '../src/analysis/node-shapes.js';
import type { PasswordHashRow } from '../src/models/concepts.js';
import { readWorkFactors, type WorkFactorSettings } from '../src/analysis/concepts/work-factors.js';
import { defineRule } from '../src/rules-api/define-rule.js';
import type { RuleContext } from '../src/rules-api/rule-types.js';
import {
  argon2MeetsMinimum,
  BCRYPT_MINIMUM_COST,
  pbkdf2MinimumIterations,
  scryptMeetsMinimum,
} from '../src/taxonomy/password-storage.js';

type MessageId = 'fastHash' | 'weakWorkFactor';

/** Chains such as `createHash(a).update(b).update(c).digest()` are a handful of calls long. */
const MAX_CHAIN_LENGTH = 8;

export const weakPasswordHash = defineRule<MessageId>({
  id: 'weak-password-hash',
  title: 'Password hashed with a fast or under-strength algorithm',
  cwe: ['CWE-916', 'CWE-328'],
  owasp: { 2021: ['A02:2021'], 2025: ['A04:2025'] },
  severity: 'high',
  precision: 'high',
  help: 'Hash passwords with argon2id, scrypt or bcrypt at or above the OWASP Password Storage minimums, never with a bare digest.',
  messages: {
    fastHash: '{{api}} is a fast digest and hashes a password here ({{evidence}}); use argon2id, scrypt or bcrypt instead.',
    weakWorkFactor: '{{algorithm}} with {{setting}} is below the OWASP minimum ({{minimum}}); raise the work factor.',
  },
  appliesTo: (file) => file.concepts.mayUse('fast-hash') || file.concepts.mayUse('password-hash'),
  create: (context) => {
    let finder: PasswordEvidenceFinder | null = null;
    let preHashes: PreHashFinder | null = null;
    const evidence = (): PasswordEvidenceFinder => (finder ??= new PasswordEvidenceFinder(context.scope, context.strings));
    const preHash = (): PreHashFinder => (preHashes ??= new PreHashFinder(context.concepts, context.scope));
    return {
      CallExpression: (call) => {
        checkFastHash(context, evidence, preHash, call);
        checkWorkFactor(context, evidence, call);
      },
    };
  },
});

function checkFastHash(context: RuleContext<MessageId>, evidence: () => PasswordEvidenceFinder, preHash: () => PreHashFinder, call: TSESTree.CallExpression): void {
  const hash = context.concepts.callTo(call, 'fast-hash');
  // One finding per digest: `.update(salt).update(password)` is judged once, at its last update. A pre-hash
  // before bcrypt or argon2 (`bcrypt.hash(sha256(pw))`, through variables and helpers) is not how it is stored.
  if (hash === null || feedsLaterHashCall(context, call) || preHash().feedsPasswordHash(call)) return;
  let found: PasswordEvidence | null = null;
  for (const input of hashedInputs(context, call)) {
    found = evidence().inHashedValue(input);
    if (found !== null) break;
  }
  found ??= evidence().inResultUse(call);
  if (found === null) return;
  const node = found.kind === 'hashed-value' ? found.node : (hash.target ?? call);
  context.report({ node, messageId: 'fastHash', data: { api: hash.api, evidence: describeEvidence(context, found) } });
}

function checkWorkFactor(context: RuleContext<MessageId>, evidence: () => PasswordEvidenceFinder, call: TSESTree.CallExpression): void {
  const kdf = context.concepts.callTo(call, 'password-hash');
  if (kdf === null) return;
  const verdict = judgeWorkFactors(kdf.row.algorithm, readWorkFactors(call, kdf.row, context.values));
  if (verdict === null) return;
  // PBKDF2 and scrypt also stretch keys that are already random, where a low cost is harmless: ask for a password.
  if (kdf.row.algorithm === 'pbkdf2' || kdf.row.algorithm === 'scrypt') {
    const isPassword = (kdf.target !== null && evidence().inHashedValue(kdf.target) !== null) || evidence().inResultUse(call) !== null;
    if (!isPassword) return;
  }
  const node = verdict.node.range[0] >= call.range[0] && verdict.node.range[1] <= call.range[1] ? verdict.node : call;
  context.report({ node, messageId: 'weakWorkFactor', data: { algorithm: verdict.algorithm, setting: verdict.setting, minimum: verdict.minimum } });
}

/** True when this call's digest is extended by a later modeled call in the same chain (`.update(a).update(b)`). */
function feedsLaterHashCall(context: RuleContext<MessageId>, call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  for (let step = 0; step < MAX_CHAIN_LENGTH; step += 1) {
    const member: TSESTree.Node | undefined = current.parent;
    const next: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current || next?.type !== 'CallExpression' || next.callee !== member) return false;
    if (context.concepts.callTo(next, 'fast-hash') !== null) return true;
    current = next;
  }
  return false;
}

/** The values fed to one digest, from the first `update` of a chain to `call`. */
function hashedInputs(context: RuleContext<MessageId>, call: TSESTree.CallExpression): TSESTree.Node[] {
  const inputs: TSESTree.Node[] = [];
  let current: TSESTree.Node = call;
  for (let step = 0; step < MAX_CHAIN_LENGTH && current.type === 'CallExpression'; step += 1) {
    const target = context.concepts.callTo(current, 'fast-hash')?.target;
    if (target !== undefined && target !== null) inputs.unshift(target);
    const callee = unwrapExpression(current.callee);
    if (callee.type !== 'MemberExpression') break;
    current = unwrapExpression(callee.object);
  }
  return inputs;
}

interface WeakWorkFactor {
  readonly algorithm: string;
  readonly setting: string;
  readonly minimum: string;
  readonly node: TSESTree.Node;
}

/**
 * Judges only what the call sets: a library default is the library's choice, not this code's, and a cost
 * read from configuration is unknown here. Defaults fill in the parameters the call leaves out.
 */
function judgeWorkFactors(algorithm: PasswordHashRow['algorithm'], settings: WorkFactorSettings): WeakWorkFactor | null {
  const written = [...settings.values()].flatMap((setting) => (setting.source === 'call' ? [setting.node] : []));
  const node = written[0];
  if (node === undefined || [...settings.values()].some((setting) => setting.source === 'unknown')) return null;
  const number = (parameter: Parameters<WorkFactorSettings['get']>[0]): number | null => {
    const setting = settings.get(parameter);
    return setting !== undefined && (setting.source === 'call' || setting.source === 'default') && typeof setting.value === 'number' ? setting.value : null;
  };
  switch (algorithm) {
    case 'bcrypt': {
      const cost = number('bcrypt-rounds');
      return cost !== null && cost < BCRYPT_MINIMUM_COST ? { algorithm: 'bcrypt', setting: `cost ${cost}`, minimum: `cost ${BCRYPT_MINIMUM_COST}`, node } : null;
    }
    case 'pbkdf2': {
      const iterations = number('pbkdf2-iterations');
      const digestSetting = settings.get('pbkdf2-digest');
      const digest = digestSetting?.source === 'call' && typeof digestSetting.value === 'string' ? digestSetting.value : null;
      const minimum = pbkdf2MinimumIterations(digest);
      if (iterations === null || iterations >= minimum) return null;
      const of = digest === null ? '' : ` of ${digest}`;
      return { algorithm: 'PBKDF2', setting: `${iterations} iterations${of}`, minimum: `${minimum} iterations${of}`, node };
    }
    case 'scrypt': {
      const [cost, blockSize, parallelization] = [number('scrypt-cost'), number('scrypt-block-size'), number('scrypt-parallelization')];
      if (cost === null || blockSize === null || parallelization === null || scryptMeetsMinimum(cost, blockSize, parallelization)) return null;
      return { algorithm: 'scrypt', setting: `N=${cost}, r=${blockSize}, p=${parallelization}`, minimum: 'N=131072, r=8, p=1, or a listed equivalent', node };
    }
    case 'argon2': {
      const [memory, passes] = [number('argon2-memory-kib'), number('argon2-passes')];
      if (memory === null || passes === null || argon2MeetsMinimum(memory, passes)) return null;
      return { algorithm: 'argon2', setting: `${memory} KiB and ${passes} ${passes === 1 ? 'pass' : 'passes'}`, minimum: '19456 KiB and 2 passes, or a listed equivalent', node };
    }
  }
}

function describeEvidence(context: RuleContext<MessageId>, found: PasswordEvidence): string {
  const code = `\`${excerpt(context, found.node)}\``;
  switch (found.kind) {
    case 'hashed-value':
      return code;
    case 'stored-as':
      return `stored as ${code}`;
    case 'compared-with':
      return `compared with ${code}`;
    case 'returned-from':
      return `returned from ${code}`;
  }
}

function excerpt(context: RuleContext<MessageId>, node: TSESTree.Node): string {
  const text = context.file.source.slice(node.range).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
