/**
 * A scan: discover files, load each once, run the active rules in one traversal per file, collect findings
 * and problems. Files loaded by the linker for another file's imports are kept in a small cache so the scan
 * loop reuses them; the cache is bounded so memory stays flat on large trees.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { ConceptIndex } from '../analysis/concepts/concept-index.js';
import { LIBRARY_MODELS } from '../models/catalog.js';
import type { Finding } from '../rules-api/rule-types.js';
import { configKindOf, parseConfigFile, type ConfigFile } from './config-files.js';
import { runConfigRules } from './config-dispatch.js';
import { readCodeFile } from './file-access.js';
import { isCodeFile } from './language.js';
import { discoverFiles, toReportedPath, type DiscoveryOptions } from './discover.js';
import { runRules, type ActiveRule } from './dispatch.js';
import type { FileContext, ProjectServices } from './file-context.js';
import type { FileLimits } from './file-access.js';
import { ProjectManifests } from './project-manifests.js';
import { loadFile, type LoadedFile } from './load-file.js';
import { ProjectLinker } from './module-linker.js';
import { ViewCatalog } from './view-catalog.js';
import type { ParserName } from './parse.js';
import type { ScanTimings } from './timings.js';
import type { Result, ScanProblem } from './problems.js';
import type { CustomModels } from '../config/custom-models.js';

export interface ScanOptions extends DiscoveryOptions {
  readonly rules: readonly ActiveRule[];
  /** Keeps only these files (reported paths) of the discovered ones, e.g. those changed since a git ref; imports are still linked. */
  readonly includeFile?: (path: string) => boolean;
  /**
   * Called once per scanned file with its parsed context and findings, while the AST is at hand: the CLI gate
   * reads suppression comments and enclosing names here, so no file is parsed twice.
   */
  readonly onFileScanned?: (file: FileContext, findings: readonly Finding[]) => void;
  /** The config's `models:` (docs/guides/custom-models.md); none when absent. */
  readonly models?: CustomModels;
  /** The same for a configuration file (workflow, Dockerfile, compose, .env): its text and `#` comments. */
  readonly onConfigFileScanned?: (file: ConfigFile, findings: readonly Finding[]) => void;
  /** Which parser reads the files (default: oxc, falling back to typescript-estree per file; see parse.ts). */
  readonly parser?: ParserName;
  /** Told how many files will be scanned, then of each one done: for a progress display. */
  readonly progress?: ScanProgress;
  /** When set, the time of each phase and rule is added up here (--timing). */
  readonly timings?: ScanTimings;
}

export interface ScanProgress {
  discovered(total: number): void;
  fileDone(path: string): void;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly problems: readonly ScanProblem[];
  readonly filesScanned: number;
}

const LINKED_FILE_CACHE = 512;

let sharedIndex: ConceptIndex | null = null;
/** The built-in models plus a config's own (compiled per run); the shared index when there are none. */
export function conceptIndexWith(models: CustomModels | undefined): ConceptIndex {
  return models === undefined || models.models.length === 0 ? conceptIndex() : new ConceptIndex([...LIBRARY_MODELS, ...models.models]);
}

/** The compiled models, built once per process. */
export function conceptIndex(): ConceptIndex {
  sharedIndex ??= new ConceptIndex(LIBRARY_MODELS);
  return sharedIndex;
}

class FileCache {
  private readonly entries = new Map<string, Result<LoadedFile>>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get(absolutePath: string, load: () => Result<LoadedFile>): Result<LoadedFile> {
    const cached = this.entries.get(absolutePath);
    if (cached !== undefined) {
      this.entries.delete(absolutePath);
      this.entries.set(absolutePath, cached);
      return cached;
    }
    const loaded = load();
    this.entries.set(absolutePath, loaded);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return loaded;
  }
}

