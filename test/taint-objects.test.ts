/**
 * The engine's notion of text for the kinds only an object trips (`nosql-object`): strings built by
 * coercion, templates and string methods, and inputs a framework always hands over as strings, are clean for
 * it and for nothing else; and MongoDB query documents are read key by key (queryDocumentValues).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTaintProjects } from './support/taint-project.js';

const EXPRESS = "import express from 'express';\nimport mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));\nconst app = express();\n";
const open = openTaintProjects(afterEach);

function flowsFor(value: string, kind: 'nosql-object' | 'sql'): boolean {
  const p = open({ 'app.ts': `${EXPRESS}app.post('/u/:id', (req) => User.findOne(${value}));\n` });
  return p.file('app.ts').taint.flowTo(p.argument('app.ts', 'User.findOne'), { sanitizedFor: kind }) !== null;
}

describe('text and the nosql-object kind', () => {
  it('keeps a raw body or query value: it may be an object', () => {
    expect(flowsFor('req.body.email', 'nosql-object')).toBe(true);
    expect(flowsFor('req.query', 'nosql-object')).toBe(true);
  });

  it('cleans strings built from request data for nosql-object only', () => {
    for (const text of ['String(req.body.email)', '`${req.body.email}`', "'' + req.body.email", 'req.body.email.trim()', 'req.body.tags.join(",")']) {
      expect(flowsFor(text, 'nosql-object')).toBe(false);
      expect(flowsFor(text, 'sql')).toBe(true);
    }
  });

  it('treats express route parameters and headers as text', () => {
    expect(flowsFor('req.params.id', 'nosql-object')).toBe(false);
    expect(flowsFor("req.get('x-token')", 'nosql-object')).toBe(false);
    expect(flowsFor('req.params.id', 'sql')).toBe(true);
  });
});

describe('query documents', () => {
  it('reads an object-literal filter key by key, skipping literal operators', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.post('/u', (req) => User.findOne({ a: { $eq: req.body.a }, b: { $in: req.body.b } }));\n` });
    const call = p.call('app.ts', 'User.findOne');
    expect(p.file('app.ts').taint.sinksAt(call, { concept: 'nosql-query', sanitizedFor: 'nosql-object' })).toEqual([]);
  });

  it('takes a const filter apart, and reports at the document', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.post('/u', (req) => {\n  const filter = { a: req.body.a, b: 'x' };\n  return User.findOne(filter);\n});\n` });
    const sites = p.file('app.ts').taint.sinksAt(p.call('app.ts', 'User.findOne'), { concept: 'nosql-query', sanitizedFor: 'nosql-object' });
    expect(sites).toHaveLength(2);
    expect(sites.every((site) => site.reportAt === p.argument('app.ts', 'User.findOne'))).toBe(true);
  });

  it('takes a filter written into after its declaration whole', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.post('/u', (req) => {\n  const filter = {};\n  filter.a = req.body.a;\n  return User.findOne(filter);\n});\n` });
    const sites = p.file('app.ts').taint.sinksAt(p.call('app.ts', 'User.findOne'), { concept: 'nosql-query', sanitizedFor: 'nosql-object' });
    expect(sites.map((site) => site.target)).toEqual([p.argument('app.ts', 'User.findOne')]);
  });
});
