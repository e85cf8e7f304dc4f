/**
 * One app, router or plugin scope and the events registered on it, computed on first request. An instance is
 * reached through its binding: a variable (`const app = express()`), a class field (`this.app`), a plugin's
 * scope parameter, or, when unbound, the creation expression itself (`export default new Hono()`).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { VariableLike } from '../scope/scope-types.js';
import type { HttpFrameworkShape } from '../../models/frameworks/http-shape.js';
import { collectContainerEvents } from './container-events.js';
import type { HttpAppFacts } from './http-app-facts.js';
import type { ClassNode, ContainerEvent } from './http-types.js';
import { enclosingFrame } from './syntax.js';

export type ContainerBinding =
  | { readonly kind: 'variable'; readonly variable: VariableLike; readonly exported: boolean }
  | { readonly kind: 'field'; readonly owner: ClassNode; readonly name: string }
  | { readonly kind: 'expression' };

export class HttpContainer {
  readonly id: number;
  readonly shape: HttpFrameworkShape;
  readonly facts: HttpAppFacts;
  /** The creation call, or the plugin function of a plugin scope. */
  readonly origin: TSESTree.Node;
  readonly role: 'app' | 'router' | 'plugin-scope';
  readonly binding: ContainerBinding;

  private cached: readonly ContainerEvent[] | null = null;
  private computing = false;

  constructor(id: number, shape: HttpFrameworkShape, facts: HttpAppFacts, origin: TSESTree.Node, role: HttpContainer['role'], binding: ContainerBinding) {
    this.id = id;
    this.shape = shape;
    this.facts = facts;
    this.origin = origin;
    this.role = role;
    this.binding = binding;
  }

  /** Events in source order. A container reached again while its own events are being computed (an import cycle) reads as opaque. */
  events(): readonly ContainerEvent[] {
    if (this.cached !== null) return this.cached;
    if (this.computing) {
      return [{ kind: 'opaque', reason: 'unknown-function', node: this.origin, site: this.origin, facts: this.facts, order: { frame: enclosingFrame(this.origin), at: [0] } }];
    }
    this.computing = true;
    try {
      this.cached = collectContainerEvents(this);
    } finally {
      this.computing = false;
    }
    return this.cached;
  }

  /** It listens, is handed to a server, or (where that is how the framework serves) is exported. */
  serves(): boolean {
    return this.events().some((event) => event.kind === 'listen' || event.kind === 'serve' || (event.kind === 'export' && this.shape.exportServes));
  }

  /** Another module may take it over: exported, returned, or stored where the analysis does not follow. */
  escapes(): boolean {
    return this.events().some((event) => event.kind === 'export' || (event.kind === 'opaque' && event.reason !== 'unknown-function'));
  }

  /** `Express app`, `Koa router`, for messages. */
  describe(): string {
    return `${this.shape.framework} ${this.role === 'plugin-scope' ? 'plugin' : this.role}`;
  }
}
