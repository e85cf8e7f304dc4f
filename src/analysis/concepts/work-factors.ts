/**
 * The work factors a modeled password-hash call runs with: each parameter as written in the call (a positional
 * argument or an options property, under any of its aliases), else the library default the model documents.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { callSetting } from '../values/call-options.js';
import type { StaticValues } from '../values/static-values.js';
import type { PasswordHashRow, WorkFactorParameter } from '../../models/concepts.js';

export type WorkFactorSetting =
  | { readonly source: 'call'; readonly value: unknown; readonly node: TSESTree.Node }
  | { readonly source: 'default'; readonly value: number }
  /** Set by the call to something not known from the file alone (config, arithmetic on input, a spread). */
  | { readonly source: 'unknown' }
  /** Left out, and the model records no default. */
  | { readonly source: 'unset' };

export type WorkFactorSettings = ReadonlyMap<WorkFactorParameter, WorkFactorSetting>;

export function readWorkFactors(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  row: PasswordHashRow,
  values: StaticValues,
): WorkFactorSettings {
  const settings = new Map<WorkFactorParameter, WorkFactorSetting>();
  for (const factor of row.workFactors) {
    const previous = settings.get(factor.parameter);
    if (previous?.source === 'call') continue; // an alias already set it (`N` and `cost` are one parameter)
    const setting = callSetting(call, factor.argument, factor.property, values);
    if (setting.kind === 'constant') settings.set(factor.parameter, { source: 'call', value: setting.value, node: setting.node });
    else if (setting.kind === 'unknown') settings.set(factor.parameter, { source: 'unknown' });
    else if (previous === undefined) {
      settings.set(factor.parameter, factor.default === undefined ? { source: 'unset' } : { source: 'default', value: factor.default });
    }
  }
  return settings;
}
