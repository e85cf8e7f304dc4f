/**
 * The views of one project (a run in the CLI, a project root in the editor): finds the file a `render(name)`
 * names from the app's view settings, reads it as data through the discovery rules (ignores, size cap, no
 * symlink out of the root), scans it with its language's scanner, follows its includes, and keeps each scan
 * until the file changes. A view that cannot be read or scanned becomes a problem of the run and stays quiet.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ScopeFacts } from '../analysis/scope/scope-facts.js';
import { scanEjs } from '../analysis/views/ejs-template.js';
import { scanHandlebars } from '../analysis/views/handlebars-template.js';
import { scanNunjucks } from '../analysis/views/nunjucks-template.js';
import { scanPug } from '../analysis/views/pug-template.js';
import type { RenderedView, ScriptParser, TemplateOptions, TemplateScan, TemplateScanResult, ViewCatalogLike, ViewFile } from '../analysis/views/template-types.js';
import { NO_VIEW_SETTINGS, readViewSettings, type ViewSettings } from '../analysis/views/view-settings.js';
import type { TemplateLanguage } from '../models/concepts.js';
import { createIgnoreFilter, discoverFiles, toReportedPath, type DiscoveryOptions } from './discover.js';
import { readCodeFile, type FileLimits } from './file-access.js';
import type { FileContext } from './file-context.js';
import { parseSource } from './parse.js';
import type { ScanProblem } from './problems.js';
import { SourceText } from './source-text.js';
import { traverse } from './traverse.js';
import { resolveInclude, resolveView, type ResolvedView } from './view-resolution.js';

export interface ViewCatalogOptions extends Pick<DiscoveryOptions, 'ignore' | 'maxFileSize'> {
  /** Views and settings files are read only inside this directory (the linker's root). */
  readonly root: string;
  readonly cwd: string;
  /** Loads a project code file (shared with the linker's cache). */
  readonly loadCode: (absolutePath: string) => FileContext | null;
}

