/** The Content-Type a handler declared before writing a body, and when a body is served as HTML. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { classifyContentType, declaredContentType, responseRoot } from '../src/analysis/taint/html-responses.js';
import { taintProject, type TaintProject } from './support/taint-project.js';

let project: TaintProject | null = null;
afterEach(() => {
  project?.dispose();
  project = null;
});

/** The content type declared before the first `res.send(...)` body in a handler whose body is `handler`. */
function declaredBeforeSend(handler: string, sink = 'res.send'): string {
  project = taintProject({ 'app.js': `const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n${handler}\n});\n` });
  const call = project.call('app.js', sink);
  const callee = call.callee as TSESTree.MemberExpression;
  const root = responseRoot(callee.object);
  const body = call.arguments[0];
  if (root === null || body === undefined) throw new Error('no response root');
  return declaredContentType(project.file('app.js'), root, body.range[0]);
}

describe('classifyContentType', () => {
  it('counts HTML, XHTML and SVG as markup, anything else as other', () => {
    expect(classifyContentType('text/html; charset=utf-8')).toBe('html');
    expect(classifyContentType('html')).toBe('html');
    expect(classifyContentType('application/xhtml+xml')).toBe('html');
    expect(classifyContentType('image/svg+xml')).toBe('html');
    expect(classifyContentType('text/plain')).toBe('other');
    expect(classifyContentType('json')).toBe('other');
  });
});

describe('declaredContentType', () => {
  it('is none when nothing set a type', () => {
    expect(declaredBeforeSend("res.status(200).send('<p>' + req.query.q);", 'res.status(200).send')).toBe('none');
  });

  it('reads a type set in the chain of the write itself', () => {
    expect(declaredBeforeSend("res.status(200).type('text/plain').send(req.query.q);", "res.status(200).type('text/plain').send")).toBe('other');
    expect(declaredBeforeSend("res.type('html').send(req.query.q);", "res.type('html').send")).toBe('html');
  });

  it('reads earlier statements on the same response: set, setHeader, header objects, writeHead', () => {
    expect(declaredBeforeSend("res.set('Content-Type', 'text/plain');\nres.send(req.query.q);")).toBe('other');
    expect(declaredBeforeSend("res.set({ 'content-type': 'application/json' });\nres.send(req.query.q);")).toBe('other');
    expect(declaredBeforeSend("res.writeHead(200, { 'Content-Type': 'text/html' });\nres.end(req.query.q);", 'res.end')).toBe('html');
    expect(declaredBeforeSend("res.writeHead(200, 'OK', { 'Content-Type': 'text/html' });\nres.end(req.query.q);", 'res.end')).toBe('html');
  });

  it('takes the last type set before the body, and ignores types set after it', () => {
    expect(declaredBeforeSend("res.type('html');\nres.type('text/plain');\nres.send(req.query.q);")).toBe('other');
    expect(declaredBeforeSend("res.send(req.query.q);\nres.type('text/plain');")).toBe('none');
  });

  it('ignores other headers, and is unknown when the type or the headers cannot be read', () => {
    expect(declaredBeforeSend("res.set('X-Frame-Options', 'DENY');\nres.send(req.query.q);")).toBe('none');
    expect(declaredBeforeSend('res.type(req.query.format);\nres.send(req.query.q);')).toBe('unknown');
    expect(declaredBeforeSend('res.set(req.app.locals.headers);\nres.send(req.query.q);')).toBe('unknown');
  });
});
