/**
 * What a template scanner reports about one view file, read as data (a template is never compiled or run):
 * the places it writes a value into the page that escaping does not make safe, each with the path of the
 * render locals it reads (`output.searchTerm`, `items.*.name` inside a loop), and the other views it pulls in
 * (`include`, `extends`) with the locals they see.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { SourceText } from '../../engine/source-text.js';
import type { TemplateLanguage } from '../../models/concepts.js';
import type { ScopeFacts } from '../scope/scope-facts.js';

/**
 * `html`: written without HTML escaping (`<%- x %>`, `!{x}`, `{{{x}}}`, `{{ x | safe }}`): markup in the value
 * becomes markup in the page. `url-attribute`: escaped, but the whole value of a URL attribute (`href="<%= x %>"`):
 * escaping leaves `javascript:alert(1)` intact, and the browser runs it on click.
 */
export type OutputContext = 'html' | 'url-attribute';

/** Any element of an array or any property of an object, where a template indexes by a loop variable. */
export const ANY_MEMBER = '*';

export interface TemplateOutput {
  /** The expression read, as offsets into the view's text. */
  readonly range: readonly [number, number];
  /** The locals member path it reads, root first: `['output', 'searchTerm']`. */
  readonly path: readonly string[];
  readonly context: OutputContext;
  /** The output form, for messages: `<%- %>`, `!{}`, `{{{ }}}`, `| safe`. */
  readonly tag: string;
}

export interface TemplateInclude {
  /** The name as written (`partials/header`), resolved relative to the including view or the views folders. */
  readonly name: string;
  /** Local names the include rebinds (`include('row', { item })`), so the included view's `item` is not the caller's; null: all of them. */
  readonly rebinds: ReadonlySet<string> | null;
}

export interface TemplateScan {
  readonly outputs: readonly TemplateOutput[];
  readonly includes: readonly TemplateInclude[];
}

/** A template that cannot be read as its language: reported as a problem for the view, which stays quiet. */
export interface TemplateSyntaxError {
  readonly offset: number;
  readonly message: string;
}

export type TemplateScanResult = { readonly ok: true; readonly scan: TemplateScan } | { readonly ok: false; readonly error: TemplateSyntaxError };

/** JavaScript embedded in a template, parsed (as a script) with parents set, and its scopes. */
export interface ParsedScript {
  readonly ast: TSESTree.Program;
  readonly scope: ScopeFacts;
}

/** Parses template code as data; the host's file parser behind it (analysis does not parse files itself). */
export type ScriptParser = (code: string) => { readonly ok: true; readonly value: ParsedScript } | { readonly ok: false; readonly error: TemplateSyntaxError };

/** Options a view engine applies to every template it renders (nunjucks `configure(dir, { autoescape })`). */
export interface TemplateOptions {
  /** False when the engine escapes nothing unless asked (nunjucks `autoescape: false`). */
  readonly autoescape: boolean;
}

const URL_ATTRIBUTES = /(?:^|[\s"'/])(?:href|src|action|formaction|xlink:href|poster|background|cite)\s*=\s*["']?$/i;

/**
 * True when an escaped output starting at `offset` is the whole start of a URL attribute's value
 * (`<a href="<%= x %>">`): nothing in front of it could pin the scheme.
 */
export function startsUrlAttribute(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 120), offset);
  const tagStart = before.lastIndexOf('<');
  if (tagStart < 0 || before.lastIndexOf('>') > tagStart) return false;
  return URL_ATTRIBUTES.test(before.slice(tagStart));
}

/** A view file read by the host. */
export interface ViewFile {
  /** As reported: relative to the run's working directory. */
  readonly path: string;
  readonly absolutePath: string;
  readonly source: SourceText;
  readonly language: TemplateLanguage;
}

export interface RenderedView {
  readonly file: ViewFile;
  /** Outputs that read the render's locals (an include's rebound names removed). */
  readonly outputs: readonly TemplateOutput[];
}

/** The project's views as a host provides them (engine/view-catalog.ts). */
export interface ViewCatalogLike {
  /** The view `name` rendered from `from`, and every view it includes. */
  viewsRendered(from: FileContext, name: string): readonly RenderedView[];
}