/** Views one render may pull in (itself, includes, layouts), and code files searched for settings. */
const MAX_VIEWS_PER_RENDER = 24;
const MAX_SETTINGS_CANDIDATES = 5000;
const MAX_SETTINGS_FILES = 64;
const SETTINGS_HINT = /['"`](?:views|view engine)['"`]|\.engine\s*\(|\.configure\s*\(/;

interface CachedScan {
  readonly mtimeMs: number;
  readonly size: number;
  readonly file: ViewFile;
  readonly scan: TemplateScan | null;
}

interface CachedSettings {
  readonly settings: ViewSettings;
  readonly sources: ReadonlyMap<string, number>;
}

export class ViewCatalog implements ViewCatalogLike {
  private readonly options: ViewCatalogOptions;
  private readonly isIgnored: (absolutePath: string) => boolean;
  private readonly limits: FileLimits;
  /** Problems reading the .gitignore files the views' paths are checked against. */
  private readonly ignoreProblems: ScanProblem[] = [];
  private readonly scans = new Map<string, CachedScan>();
  private readonly settingsByProject = new Map<string, CachedSettings>();
  private readonly projectDirectories = new Map<string, string>();
  private readonly problemsByFile = new Map<string, ScanProblem>();

  constructor(options: ViewCatalogOptions) {
    this.options = options;
    this.isIgnored = createIgnoreFilter(options.root, options, this.ignoreProblems);
    this.limits = { root: realpathSync(options.root), maxFileSize: options.maxFileSize };
  }

  /** Views that could not be read or scanned, one problem per file. */
  get problems(): readonly ScanProblem[] {
    return [...this.ignoreProblems, ...this.problemsByFile.values()];
  }

  /** The view `name` rendered from `from`, and every view it includes, with the outputs that read its locals. */
  viewsRendered(from: FileContext, name: string): readonly RenderedView[] {
    const projectDirectory = this.projectDirectory(dirname(from.absolutePath));
    const settings = mergeSettings(readViewSettings(from, projectDirectory), this.projectSettings(projectDirectory));
    const main = resolveView(name, settings, projectDirectory);
    if (main === null) return [];
    const rendered: RenderedView[] = [];
    const seen = new Set<string>();
    const queue: Array<{ view: ResolvedView; rebound: ReadonlySet<string> }> = [{ view: main, rebound: new Set() }];
    while (queue.length > 0 && rendered.length < MAX_VIEWS_PER_RENDER) {
      const { view, rebound } = queue.shift() as { view: ResolvedView; rebound: ReadonlySet<string> };
      if (seen.has(view.absolutePath)) continue;
      seen.add(view.absolutePath);
      const loaded = this.load(view);
      if (loaded === null || loaded.scan === null) continue;
      rendered.push({ file: loaded.file, outputs: loaded.scan.outputs.filter((output) => !rebound.has(output.path[0] ?? '')) });
      for (const include of loaded.scan.includes) {
        if (include.rebinds === null || include.name === '') continue;
        const target = resolveInclude(include.name, view, dirname(view.absolutePath));
        if (target !== null) queue.push({ view: target, rebound: new Set([...rebound, ...include.rebinds]) });
      }
    }
    return rendered;
  }

  private load(view: ResolvedView): CachedScan | null {
    if (this.isIgnored(view.absolutePath)) return null;
    const path = toReportedPath(this.options.cwd, view.absolutePath);
    const cached = this.scans.get(view.absolutePath);
    const stats = statSync(view.absolutePath, { throwIfNoEntry: false });
    if (cached !== undefined && stats !== undefined && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
    // Read as code is: inside the root by real path, a regular file, under the size cap, not binary.
    const read = readCodeFile(view.absolutePath, this.limits);
    if (!read.ok) {
      this.problemsByFile.set(path, { kind: 'skipped', file: path, reason: read.reason, message: read.message });
      return null;
    }
    const text = read.text;
    const source = new SourceText(text);
    const result = scanTemplate(view.language, source.text, view.options);
    if (result.ok) this.problemsByFile.delete(path);
    else {
      const at = source.positionAt(result.error.offset);
      this.problemsByFile.set(path, { kind: 'parse-failed', file: path, line: at.line, column: at.column, message: `${view.language} view: ${result.error.message}` });
    }
    const entry: CachedScan = { mtimeMs: stats?.mtimeMs ?? 0, size: stats?.size ?? text.length, file: { path, absolutePath: view.absolutePath, source, language: view.language }, scan: result.ok ? result.scan : null };
    this.scans.set(view.absolutePath, entry);
    return entry;
  }

  /** The nearest directory holding a package.json, within the root; the root when there is none. */
  private projectDirectory(directory: string): string {
    const known = this.projectDirectories.get(directory);
    if (known !== undefined) return known;
    const root = this.options.root;
    let found = root;
    for (let current = directory; current === root || current.startsWith(root + sep); current = dirname(current)) {
      if (existsSync(join(current, 'package.json'))) {
        found = current;
        break;
      }
      if (current === root) break;
    }
    this.projectDirectories.set(directory, found);
    return found;
  }

  /**
   * The view settings every code file of the project makes, found once (files whose text mentions a setting
   * are parsed) and found again when one of those files changes (an editor session).
   */
  private projectSettings(projectDirectory: string): ViewSettings {
    const cached = this.settingsByProject.get(projectDirectory);
    if (cached !== undefined && [...cached.sources].every(([file, mtimeMs]) => existsSync(file) && statSync(file).mtimeMs === mtimeMs)) return cached.settings;
    const sources = new Map<string, number>();
    let settings = NO_VIEW_SETTINGS;
    const discovery = discoverFiles({ paths: [projectDirectory], cwd: this.options.cwd, ignore: this.options.ignore, maxFileSize: this.options.maxFileSize });
    for (const candidate of discovery.files.slice(0, MAX_SETTINGS_CANDIDATES)) {
      if (sources.size >= MAX_SETTINGS_FILES) break;
      // A nested package is another project with its own app.
      if (this.projectDirectory(dirname(candidate.absolutePath)) !== projectDirectory) continue;
      // Unreadable and oversized files are the scan's to report; here they hold no settings.
      const read = readCodeFile(candidate.absolutePath, { root: candidate.root, maxFileSize: this.options.maxFileSize });
      if (!read.ok || !SETTINGS_HINT.test(read.text)) continue;
      const file = this.options.loadCode(resolve(candidate.absolutePath));
      if (file === null) continue;
      sources.set(candidate.absolutePath, statSync(candidate.absolutePath).mtimeMs);
      settings = mergeSettings(settings, readViewSettings(file, projectDirectory));
    }
    this.settingsByProject.set(projectDirectory, { settings, sources });
    return settings;
  }
}

export function scanTemplate(language: TemplateLanguage, text: string, options: TemplateOptions): TemplateScanResult {
  switch (language) {
    case 'ejs':
      return scanEjs(text, parseTemplateScript);
    case 'pug':
      return scanPug(text, parseTemplateScript);
    case 'handlebars':
      return scanHandlebars(text);
    case 'nunjucks':
      return scanNunjucks(text, options);
  }
}

/** Template code is parsed as a script (EJS and Pug run it in a function, not a module), with parents set. */
const parseTemplateScript: ScriptParser = (code) => {
  const parsed = parseSource('template.cjs', code);
  if (!parsed.ok) {
    const problem = parsed.error;
    if (problem.kind !== 'parse-failed') return { ok: false, error: { offset: 0, message: 'cannot parse the template code' } };
    return { ok: false, error: { offset: offsetOf(code, problem.line, problem.column), message: problem.message } };
  }
  traverse(parsed.value.ast);
  return { ok: true, value: { ast: parsed.value.ast, scope: new ScopeFacts(parsed.value.scopeManager) } };
};

function offsetOf(text: string, line: number, column: number): number {
  return new SourceText(text).lineStart(line) + column;
}

function mergeSettings(first: ViewSettings, second: ViewSettings): ViewSettings {
  return {
    directories: [...new Set([...first.directories, ...second.directories])],
    extension: first.extension ?? second.extension,
    engines: new Map([...second.engines, ...first.engines]),
    environments: [...first.environments, ...second.environments],
  };
}
