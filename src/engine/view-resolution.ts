/**
 * Where Express would find a view (https://expressjs.com/en/5x/api.html#app.render): for each folder of the
 * `views` setting, `<folder>/<name>` with the `view engine` extension added when the name has none, then
 * `<folder>/<name>/index.<ext>`; the first file that exists wins. The default folder, `views` in the project
 * directory (Express's default is the working directory's, where a project is started), comes last: which of
 * a project's apps renders is not known, and an app without a `views` setting uses it. When no `view engine` setting is found, every extension with a known template language is tried.
 * A nunjucks environment configured with the app renders every view itself, from its own folders.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import type { TemplateLanguage } from '../models/concepts.js';
import { VIEW_EXTENSION_LANGUAGES } from '../models/libraries/view-engines.js';
import type { TemplateOptions } from '../analysis/views/template-types.js';
import type { ViewSettings } from '../analysis/views/view-settings.js';

export interface ResolvedView {
  readonly absolutePath: string;
  readonly language: TemplateLanguage;
  readonly options: TemplateOptions;
  /** Folders an include that is not relative to its view is looked up in. */
  readonly folders: readonly string[];
}

const ESCAPING: TemplateOptions = { autoescape: true };

export function resolveView(name: string, settings: ViewSettings, projectDirectory: string): ResolvedView | null {
  const folders = [...new Set([...settings.directories, join(projectDirectory, 'views')])];
  const environment = settings.environments[0];
  if (environment !== undefined) {
    const environmentFolders = environment.directories ?? folders;
    const extensions = extname(name) !== '' ? [''] : settings.extension !== null ? [`.${settings.extension}`] : ['.njk', '.html'];
    const found = firstFile(environmentFolders.flatMap((folder) => extensions.map((extension) => resolve(folder, name + extension))));
    return found === null ? null : { absolutePath: found, language: environment.language, options: { autoescape: environment.autoescape }, folders: environmentFolders };
  }
  const given = extname(name).slice(1);
  const extensions = given !== '' ? [given] : settings.extension !== null ? [settings.extension] : [...new Set([...settings.engines.keys(), ...Object.keys(VIEW_EXTENSION_LANGUAGES)])];
  for (const extension of extensions) {
    const language = settings.engines.get(extension) ?? VIEW_EXTENSION_LANGUAGES[extension];
    if (language === undefined) continue;
    const file = given !== '' ? name : `${name}.${extension}`;
    const candidates = isAbsolute(name) ? [file] : folders.flatMap((folder) => [resolve(folder, file), resolve(folder, name, `index.${extension}`)]);
    const found = firstFile(candidates);
    if (found !== null) return { absolutePath: found, language, options: ESCAPING, folders };
  }
  return null;
}

/** The file an include names, relative to the including view, then in the view folders. */
export function resolveInclude(name: string, from: ResolvedView, directory: string): ResolvedView | null {
  const extension = extname(name) !== '' ? '' : from.language === 'ejs' ? '.ejs' : from.language === 'pug' ? '.pug' : '';
  // nunjucks looks names up in its folders; EJS and Pug relative to the including file.
  const relativeFirst = from.language !== 'nunjucks' || name.startsWith('./') || name.startsWith('../');
  const local = resolve(directory, name + extension);
  const inFolders = from.folders.map((folder) => resolve(folder, name.replace(/^\//, '') + extension));
  const found = firstFile(relativeFirst && !name.startsWith('/') ? [local, ...inFolders] : inFolders);
  return found === null ? null : { ...from, absolutePath: found };
}

function firstFile(candidates: readonly string[]): string | null {
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
