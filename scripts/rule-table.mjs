#!/usr/bin/env node
/** Rewrites the rule table in docs/rules/README.md from the registry (run `npm run build` first). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_IN_RULES } from '../dist/src/rules-api/registry.js';
import { withRuleTable } from '../dist/src/rules-api/rule-table.js';

const page = join(resolve(import.meta.dirname, '..'), 'docs/rules/README.md');
writeFileSync(page, withRuleTable(readFileSync(page, 'utf8'), BUILT_IN_RULES));