export function scan(options: ScanOptions): ScanResult {
  const { timings } = options;
  const clock = (): number => (timings === undefined ? 0 : performance.now());
  let mark = clock();
  const phase = (name: string): void => {
    if (timings === undefined) return;
    const now = clock();
    timings.addPhase(name, now - mark);
    mark = now;
  };
  const discovery = discoverFiles(options);
  phase('discover files');
  const cache = new FileCache(LINKED_FILE_CACHE);
  const root = linkRoot(options);
  const project: { conceptIndex: ConceptIndex; linker: ProjectLinker | null; manifests: ProjectManifests; views: ViewCatalog | null } = { conceptIndex: conceptIndexWith(options.models), linker: null, manifests: new ProjectManifests(root), views: null };
  const services: ProjectServices = project;
  // Linked files obey the scan's limits: inside the link root (by real path) and under the size cap.
  const linkLimits = { root: realpathSync(root), maxFileSize: options.maxFileSize };
  const load = (absolutePath: string, limits: FileLimits = linkLimits): Result<LoadedFile> =>
    cache.get(absolutePath, () => loadFile(absolutePath, toReportedPath(options.cwd, absolutePath), services, limits, options.parser));
  const loadContext = (absolutePath: string): FileContext | null => {
    const loaded = load(absolutePath);
    return loaded.ok ? loaded.value.context : null;
  };
  const scannedFiles = (): readonly string[] => discovery.files.filter((file) => isCodeFile(file.path)).map((file) => file.absolutePath);
  project.linker = new ProjectLinker(root, loadContext, scannedFiles, options.models?.projectModules);
  const views = new ViewCatalog({ root, cwd: options.cwd, ignore: options.ignore, maxFileSize: options.maxFileSize, loadCode: loadContext });
  project.views = views;

  const findings: Finding[] = [];
  const included = (path: string): boolean => options.includeFile === undefined || options.includeFile(path);
  const problems: ScanProblem[] = discovery.skipped.filter((problem) => included(problem.file));
  let filesScanned = 0;
  const selected = discovery.files.filter((file) => included(file.path));
  options.progress?.discovered(selected.length);
  for (const file of selected) {
    const configKind = configKindOf(file.path);
    if (configKind !== null) {
      const read = readCodeFile(file.absolutePath, { root: file.root, maxFileSize: options.maxFileSize });
      const parsed = read.ok ? parseConfigFile(file.absolutePath, file.path, configKind, read.text) : null;
      if (!read.ok) problems.push({ kind: 'skipped', file: file.path, reason: read.reason, message: read.message });
      else if (parsed !== null && !parsed.ok) problems.push(parsed.error);
      else if (parsed !== null) {
        filesScanned += 1;
        const outcome = runConfigRules(parsed.value, options.rules);
        findings.push(...outcome.findings);
        problems.push(...outcome.problems);
        options.onConfigFileScanned?.(parsed.value, outcome.findings);
      }
      options.progress?.fileDone(file.path);
      continue;
    }
    const loaded = load(file.absolutePath, { root: file.root, maxFileSize: options.maxFileSize });
    phase('read, parse, scopes, walk');
    if (!loaded.ok) {
      problems.push(loaded.error);
      options.progress?.fileDone(file.path);
      continue;
    }
    filesScanned += 1;
    const outcome = runRules(loaded.value.context, loaded.value.traversal, options.rules, timings);
    phase('rules and analyses');
    findings.push(...outcome.findings);
    problems.push(...outcome.problems);
    options.onFileScanned?.(loaded.value.context, outcome.findings);
    phase('suppressions and identities');
    options.progress?.fileDone(file.path);
  }
  problems.push(...views.problems);
  return { findings: distinctFindings(sortFindings(findings)), problems: sortProblems(problems), filesScanned };
}

/** A finding's rule and place, which identify it within a scan. */
export function findingPlace(finding: Finding): string {
  return `${finding.ruleId}\0${finding.file}\0${finding.range[0]}\0${finding.range[1]}`;
}

/**
 * One finding per rule and place: a view rendered by several routes is one sink, reported once with the flow
 * of the first route that reaches it and every route's hand-off as an anchor.
 */
function distinctFindings(findings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  const inViews = new Map<string, number>();
  for (const finding of findings) {
    // Findings in code are each their own (one place may hold two, with different messages).
    if (finding.anchors === undefined) {
      kept.push(finding);
      continue;
    }
    const key = findingPlace(finding);
    const index = inViews.get(key);
    const first = index === undefined ? undefined : kept[index];
    if (index === undefined || first === undefined) {
      inViews.set(key, kept.length);
      kept.push(finding);
    } else kept[index] = { ...first, anchors: [...(first.anchors ?? []), ...finding.anchors] };
  }
  return kept;
}

/**
 * The directory imports may be linked within: the working directory when it holds every scanned path (the
 * usual `rampart .` in a checkout), else the nearest directory holding them all, so `rampart ../service` links
 * that service's modules and reads its tsconfig aliases.
 */
export function linkRoot(options: Pick<ScanOptions, 'paths' | 'cwd'>): string {
  const targets = (options.paths.length === 0 ? ['.'] : options.paths).map((path) => resolve(options.cwd, path));
  const within = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);
  if (targets.every((target) => within(options.cwd, target))) return options.cwd;
  const directories = targets.map((target) => (existsSync(target) && statSync(target).isDirectory() ? target : dirname(target)));
  let common = directories[0] ?? options.cwd;
  while (!directories.every((directory) => within(common, directory))) {
    const parent = dirname(common);
    if (parent === common) break;
    common = parent;
  }
  return common;
}

/** Problems by file, then kind: the order of a report never depends on when a problem was noticed. */
export function sortProblems(problems: readonly ScanProblem[]): ScanProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
