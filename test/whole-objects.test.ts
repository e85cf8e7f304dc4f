import { afterEach, describe, expect, it } from 'vitest';
import { wholeObjectParts } from '../src/analysis/taint/whole-objects.js';
import { taintProject, type TaintProject } from './support/taint-project.js';

let project: TaintProject | null = null;
afterEach(() => {
  project?.dispose();
  project = null;
});

function partsOf(code: string): string[] {
  project = taintProject({ 'app.js': code });
  const file = project.file('app.js');
  return wholeObjectParts(file, project.argument('app.js', 'render', 1)).map((node) => file.source.slice(node.range));
}

describe('wholeObjectParts', () => {
  it('is the argument itself when it is not an object literal', () => {
    expect(partsOf('render("v", req.body);')).toEqual(['req.body']);
    expect(partsOf('const p = req.body;\nrender("v", p);')).toEqual(['p']);
  });

  it('is only the spread parts of an object literal, written in place or in a const', () => {
    expect(partsOf('render("v", { title: req.body.title, ...req.query });')).toEqual(['req.query']);
    expect(partsOf('const locals = { title: req.body.title };\nrender("v", locals);')).toEqual([]);
    expect(partsOf('const errors = { name: req.body.name };\nrender("v", { ...errors, x: 1 });')).toEqual([]);
    expect(partsOf('const base = { ...req.query };\nrender("v", { ...base });')).toEqual(['req.query']);
  });
});
