/** Wraps a rampart rule as an ESLint rule: same listeners, same analyses, ESLint's report. No rule logic here. */
import type { Rule as EslintRule } from 'eslint';
import { createRuleContext } from '../engine/dispatch.js';
import { ruleDocsUrl } from '../engine/package-info.js';
import type { Rule, SuggestionDescriptor } from '../rules-api/rule-types.js';
import { isRecommendedPrecision } from '../taxonomy/severity.js';
import { fileContextFor } from './eslint-file-context.js';
import { isSuppressedInSource } from './source-suppressions.js';

export function toEslintRule(rule: Rule): EslintRule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.title, url: ruleDocsUrl(rule.id), recommended: isRecommendedPrecision(rule.precision) },
      schema: [],
      ...(rule.hasSuggestions === true ? { hasSuggestions: true } : {}),
      messages: { ...rule.messages },
    },
    create(context) {
      const file = fileContextFor(context.sourceCode, context.filename, context.cwd);
      if (!rule.appliesTo(file)) return {};
      const ruleContext = createRuleContext(file, rule, (descriptor) => {
        // ESLint's own line counting (it treats CR, U+2028 and U+2029 as breaks), so the editor's squiggle
        // sits where ESLint places every other diagnostic.
        const [start, end] = descriptor.node.range;
        if (isSuppressedInSource(file, rule.id, descriptor.node.range)) return;
        context.report({
          loc: { start: context.sourceCode.getLocFromIndex(start), end: context.sourceCode.getLocFromIndex(end) },
          messageId: descriptor.messageId,
          ...(descriptor.data !== undefined ? { data: { ...descriptor.data } } : {}),
          ...(descriptor.suggest !== undefined && descriptor.suggest.length > 0 ? { suggest: descriptor.suggest.map(toEslintSuggestion) } : {}),
        });
      });
      return rule.create(ruleContext) as EslintRule.RuleListener;
    },
  };
}

function toEslintSuggestion(suggestion: SuggestionDescriptor<string>): EslintRule.SuggestionReportDescriptor {
  return {
    messageId: suggestion.messageId,
    ...(suggestion.data !== undefined ? { data: { ...suggestion.data } } : {}),
    fix: (fixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
  };
}
