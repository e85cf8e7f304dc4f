/**
 * A throwaway project on disk for engine tests: files are written to a temp directory, loaded through the
 * same loader and module linker the CLI uses, and nodes are found by their source text.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileContext, ProjectServices } from '../../src/engine/file-context.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/engine/discover.js';
import { loadFile } from '../../src/engine/load-file.js';
import { ProjectLinker } from '../../src/engine/module-linker.js';
import { ProjectManifests } from '../../src/engine/project-manifests.js';
import { conceptIndex } from '../../src/engine/run.js';
import { childrenOf } from '../../src/analysis/taint/function-facts.js';

export interface TaintProject {
  file(name: string): FileContext;
  /** The first call in `name` whose callee reads exactly `callee`, e.g. `pool.query`. */
  call(name: string, callee: string): TSESTree.CallExpression | TSESTree.NewExpression;
  /** Every call in `name` whose callee reads exactly `callee`, in source order. */
  calls(name: string, callee: string): Array<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** Argument `index` of the first such call. */
  argument(name: string, callee: string, index?: number): TSESTree.Node;
  /** Argument 0 of the `nth` such call (0-based). */
  nthArgument(name: string, callee: string, nth: number): TSESTree.Node;
  dispose(): void;
}

export function taintProject(files: Readonly<Record<string, string>>): TaintProject {
  const root = mkdtempSync(join(tmpdir(), 'rampart-taint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const loaded = new Map<string, FileContext | null>();
  const services: { conceptIndex: ProjectServices['conceptIndex']; linker: ProjectLinker | null; manifests: ProjectManifests; views: null } = { conceptIndex: conceptIndex(), linker: null, manifests: new ProjectManifests(root), views: null };
  const load = (absolutePath: string): FileContext | null => {
    if (!loaded.has(absolutePath)) {
      const result = loadFile(absolutePath, absolutePath.slice(root.length + 1), services, { root: realpathSync(root), maxFileSize: DEFAULT_MAX_FILE_SIZE });
      loaded.set(absolutePath, result.ok ? result.value.context : null);
    }
    return loaded.get(absolutePath) ?? null;
  };
  services.linker = new ProjectLinker(root, load);
  const file = (name: string): FileContext => {
    const context = load(join(root, name));
    if (context === null) throw new Error(`could not load ${name}`);
    return context;
  };
  const calls = (name: string, callee: string): Array<TSESTree.CallExpression | TSESTree.NewExpression> => {
    const context = file(name);
    const stack: TSESTree.Node[] = [context.ast];
    const found: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if ((node.type === 'CallExpression' || node.type === 'NewExpression') && context.source.slice(node.callee.range) === callee) found.push(node);
      stack.push(...childrenOf(node));
    }
    return found.sort((a, b) => a.range[0] - b.range[0]);
  };
  const call = (name: string, callee: string): TSESTree.CallExpression | TSESTree.NewExpression => {
    const first = calls(name, callee)[0];
    if (first === undefined) throw new Error(`no call to ${callee} in ${name}`);
    return first;
  };
  return {
    file,
    call,
    calls,
    nthArgument: (name, callee, nth) => {
      const argument = calls(name, callee)[nth]?.arguments[0];
      if (argument === undefined) throw new Error(`no call ${nth} to ${callee} in ${name}`);
      return argument;
    },
    argument: (name, callee, index = 0) => {
      const argument = call(name, callee).arguments[index];
      if (argument === undefined) throw new Error(`${callee} has no argument ${index}`);
      return argument;
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `open(files)` for a suite: each test's project is disposed after it. */
export function openTaintProjects(register: (cleanup: () => void) => void): (files: Readonly<Record<string, string>>) => TaintProject {
  let project: TaintProject | null = null;
  register(() => {
    project?.dispose();
    project = null;
  });
  return (files) => {
    project = taintProject(files);
    return project;
  };
}
