/**
 * The grammar of model paths (after CodeQL's Member/ReturnValue access paths). A path is relative to a
 * library's module and reads left to right:
 *   name       a member:               `Pool`
 *   {a,b}      one of these members:   `{query,execute}`
 *   *          any one member
 *   ()         a call or `new`:        `Pool()` is `new Pool(...)`, a leading `()` calls the module itself
 *   **         any sequence of steps:  `().**.whereRaw` is whereRaw anywhere on a knex builder chain
 * Segments are joined by dots: `{createConnection,createPool}().{query,execute}`.
 */
import { CALL, type ApiReference } from '../modules/api-reference.js';

type PathToken =
  | { readonly kind: 'member'; readonly names: ReadonlySet<string> }
  | { readonly kind: 'any-member' }
  | { readonly kind: 'call' }
  | { readonly kind: 'any-steps' };

export interface AccessPath {
  readonly source: string;
  readonly tokens: readonly PathToken[];
}

const MEMBER_NAME = /^[A-Za-z_$#][\w$-]*$/;
const TOKEN = /\{[^}]*\}|\*\*|\*|\(\)|[A-Za-z_$#][\w$-]*|\./y;

export class AccessPathSyntaxError extends Error {
  constructor(path: string, at: number) {
    super(`bad access path '${path}' at character ${at}`);
    this.name = 'AccessPathSyntaxError';
  }
}

export function parseAccessPath(source: string): AccessPath {
  const tokens: PathToken[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (match === null) throw new AccessPathSyntaxError(source, at);
    const text = match[0];
    if (text === '.') continue;
    if (text === '()') tokens.push({ kind: 'call' });
    else if (text === '**') tokens.push({ kind: 'any-steps' });
    else if (text === '*') tokens.push({ kind: 'any-member' });
    else if (text.startsWith('{')) {
      const names = text.slice(1, -1).split(',').map((name) => name.trim());
      if (names.some((name) => !MEMBER_NAME.test(name))) throw new AccessPathSyntaxError(source, at);
      tokens.push({ kind: 'member', names: new Set(names) });
    }
    else tokens.push({ kind: 'member', names: new Set([text]) });
  }
  return { source, tokens };
}

export function matchesAccessPath(path: AccessPath, steps: readonly string[]): boolean {
  return matchFrom(path.tokens, 0, steps, 0);
}

function matchFrom(tokens: readonly PathToken[], tokenIndex: number, steps: readonly string[], stepIndex: number): boolean {
  if (tokenIndex === tokens.length) return stepIndex === steps.length;
  const token = tokens[tokenIndex];
  if (token === undefined) return false;
  if (token.kind === 'any-steps') {
    for (let skip = stepIndex; skip <= steps.length; skip += 1) {
      if (matchFrom(tokens, tokenIndex + 1, steps, skip)) return true;
    }
    return false;
  }
  const step = steps[stepIndex];
  if (step === undefined) return false;
  const isCall = step === CALL;
  const matches = token.kind === 'call' ? isCall : token.kind === 'any-member' ? !isCall : !isCall && token.names.has(step);
  return matches && matchFrom(tokens, tokenIndex + 1, steps, stepIndex + 1);
}

/** The final member name a path can end in (for indexing), or null when it ends in a wildcard or a call. */
export function finalMemberNames(path: AccessPath): ReadonlySet<string> | null {
  const last = path.tokens[path.tokens.length - 1];
  return last?.kind === 'member' ? last.names : null;
}

export function referenceMatches(path: AccessPath, modules: readonly string[], reference: ApiReference): boolean {
  return modules.includes(reference.module) && matchesAccessPath(path, reference.steps);
}
