/**
 * For suggestions that call a library function: the expression that names `exportName` of a module in this
 * file, through a binding the file already has (`import crypto from 'node:crypto'` → `crypto.randomInt`,
 * `const { randomInt } = require('crypto')` → `randomInt`), else the same name plus the edit that imports it
 * (an `import` after the last one in a module, a `require` in a CommonJS file). Null when the name is taken.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../analysis/node-shapes.js';
import type { RuleContext, TextEdit } from './rule-types.js';

export interface ModuleBinding {
  /** Source text naming the export: `randomInt`, `crypto.randomInt`. */
  readonly expression: string;
  /** Edits adding the import, when the file had none to reuse. */
  readonly edits: readonly TextEdit[];
}

export function moduleBinding(context: RuleContext, modules: readonly string[], exportName: string): ModuleBinding | null {
  const program = context.file.ast;
  for (const statement of program.body) {
    const found = existingBinding(context, statement, modules, exportName);
    if (found !== null) return { expression: found, edits: [] };
  }
  const moduleScope = context.scope.scopeOf(program);
  const taken = moduleScope?.set.has(exportName) === true || moduleScope?.childScopes.some((scope) => scope.type === 'module' && scope.set.has(exportName)) === true;
  if (taken) return null;
  const specifier = modules[0] ?? '';
  const imports = program.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === 'ImportDeclaration');
  const lastImport = imports[imports.length - 1];
  if (lastImport !== undefined) return { expression: exportName, edits: [{ range: [lastImport.range[1], lastImport.range[1]], text: `\nimport { ${exportName} } from '${specifier}';` }] };
  // No import declarations: modules loaded here come from require(), and plain .js is read as CommonJS.
  const isCommonJs = context.file.importedModules.size > 0 || /\.(?:c[jt]s|jsx?)$/.test(context.file.path);
  const first = program.body.find((statement) => !(statement.type === 'ExpressionStatement' && statement.directive !== undefined)) ?? program.body[0];
  if (first === undefined) return null;
  const line = !isCommonJs ? `import { ${exportName} } from '${specifier}';\n` : `const { ${exportName} } = require('${specifier}');\n`;
  return { expression: exportName, edits: [{ range: [first.range[0], first.range[0]], text: line }] };
}

function existingBinding(context: RuleContext, statement: TSESTree.ProgramStatement, modules: readonly string[], exportName: string): string | null {
  if (statement.type === 'ImportDeclaration') {
    if (!modules.includes(statement.source.value) || statement.importKind === 'type') return null;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported === exportName && specifier.importKind !== 'type') return specifier.local.name;
      } else {
        return `${specifier.local.name}.${exportName}`;
      }
    }
    return null;
  }
  if (statement.type !== 'VariableDeclaration') return null;
  for (const declarator of statement.declarations) {
    const init = declarator.init === null ? null : unwrapExpression(declarator.init);
    if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require' || !context.scope.isGlobalReference(init.callee)) continue;
    const argument = init.arguments[0];
    if (argument?.type !== 'Literal' || typeof argument.value !== 'string' || !modules.includes(argument.value)) continue;
    if (declarator.id.type === 'Identifier') return `${declarator.id.name}.${exportName}`;
    if (declarator.id.type !== 'ObjectPattern') continue;
    for (const property of declarator.id.properties) {
      if (property.type === 'Property' && staticPropertyName(property) === exportName && property.value.type === 'Identifier') return property.value.name;
    }
  }
  return null;
}
