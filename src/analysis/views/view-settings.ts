/**
 * The view settings one file makes: `app.set('views', folders)`, `app.set('view engine', ext)`,
 * `app.engine(ext, fn)` and `nunjucks.configure(folders, { express: app, autoescape })`. The app is the modeled
 * one, or a receiver rampart cannot resolve (an app handed to a setup module): the setting names `views` and
 * `view engine` are Express's own. Values are read with static-paths.ts; an unknown value is no setting.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext } from '../../engine/file-context.js';
import type { TemplateLanguage } from '../../models/concepts.js';
import { findProperty, unwrapExpression } from '../node-shapes.js';
import { staticDirectories } from './static-paths.js';

/** A template environment that renders the app's views itself (nunjucks with `express: app`). */
export interface ViewEnvironment {
  readonly language: TemplateLanguage;
  /** Its folders, or null when the code names them in a way rampart cannot read. */
  readonly directories: readonly string[] | null;
  readonly autoescape: boolean;
}

export interface ViewSettings {
  readonly directories: readonly string[];
  /** The `view engine` setting: the extension added to a name without one. */
  readonly extension: string | null;
  /** `app.engine` registrations, by extension without the dot. */
  readonly engines: ReadonlyMap<string, TemplateLanguage>;
  readonly environments: readonly ViewEnvironment[];
}

export const NO_VIEW_SETTINGS: ViewSettings = { directories: [], extension: null, engines: new Map(), environments: [] };

export function readViewSettings(file: FileContext, workingDirectory: string): ViewSettings {
  const directories: string[] = [];
  let extension: string | null = null;
  const engines = new Map<string, TemplateLanguage>();
  const environments: ViewEnvironment[] = [];
  for (const call of file.taint.callsNamed('set')) {
    if (call.type !== 'CallExpression' || !configuresApp(file, call, 'setting')) continue;
    const [name, value] = call.arguments;
    const setting = name === undefined ? null : file.values.stringOf(name);
    if (value === undefined || value.type === 'SpreadElement') continue;
    if (setting === 'views') directories.push(...(staticDirectories(file, value, workingDirectory) ?? []));
    else if (setting === 'view engine') extension = file.values.stringOf(value)?.replace(/^\./, '') ?? extension;
  }
  for (const call of file.taint.callsNamed('engine')) {
    if (call.type !== 'CallExpression' || !configuresApp(file, call, 'engine')) continue;
    const [name, engine] = call.arguments;
    const ext = name === undefined ? null : file.values.stringOf(name);
    const language = engine === undefined || engine.type === 'SpreadElement' ? null : file.concepts.valueIs(engine, 'view-engine')?.row.language;
    if (ext !== null && language !== undefined && language !== null) engines.set(ext.replace(/^\./, ''), language);
  }
  for (const call of file.taint.callsNamed('configure')) {
    const environment = call.type === 'CallExpression' ? readEnvironment(file, call, workingDirectory) : null;
    if (environment !== null) environments.push(environment);
  }
  return { directories, extension, engines, environments };
}

function configuresApp(file: FileContext, call: TSESTree.CallExpression, form: 'setting' | 'engine'): boolean {
  const match = file.concepts.callTo(call, 'view-config');
  if (match !== null) return match.row.form === form;
  return file.origins.referenceOf(call.callee) === null;
}

function readEnvironment(file: FileContext, call: TSESTree.CallExpression, workingDirectory: string): ViewEnvironment | null {
  const match = file.concepts.callTo(call, 'view-environment');
  if (match === null) return null;
  const options = call.arguments[match.row.options];
  const object = options === undefined ? null : unwrapExpression(options);
  if (object?.type !== 'ObjectExpression' || findProperty(object, match.row.expressOption) === null) return null;
  const autoescape = findProperty(object, match.row.autoescapeOption);
  const folders = call.arguments[match.row.argument];
  return {
    language: match.row.language,
    directories: folders === undefined || folders.type === 'SpreadElement' ? null : staticDirectories(file, folders, workingDirectory),
    autoescape: autoescape === null || file.values.valueOf(autoescape.value)?.value !== false,
  };
}
