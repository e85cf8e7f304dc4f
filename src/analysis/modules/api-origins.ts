/**
 * Resolves an expression to the library value it holds (an ApiReference), following imports and requires
 * (default, named, namespace, destructured), `new`, factory calls, `await`, assignments that all agree, TS type
 * annotations on parameters and class fields, injection decorators, `this.x` fields set in the class, callback
 * and promise results, and (through the project's functions) what factories return and what every caller
 * passes a parameter. Unknown stays unknown (null): a rule never guesses a library from a method name.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingClassOfThis, findProperty, staticPropertyName, stringLiteralValue, unwrapExpression } from '../node-shapes.js';
import type { ScopeFacts } from '../scope/scope-facts.js';
import type { VariableLike } from '../scope/scope-types.js';
import { CALL, extendReference, isProjectSpecifier, sameReference, type ApiReference } from './api-reference.js';
import { injectedReference, parameterOrigin, reassignedReference, type OriginServices } from './binding-origins.js';
import { isReassigned } from '../scope/scope-facts.js';
import { indexThisMembers, type ClassNode, type ThisMemberSource } from './class-members.js';
import { cutsSoFar, recordCut } from '../taint/bounds.js';

/**
 * Resolves `import { name } from './relative'` to what that module exports, so a pool created in `db.ts` is
 * known in the file that imports it. Both hosts provide one; the analysis never reads files itself.
 */
export interface ModuleLinker {
  /** The absolute path a relative specifier names, or null when no such file is in the project. */
  resolve(fromFile: string, specifier: string): string | null;
  /**
   * What `exportName` of that module holds. For `*` (the module object) this is the value of
   * `module.exports = x`, or else a local-module reference whose members are its exports.
   */
  exportedReference(modulePath: string, exportName: string, depth: number): ApiReference | null;
}

/** A project file's module object: `{ module: 'local:/abs/db.ts', steps: [] }`; a member of it is an export. */
export const LOCAL_MODULE_PREFIX = 'local:';

/** Chasing a value through bindings stops here, as oxc's MAX_STATIC_IDENTIFIER_DEPTH does. */
export const MAX_RESOLUTION_DEPTH = 16;

const IN_PROGRESS = Symbol('in-progress');

export class ApiOrigins {
  private readonly memo = new WeakMap<TSESTree.Node, ApiReference | null | typeof IN_PROGRESS>();
  /** `this.<name>` sources per class, indexed on first ask. */
  private readonly classMembers = new WeakMap<ClassNode, ReadonlyMap<string, readonly ThisMemberSource[]>>();

  readonly scope: ScopeFacts;
  private readonly filePath: string;
  private readonly linker: ModuleLinker | null;
  /** What project functions return and receive; null where no project is linked (unit tests of this class). */
  readonly services: OriginServices | null;

  constructor(scope: ScopeFacts, filePath: string, linker: ModuleLinker | null, services: OriginServices | null = null) {
    this.scope = scope;
    this.filePath = filePath;
    this.linker = linker;
    this.services = services;
  }

  /** The library value `node` evaluates to, or null when it is not (provably) one. */
  referenceOf(node: TSESTree.Node, depth = 0): ApiReference | null {
    if (depth > MAX_RESOLUTION_DEPTH) {
      recordCut();
      return null;
    }
    const cached = this.memo.get(node);
    if (cached === IN_PROGRESS) {
      recordCut();
      return null;
    }
    if (cached !== undefined) return cached;
    this.memo.set(node, IN_PROGRESS);
    const cutsBefore = cutsSoFar();
    const result = this.compute(node, depth + 1);
    // An answer cut short by the depth bound or a cycle is not the node's answer: a shallower question later
    // (the rule's own, at the call) must compute it again rather than read a null left by a deep chain.
    if (result !== null || cutsSoFar() === cutsBefore) this.memo.set(node, result);
    else this.memo.delete(node);
    return result;
  }

  /** Module specifier of `require('x')` when `require` is the real global, else null. */
  requiredModule(call: TSESTree.CallExpression): string | null {
    const callee = call.callee;
    if (callee.type !== 'Identifier' || callee.name !== 'require') return null;
    if (!this.scope.isGlobalReference(callee)) return null;
    return stringLiteralValue(call.arguments[0]);
  }

