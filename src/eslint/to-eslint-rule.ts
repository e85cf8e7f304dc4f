/** Wraps a rampart rule as an ESLint rule: same listeners, same analyses, ESLint's report. No rule logic here. */
import type { Rule as EslintRule } from 'eslint';
import { createRuleContext } from '../engine/dispatch.js';
import { ruleDocsUrl } from '../engine/package-info.js';
import type { Rule } from '../rules-api/rule-types.js';
import { isRecommendedPrecision } from '../taxonomy/severity.js';
import { fileContextFor } from './eslint-file-context.js';


export function toEslintRule(rule: Rule): EslintRule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.title, url: ruleDocsUrl(rule.id), recommended: isRecommendedPrecision(rule.precision) },
      schema: [],
      messages: { ...rule.messages },
    },
    create(context) {
      const file = fileContextFor(context.sourceCode, context.filename, context.cwd);
      if (!rule.appliesTo(file)) return {};
      const ruleContext = createRuleContext(file, rule, (descriptor) => {
        // ESLint's own line counting (it treats CR, U+2028 and U+2029 as breaks), so the editor's squiggle
        // sits where ESLint places every other diagnostic.
        const [start, end] = descriptor.node.range;
        context.report({
          loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
          messageId: descriptor.messageId,
          ...(descriptor.data !== undefined ? { data: { ...descriptor.data } } : {}),
        });
      });
      return rule.create(ruleContext) as EslintRule.RuleListener;
    },
  };
}
