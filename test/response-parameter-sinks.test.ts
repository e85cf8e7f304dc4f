/** Sinks on the untyped response parameter of a controller that another module registers as a route. */
import { afterEach, describe, expect, it } from 'vitest';
import { taintProject, type TaintProject } from './support/taint-project.js';

let project: TaintProject | null = null;
afterEach(() => {
  project?.dispose();
  project = null;
});

const APP = "const express = require('express');\nconst c = require('./controllers');\nconst app = express();\napp.get('/x', c.handler);\n";

function flowLabels(controller: string, concept: 'html-output' | 'template-compilation', kind: 'html' | 'code'): string[] {
  project = taintProject({ 'app.js': APP, 'controllers.js': `exports.handler = ${controller};\n` });
  const file = project.file('app.js');
  return file.taint.flowsIntoCall(project.call('app.js', 'app.get'), { concept, sanitizedFor: kind }).map((flow) => `${flow.api} <- ${flow.flow.source.label}`);
}

describe('responseParameterSinks (through flowsIntoCall at a route registration)', () => {
  it('matches calls on the controller response parameter against the response type rows', () => {
    expect(flowLabels("(req, res) => res.send('<p>' + req.query.q)", 'html-output', 'html')).toEqual(['express.Response().send <- req.query.q']);
  });

  it('follows chainable methods, and applies the content type and whole-object conditions', () => {
    expect(flowLabels("(req, res) => res.status(404).send('<p>' + req.params.id)", 'html-output', 'html')).toHaveLength(1);
    expect(flowLabels("(req, res) => res.type('text/plain').send('<p>' + req.params.id)", 'html-output', 'html')).toEqual([]);
    expect(flowLabels("(req, res) => res.render('page', req.body)", 'template-compilation', 'code')).toHaveLength(1);
    expect(flowLabels("(req, res) => res.render('page', { q: req.body.q })", 'template-compilation', 'code')).toEqual([]);
  });

  it('ignores calls on other objects and values that are not request data', () => {
    expect(flowLabels("(req, res) => { const other = { send() {} }; other.send('<p>' + req.query.q); }", 'html-output', 'html')).toEqual([]);
    expect(flowLabels("(req, res) => res.send('<p>' + new Date() + '</p>')", 'html-output', 'html')).toEqual([]);
  });
});