  private compute(node: TSESTree.Node, depth: number): ApiReference | null {
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case 'AwaitExpression':
        return this.referenceOf(expression.argument, depth);
      case 'Identifier':
        return this.identifierReference(expression, depth);
      case 'MemberExpression': {
        const name = staticPropertyName(expression);
        if (name === null) return null;
        if (expression.object.type === 'ThisExpression') return this.thisMemberReference(expression, name, depth);
        const object = unwrapExpression(expression.object);
        if (object.type === 'Identifier') {
          const held = this.objectPropertyValue(object, name);
          if (held !== null) return this.referenceOf(held, depth);
        }
        return this.member(this.referenceOf(expression.object, depth), name, depth);
      }
      case 'CallExpression': {
        const required = this.requiredModule(expression);
        if (required !== null) return this.moduleRoot(required, depth);
        const called = extendReference(this.referenceOf(expression.callee, depth), CALL);
        return called ?? this.services?.returnedBy(expression, depth) ?? null;
      }
      case 'NewExpression':
        return extendReference(this.referenceOf(expression.callee, depth), CALL);
      case 'ClassExpression':
        return this.superclassReference(expression, depth);
      case 'ImportExpression': {
        const specifier = stringLiteralValue(expression.source);
        return specifier === null ? null : this.moduleRoot(specifier, depth);
      }
      default:
        return null;
    }
  }

  /** A member of a value; a member of a project module's object is that module's export. */
  private member(reference: ApiReference | null, name: string, depth: number): ApiReference | null {
    if (reference !== null && reference.steps.length === 0 && reference.module.startsWith(LOCAL_MODULE_PREFIX)) {
      return this.linker?.exportedReference(reference.module.slice(LOCAL_MODULE_PREFIX.length), name, depth) ?? null;
    }
    // `import * as axios from 'axios'; axios.default.get(...)`: a CommonJS package's `default` (under ESM interop) is
    // its module object, as a default import of it is (see `imported`).
    if (reference !== null && reference.steps.length === 0 && name === 'default') return reference;
    return extendReference(reference, name);
  }

  private linked(specifier: string, exportName: string, depth: number): ApiReference | null {
    if (this.linker === null) return null;
    const target = this.linker.resolve(this.filePath, specifier);
    return target === null ? null : this.linker.exportedReference(target, exportName, depth);
  }

  private moduleRoot(specifier: string, depth: number): ApiReference | null {
    if (isProjectSpecifier(specifier)) return this.linked(specifier, '*', depth);
    return { module: specifier, steps: [] };
  }

  private imported(specifier: string, exportName: string, depth: number): ApiReference | null {
    if (isProjectSpecifier(specifier)) return this.linked(specifier, exportName, depth);
    // A default import of a CommonJS module is its module object, so `import pg from 'pg'` is the root.
    if (exportName === 'default' || exportName === '*') return { module: specifier, steps: [] };
    return { module: specifier, steps: [exportName] };
  }

  /**
   * For a variable bound once to an object literal (`const db = {}` or `{ pool }`): what property `name` holds,
   * from the literal or from the one `db.name = value` assignment in the file (the CommonJS models/index.js
   * pattern: `db.sequelize = new Sequelize(...)`; `module.exports = db`). Null when absent or assigned twice.
   */
  objectPropertyValue(identifier: TSESTree.Identifier, name: string): TSESTree.Node | null {
    const variable = this.scope.variableOf(identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (variable === null || definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
    const init = definition.node.init === null ? null : unwrapExpression(definition.node.init);
    if (init?.type !== 'ObjectExpression' || isReassigned(variable)) return null;
    const values: TSESTree.Node[] = [];
    const property = findProperty(init, name);
    if (property !== null) values.push(property.value);
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || staticPropertyName(member) !== name) continue;
      const assignment = member.parent;
      if (assignment?.type === 'AssignmentExpression' && assignment.left === member && assignment.operator === '=') values.push(assignment.right);
    }
    return values.length === 1 ? (values[0] ?? null) : null;
  }

  private identifierReference(identifier: TSESTree.Identifier, depth: number): ApiReference | null {
    const variable = this.scope.variableOf(identifier);
    if (variable === null) return null;
    return this.variableReference(variable, depth);
  }

  /** What a variable holds, when it is bound once (imports, consts, single-assignment lets, typed parameters). */
  variableReference(variable: VariableLike, depth: number): ApiReference | null {
    if (variable.defs.length > 1) return this.redeclaredReference(variable, depth);
    if (variable.defs.length !== 1) return null;
    const definition = variable.defs[0];
    if (definition === undefined) return null;
    switch (definition.type) {
      case 'ImportBinding':
        return this.importBindingReference(definition.node, depth);
      case 'Variable': {
        const declarator = definition.node;
        if (declarator.type !== 'VariableDeclarator') return null;
        if (isReassigned(variable)) {
          const laterWrites = variable.references.filter((reference) => reference.isWrite() && reference.init !== true);
          return reassignedReference(this, declarator, definition.name, laterWrites, depth) ?? this.annotatedReference(definition.name, depth);
        }
        if (declarator.init === null) return this.annotatedReference(definition.name, depth);
        const fromInit = this.patternReference(declarator.id, definition.name, declarator.init, depth);
        return fromInit ?? this.annotatedReference(definition.name, depth);
      }
      case 'Parameter':
        return this.annotatedReference(definition.name, depth) ?? parameterOrigin(this, definition.node, definition.name, depth);
      case 'ClassName':
        return this.superclassReference(definition.node, depth);
      default:
        return null;
    }
  }

  /**
   * `class User extends Model {}`: a project class extending a library class is that class to the models, so
   * `User.query()` is objection's `Model.query()` and `new User()` an instance of `Model`.
   */
  private superclassReference(node: TSESTree.Node, depth: number): ApiReference | null {
    if ((node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || node.superClass === null) return null;
    return this.referenceOf(node.superClass, depth);
  }

  /**
   * `var` declared in each branch (`if (url) { var db = new Sequelize(url) } else { var db = new Sequelize(opts) }`,
   * the Sequelize CLI's models/index.js): one library value when every declaration initialises the same one.
   */
  private redeclaredReference(variable: VariableLike, depth: number): ApiReference | null {
    if (isReassigned(variable)) return null;
    let agreed: ApiReference | null = null;
    for (const definition of variable.defs) {
      const declarator = definition.node;
      if (definition.type !== 'Variable' || declarator.type !== 'VariableDeclarator' || declarator.id !== definition.name || declarator.init === null) return null;
      const reference = this.referenceOf(declarator.init, depth);
      if (reference === null) return null;
      if (agreed !== null && !sameReference(agreed, reference)) return null;
      agreed = reference;
    }
    return agreed;
  }

  private importBindingReference(node: TSESTree.Node, depth: number): ApiReference | null {
    if (node.type === 'TSImportEqualsDeclaration') {
      const reference = node.moduleReference;
      if (reference.type !== 'TSExternalModuleReference') return null;
      const specifier = stringLiteralValue(reference.expression);
      return specifier === null ? null : this.moduleRoot(specifier, depth);
    }
    const declaration = node.parent;
    if (declaration?.type !== 'ImportDeclaration') return null;
    const specifier = declaration.source.value;
    switch (node.type) {
      case 'ImportDefaultSpecifier':
        return this.imported(specifier, 'default', depth);
      case 'ImportNamespaceSpecifier':
        return this.imported(specifier, '*', depth);
      case 'ImportSpecifier': {
        const imported = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
        return this.imported(specifier, imported, depth);
      }
      default:
        return null;
    }
  }

  /** `const { Pool: P } = require('pg')` binds P to pg.Pool: walk the pattern from its root to the identifier. */
  private patternReference(pattern: TSESTree.Node, target: TSESTree.Node, init: TSESTree.Expression, depth: number): ApiReference | null {
    const path = propertyPathTo(pattern, target);
    if (path === null) return null;
    let reference = this.referenceOf(init, depth);
    for (const step of path) reference = this.member(reference, step, depth);
    return reference;
  }

  /**
   * `pool: Pool` or `repo: Repository<User>`: an instance of the annotated library class; or what an injection
   * decorator on the parameter or property provides (`@InjectRepository(User) repo`), which says it even untyped.
   */
  annotatedReference(name: TSESTree.Node, depth: number): ApiReference | null {
    const injected = injectedReference(this, name, depth);
    if (injected !== null) return injected;
    if (name.type !== 'Identifier' || name.typeAnnotation === undefined) return null;
    return this.typeReference(name.typeAnnotation.typeAnnotation, depth);
  }

  typeReference(type: TSESTree.TypeNode, depth: number): ApiReference | null {
    if (type.type === 'TSUnionType') {
      const meaningful = type.types.filter((member) => member.type !== 'TSNullKeyword' && member.type !== 'TSUndefinedKeyword');
      const only = meaningful.length === 1 ? meaningful[0] : undefined;
      return only === undefined ? null : this.typeReference(only, depth);
    }
    if (type.type !== 'TSTypeReference') return null;
    return extendReference(this.typeNameReference(type.typeName, depth), CALL);
  }

  private typeNameReference(name: TSESTree.EntityName, depth: number): ApiReference | null {
    if (name.type === 'Identifier') return this.identifierReference(name, depth);
    if (name.type === 'TSQualifiedName') return extendReference(this.typeNameReference(name.left, depth), name.right.name);
    return null;
  }

  /** `this.pool`: a class field's initializer or type, a constructor parameter property, or one `this.pool = ...`. */
  private thisMemberReference(member: TSESTree.MemberExpression, name: string, depth: number): ApiReference | null {
    const owner = enclosingClassOfThis(member);
    if (owner === null) return null;
    let members = this.classMembers.get(owner);
    if (members === undefined) {
      members = indexThisMembers(owner);
      this.classMembers.set(owner, members);
    }
    const sources = members.get(name) ?? [];
    if (sources.length !== 1 || sources[0] === undefined) return null;
    const source = sources[0];
    if (source.kind === 'parameter-property') return this.annotatedReference(source.parameter, depth);
    if (source.kind === 'constructor-assignment') return this.referenceOf(source.value, depth);
    const field = source.field;
    const found = field.value !== null ? this.referenceOf(field.value, depth) : injectedReference(this, field, depth);
    if (found === null && field.typeAnnotation !== undefined) return this.typeReference(field.typeAnnotation.typeAnnotation, depth);
    return found;
  }
}

/** Property names from a destructuring pattern's root down to `target`; null through arrays or computed keys. */
function propertyPathTo(pattern: TSESTree.Node, target: TSESTree.Node): string[] | null {
  if (pattern === target) return [];
  switch (pattern.type) {
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const rest = propertyPathTo(property.value, target);
        if (rest === null) continue;
        const key = staticPropertyName(property);
        return key === null ? null : [key, ...rest];
      }
      return null;
    case 'AssignmentPattern':
      return propertyPathTo(pattern.left, target);
    default:
      return null;
  }
}
