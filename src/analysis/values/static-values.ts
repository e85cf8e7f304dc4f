/**
 * Constant folding (after ESLint's getStaticValue): the values an expression can take when they are known
 * from the source. `cond ? 'ASC' : 'DESC'` folds to two values; `req.query.sort` to none (null).
 * Identifiers are followed only when bound once; object spreads are merged; a member of an object literal is
 * read without folding the rest of the object (`config.rsa.bits` beside a method); imports of project modules
 * (`import { KEY_BITS } from './config'`, `require('./config').bits`, `import * as config`) are followed
 * into the exporting file through the host's linker. Every chase is bounded.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { staticPropertyName, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import { isReassigned } from '../scope/scope-facts.js';
import { binary, unary, UNKNOWN } from './value-operators.js';

const MAX_DEPTH = 16;
const MAX_VALUES = 16;

export type StaticPrimitive = string | number | boolean | null | undefined | bigint;

/** An expression and the folding of the file it is in: a value may be spelled in another module. */
export interface ValuePlace {
  readonly node: TSESTree.Node;
  readonly values: StaticValues;
}

/**
 * Where export `name` (`default`, or `*` for the module object) of the project module `specifier` is spelled,
 * or null when the module is not in the project or does not export a known expression under that name.
 */
export type ImportedPlaces = (specifier: string, name: string) => ValuePlace | null;

/** What an options object holds under one property: absent, unknown, or spelled at a place. */
export type PropertyPlace = { readonly kind: 'absent' } | { readonly kind: 'unknown' } | { readonly kind: 'found'; readonly place: ValuePlace };

export class StaticValues {
  private readonly memo = new WeakMap<TSESTree.Node, readonly unknown[] | null>();

  private readonly scope: ScopeFacts;
  private readonly imported: ImportedPlaces | null;

  constructor(scope: ScopeFacts, imported: ImportedPlaces | null = null) {
    this.scope = scope;
    this.imported = imported;
  }

  /** The single value of a constant expression, or null (not `{ value: null }`) when unknown or several. */
  valueOf(node: TSESTree.Node): { readonly value: unknown } | null {
    const values = this.possibleValues(node);
    return values !== null && values.length === 1 ? { value: values[0] } : null;
  }

  stringOf(node: TSESTree.Node): string | null {
    const found = this.valueOf(node);
    return found !== null && typeof found.value === 'string' ? found.value : null;
  }

  /** True when every value the expression can take is known from the source: a closed set of constants. */
  isConstant(node: TSESTree.Node): boolean {
    return this.possibleValues(node) !== null;
  }

  /** Every value the expression can take, or null when any is unknown. */
  possibleValues(node: TSESTree.Node, depth = 0): readonly unknown[] | null {
    if (depth > MAX_DEPTH) return null;
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    this.memo.set(node, null); // a cycle reads as unknown
    const values = this.compute(unwrapExpression(node), depth + 1);
    const bounded = values !== null && values.length <= MAX_VALUES ? values : null;
    this.memo.set(node, bounded);
    return bounded;
  }

  private compute(node: TSESTree.Node, depth: number): readonly unknown[] | null {
    switch (node.type) {
      case 'Literal':
        return 'regex' in node && node.regex !== undefined ? null : [node.value];
      case 'TemplateLiteral':
        return this.template(node, depth);
      case 'BinaryExpression':
        return this.binary(node, depth);
      case 'UnaryExpression': {
        const operand = this.possibleValues(node.argument, depth);
        if (operand === null) return null;
        return operand.map((value) => unary(node.operator, value));
      }
      case 'ConditionalExpression': {
        const whenTrue = this.possibleValues(node.consequent, depth);
        const whenFalse = this.possibleValues(node.alternate, depth);
        return whenTrue !== null && whenFalse !== null ? [...new Set([...whenTrue, ...whenFalse])] : null;
      }
      case 'LogicalExpression': {
        const left = this.possibleValues(node.left, depth);
        const right = this.possibleValues(node.right, depth);
        return left !== null && right !== null ? [...new Set([...left, ...right])] : null;
      }
      case 'Identifier':
        return this.identifier(node, depth);
      case 'MemberExpression':
        return this.member(node, depth);
      case 'ArrayExpression': {
        const items: unknown[] = [];
        for (const element of node.elements) {
          if (element === null || element.type === 'SpreadElement') return null;
          const value = this.valueOf(element);
          if (value === null) return null;
          items.push(value.value);
        }
        return [items];
      }
      case 'ObjectExpression': {
        const object: Record<string, unknown> = {};
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') {
            const spread = this.valueOf(property.argument);
            if (spread === null || typeof spread.value !== 'object' || spread.value === null || Array.isArray(spread.value)) return null;
            Object.assign(object, spread.value);
            continue;
          }
          if (property.kind !== 'init') return null;
          const key = staticPropertyName(property);
          const value = key === null ? null : this.valueOf(property.value);
          if (key === null || value === null) return null;
          object[key] = value.value;
        }
        return [object];
      }
      case 'CallExpression':
        return this.call(node, depth);
      default:
        return null;
    }
  }

  private template(node: TSESTree.TemplateLiteral, depth: number): readonly unknown[] | null {
    let results: string[] = [node.quasis[0]?.value.cooked ?? ''];
    for (let index = 0; index < node.expressions.length; index += 1) {
      const expression = node.expressions[index];
      const values = expression === undefined ? null : this.possibleValues(expression, depth);
      if (values === null) return null;
      const tail = node.quasis[index + 1]?.value.cooked ?? '';
      const next: string[] = [];
      for (const prefix of results) for (const value of values) next.push(prefix + String(value) + tail);
      if (next.length > MAX_VALUES) return null;
      results = next;
    }
    return results;
  }

  private binary(node: TSESTree.BinaryExpression, depth: number): readonly unknown[] | null {
    if (node.left.type === 'PrivateIdentifier') return null;
    const left = this.possibleValues(node.left, depth);
    const right = left === null ? null : this.possibleValues(node.right, depth);
    if (left === null || right === null || left.length * right.length > MAX_VALUES) return null;
    const results: unknown[] = [];
    for (const a of left) {
      for (const b of right) {
        const value = binary(node.operator, a, b);
        if (value === UNKNOWN) return null;
        results.push(value);
      }
    }
    return results;
  }

  private identifier(node: TSESTree.Identifier, depth: number): readonly unknown[] | null {
    if (node.name === 'undefined' && this.scope.isGlobalReference(node)) return [undefined];
    const place = this.bindingPlace(node, depth);
    return place === null ? null : place.values.possibleValues(place.node, depth);
  }

  /**
   * Where the value of a `const`-like binding is spelled: its initializer, the property a destructuring
   * pattern takes (`const { bits } = config`), or the export an import names. Null for anything else.
   */
  private bindingPlace(node: TSESTree.Identifier, depth: number): ValuePlace | null {
    const variable = this.scope.variableOf(node);
    if (variable === null || variable.defs.length !== 1 || depth > MAX_DEPTH) return null;
    const definition = variable.defs[0];
    if (definition?.type === 'ImportBinding') return this.importPlace(definition.node);
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
    const declarator = definition.node;
    if (declarator.init === null) return null;
    if (isReassigned(variable)) return null;
    if (declarator.id === definition.name) return { node: declarator.init, values: this };
    if (declarator.id.type !== 'ObjectPattern') return null;
    // `const { bits } = config` (or `= require('./config')`): the property the binding takes, without a default.
    const taken = declarator.id.properties.find((property) => property.type === 'Property' && property.value === definition.name);
    const key = taken?.type === 'Property' ? staticPropertyName(taken) : null;
    if (key === null) return null;
    const found = this.propertyPlace(declarator.init, key, depth + 1);
    return found.kind === 'found' ? found.place : null;
  }

  private importPlace(specifier: TSESTree.Node): ValuePlace | null {
    const declaration = specifier.parent;
    if (this.imported === null || declaration?.type !== 'ImportDeclaration' || declaration.importKind === 'type') return null;
    switch (specifier.type) {
      case 'ImportSpecifier':
        if (specifier.importKind === 'type') return null;
        return this.imported(declaration.source.value, specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value);
      case 'ImportDefaultSpecifier':
        return this.imported(declaration.source.value, 'default');
      default:
        return null; // a namespace object is read member by member (propertyPlace)
    }
  }

  /** The project module an expression is the module object of: `import * as config`, `require('./config')`. */
  private moduleObject(node: TSESTree.Node): string | null {
    const value = unwrapExpression(node);
    if (value.type === 'CallExpression') {
      const callee = value.callee;
      const argument = value.arguments[0];
      const isRequire = callee.type === 'Identifier' && callee.name === 'require' && this.scope.isGlobalReference(callee);
      return isRequire && argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
    }
    if (value.type !== 'Identifier') return null;
    const definition = this.scope.variableOf(value)?.defs[0];
    if (definition?.type === 'ImportBinding' && definition.node.type === 'ImportNamespaceSpecifier' && definition.node.parent.type === 'ImportDeclaration') {
      return definition.node.parent.source.value;
    }
    if (definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name && definition.node.init !== null) {
      return unwrapExpression(definition.node.init).type === 'CallExpression' ? this.moduleObject(definition.node.init) : null;
    }
    return null;
  }

  /**
   * Where property `name` of the object `node` evaluates to is spelled: in an object literal reached through
   * `const` bindings, members and imports, the last definition wins and a spread is looked into; a module
   * object's property is its export. Unknown when a spread or the object itself cannot be read.
   */
  propertyPlace(node: TSESTree.Node, name: string, depth = 0): PropertyPlace {
    if (depth > MAX_DEPTH) return { kind: 'unknown' };
    const value = unwrapExpression(node);
    const module = this.imported === null ? null : this.moduleObject(value);
    if (module !== null) {
      const place = this.imported?.(module, name) ?? null;
      return place === null ? { kind: 'unknown' } : { kind: 'found', place };
    }
    const field = value.type === 'Identifier' ? this.staticReadonlyField(value, name) : null;
    if (field !== null) return { kind: 'found', place: { node: field, values: this } };
    const object = this.placeOf(value, depth + 1);
    if (object === null) return { kind: 'unknown' };
    if (object.values !== this) return object.values.propertyPlace(object.node, name, depth + 1);
    const literal = unwrapExpression(object.node);
    if (literal.type !== 'ObjectExpression') return { kind: 'unknown' };
    for (let index = literal.properties.length - 1; index >= 0; index -= 1) {
      const property = literal.properties[index];
      if (property === undefined) continue;
      if (property.type === 'SpreadElement') {
        const spread = this.propertyPlace(property.argument, name, depth + 1);
        if (spread.kind !== 'absent') return spread;
        continue;
      }
      const key = staticPropertyName(property);
      if (key === null) return { kind: 'unknown' };
      if (key === name) return property.kind === 'init' ? { kind: 'found', place: { node: property.value, values: this } } : { kind: 'unknown' };
    }
    return { kind: 'absent' };
  }

  /** The expression `node` stands for, followed through `const` bindings, imports and literal members. */
  placeOf(node: TSESTree.Node, depth = 0): ValuePlace | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrapExpression(node);
    if (value.type === 'Identifier') {
      const place = this.bindingPlace(value, depth + 1);
      return place === null ? null : place.values.placeOf(place.node, depth + 1);
    }
    if (value.type === 'MemberExpression') {
      const key = value.computed ? this.valueOf(value.property) : { value: staticPropertyName(value) };
      if (key === null || typeof key.value !== 'string') return null;
      const found = this.propertyPlace(value.object, key.value, depth + 1);
      return found.kind === 'found' ? found.place.values.placeOf(found.place.node, depth + 1) : null;
    }
    return { node: value, values: this };
  }

  /** `Headers.HSTS` where the class declares `static readonly HSTS = '...'`: a constant no code can reassign. */
  private staticReadonlyField(node: TSESTree.Identifier, name: string): TSESTree.Expression | null {
    const definition = this.scope.variableOf(node)?.defs[0];
    if (definition?.type !== 'ClassName') return null;
    const classNode = definition.node;
    if (classNode.type !== 'ClassDeclaration' && classNode.type !== 'ClassExpression') return null;
    for (const member of classNode.body.body) {
      if (member.type === 'PropertyDefinition' && member.static && member.readonly && !member.computed && member.value !== null && staticPropertyName(member) === name) return member.value;
    }
    return null;
  }

  private member(node: TSESTree.MemberExpression, depth: number): readonly unknown[] | null {
    const literalKey = node.computed ? this.valueOf(node.property) : { value: staticPropertyName(node) };
    if (literalKey !== null && typeof literalKey.value === 'string') {
      const found = this.propertyPlace(node.object, literalKey.value, depth);
      if (found.kind === 'found') return found.place.values.possibleValues(found.place.node, depth);
    }
    const objects = this.possibleValues(node.object, depth);
    if (objects === null || objects.length !== 1) return null;
    const object = objects[0];
    const key = node.computed ? this.valueOf(node.property) : { value: staticPropertyName(node) };
    if (key === null || key.value === null) return null;
    if (typeof object === 'string' && key.value === 'length') return [object.length];
    if (typeof object !== 'object' || object === null) return null;
    const name = String(key.value);
    if (!Object.prototype.hasOwnProperty.call(object, name)) return null;
    return [(object as Record<string, unknown>)[name]];
  }

  private call(node: TSESTree.CallExpression, depth: number): readonly unknown[] | null {
    const callee = node.callee;
    if (callee.type === 'Identifier' && callee.name === 'String' && this.scope.isGlobalReference(callee)) {
      const argument = node.arguments[0];
      const values = argument === undefined ? [''] : this.possibleValues(argument, depth);
      return values === null ? null : values.map((value) => String(value));
    }
    if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'join') {
      const arrays = this.possibleValues(callee.object, depth);
      const separator = node.arguments[0] === undefined ? ',' : this.stringOf(node.arguments[0]);
      if (arrays === null || arrays.length !== 1 || separator === null || !Array.isArray(arrays[0])) return null;
      return [(arrays[0] as unknown[]).join(separator)];
    }
    return null;
  }
}
