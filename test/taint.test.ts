/**
 * The taint engine's API, asserted flow by flow: sources and their labels, propagation, sanitizers per kind,
 * guards, reaching assignments, summaries across functions and modules, low-trust sources, and bounds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTaintProjects, type TaintProject } from './support/taint-project.js';

const EXPRESS = "import express from 'express';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nconst app = express();\n";
const open = openTaintProjects(afterEach);

describe('flowTo', () => {
  it('names the source and lists the steps from it to the sink', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.get('/u', (req, res) => {\n  const id = req.query.id;\n  pool.query('SELECT ' + id);\n});\n` });
    const flow = p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql', sinkLabel: 'pg query' });
    expect(flow?.source.label).toBe('req.query.id');
    expect(flow?.source.kind).toBe('query');
    expect(flow?.steps.map((step) => step.message)).toEqual(['request input req.query.id (query)', 'assigned to id', 'reaches pg query']);
  });

  it('is null for values that are not request data', () => {
    const p = open({ 'app.ts': `${EXPRESS}export function report(table: string) {\n  return pool.query('SELECT * FROM ' + table);\n}\n` });
    expect(p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('does not treat non-input members of the request as input', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.get('/u', (req) => pool.query('SELECT ' + req.method + req.query.id.length));\n` });
    expect(p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('keeps a sanitizer to its own kind: escaping HTML does not clean SQL', () => {
    const code = `${EXPRESS}import escapeHtml from 'escape-html';\napp.get('/u', (req) => pool.query(escapeHtml(req.query.name)));\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    const sink = p.argument('app.ts', 'pool.query');
    expect(taint.flowTo(sink, { sanitizedFor: 'html' })).toBeNull();
    expect(taint.flowTo(sink, { sanitizedFor: 'sql' })?.source.label).toBe('req.query.name');
  });

  it('cleans numbers for every kind', () => {
    const p = open({ 'app.ts': `${EXPRESS}app.get('/u', (req) => pool.query('LIMIT ' + Number(req.query.n) + parseInt(req.query.m, 10) + +req.query.k));\n` });
    const sink = p.argument('app.ts', 'pool.query');
    for (const kind of ['sql', 'shell', 'path', 'html'] as const) expect(p.file('app.ts').taint.flowTo(sink, { sanitizedFor: kind })).toBeNull();
  });

  it('lets a later plain assignment replace the request value, but not a conditional one', () => {
    const code = `${EXPRESS}app.get('/a', (req) => {\n  let id = req.query.id;\n  id = Number(id);\n  pool.query('A ' + id);\n});\napp.get('/b', (req) => {\n  let id = req.query.id;\n  if (req.query.x) id = 'none';\n  pool.query('B ' + id);\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' })).toBeNull();
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })?.source.label).toBe('req.query.id');
  });

  it('trusts allow-list checks that dominate the read', () => {
    const code = `${EXPRESS}const COLUMNS = ['name', 'email'];\napp.get('/s', (req, res) => {\n  const column = String(req.query.sort);\n  if (!COLUMNS.includes(column)) return res.end();\n  return pool.query('ORDER BY ' + column);\n});\n`;
    const p = open({ 'app.ts': code });
    expect(p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('accepts regex allow-lists of letters, digits, _ and - only', () => {
    const guard = (pattern: string, n: number): string => `app.get('/g${n}', (req, res) => {\n  const v = String(req.query.v);\n  if (!${pattern}.test(v)) return res.end();\n  return pool.query('SELECT ' + v);\n});\n`;
    const code = EXPRESS + guard('/^[a-f0-9]+$/', 0) + guard('/^[0-z]+$/', 1) + guard('/^[\\w.-]+$/', 2) + guard('/^[a-z]+/', 3);
    const p = open({ 'app.ts': code });
    const flowAt = (nth: number): string | null => p.file('app.ts').taint.flowTo(p.nthArgument('app.ts', 'pool.query', nth), { sanitizedFor: 'sql' })?.source.label ?? null;
    expect(flowAt(0)).toBeNull();
    // `0-z` spans `;`, `\` and `^`; `.` admits `..`; an unanchored end admits anything after.
    expect([flowAt(1), flowAt(2), flowAt(3)]).toEqual(['req.query.v', 'req.query.v', 'req.query.v']);
  });

  it('trusts key checks on constant objects, also inside later callbacks', () => {
    const code = `${EXPRESS}const TABLES = { users: 'app_users', orders: 'app_orders' };\napp.get('/t', (req, res) => {\n  const name = String(req.query.table);\n  if (!(name in TABLES) || !Object.hasOwn(TABLES, name)) return res.end();\n  return [1, 2].map(() => pool.query('SELECT * FROM ' + name));\n});\n`;
    const p = open({ 'app.ts': code });
    expect(p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('reads predicate helpers, and stops on recursive ones', () => {
    const code = `${EXPRESS}const KINDS = ['a', 'b'];\nfunction known(k: string): boolean {\n  return KINDS.includes(k);\n}\nfunction loops(k: string): boolean {\n  return loops(k);\n}\napp.get('/p', (req, res) => {\n  const k = String(req.query.k);\n  if (loops(k)) pool.query('A ' + k);\n  if (known(k)) pool.query('B ' + k);\n  res.end();\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' })?.source.label).toBe('req.query.k');
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('follows parameters to callers in the same file', () => {
    const code = `${EXPRESS}function find(name: string) {\n  return pool.query("SELECT '" + name + "'");\n}\napp.get('/f', (req) => find(req.params.name));\n`;
    const p = open({ 'app.ts': code });
    const flow = p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' });
    expect(flow?.source.label).toBe('req.params.name');
    expect(flow?.steps.map((step) => step.message)).toContain('passed to find()');
  });

  it('follows the request object into helpers that read it', () => {
    const code = `${EXPRESS}function sortColumn(request: any) {\n  return request.query.sort;\n}\nfunction method(request: any) {\n  return request.method;\n}\napp.get('/h', (req) => {\n  pool.query('ORDER BY ' + sortColumn(req));\n  pool.query('-- ' + method(req));\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' })?.source.label).toBe('req.query.sort');
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('passes through return values of helpers (summaries, not inlining)', () => {
    const code = `${EXPRESS}const wrap = (value: string) => "'" + value.trim() + "'";\nconst zero = (value: string) => value.length;\napp.get('/w', (req) => {\n  pool.query('A ' + wrap(req.query.a as string));\n  pool.query('B ' + zero(req.query.b as string));\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' })?.source.label).toBe('req.query.a');
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('reads schema parses field by field: z.string() sanitizes nothing, z.number() cleans', () => {
    const code = `${EXPRESS}import { z } from 'zod';\nconst Body = z.object({ name: z.string(), age: z.number(), id: z.string().uuid() });\napp.post('/z', (req) => {\n  const body = Body.parse(req.body);\n  pool.query(body.name);\n  pool.query(String(body.age) + body.id);\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    const flow = taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' });
    expect(flow?.source.label).toBe('req.body.name');
    expect(flow?.steps.some((step) => step.message.startsWith('validated by zod parse()'))).toBe(true);
    expect(taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })).toBeNull();
  });

  it('counts process.argv only when the query asks for low-trust sources', () => {
    const code = "import { exec } from 'node:child_process';\nexec('git checkout ' + process.argv[2]);\n";
    const p = open({ 'cli.ts': code });
    const taint = p.file('cli.ts').taint;
    const sink = p.argument('cli.ts', 'exec');
    expect(taint.flowTo(sink, { sanitizedFor: 'shell' })).toBeNull();
    expect(taint.flowTo(sink, { sanitizedFor: 'shell', includeLowTrust: true })?.source.kind).toBe('cli-argument');
  });

  it('terminates on recursive functions and self-referencing variables', () => {
    const code = `${EXPRESS}function again(value: string): string {\n  return value.length > 3 ? again(value.slice(1)) : value;\n}\napp.get('/r', (req) => {\n  let s = '';\n  for (const part of req.query.parts as string[]) s = s + part;\n  pool.query(again(s));\n});\n`;
    const p = open({ 'app.ts': code });
    expect(p.file('app.ts').taint.flowTo(p.argument('app.ts', 'pool.query'), { sanitizedFor: 'sql' })?.source.label).toBe('req.query.parts');
  });
});

describe('bounds', () => {
  it('stays bounded on long chains of helpers and variables', () => {
    const helpers = Array.from({ length: 300 }, (_, i) => `function f${i}(v: string): string {\n  return f${i + 1}(v + '.');\n}\n`).join('');
    const variables = Array.from({ length: 3000 }, (_, i) => `  const v${i + 1} = v${i} + 'x';\n`).join('');
    const code = `${EXPRESS}${helpers}function f300(v: string): string {\n  return v;\n}\napp.get('/b', (req) => {\n  const v0 = String(req.query.q);\n${variables}  pool.query(f0(v3000));\n  pool.query(f0(v0));\n});\n`;
    const p = open({ 'app.ts': code });
    const taint = p.file('app.ts').taint;
    // Past the bounds the answer is "no flow" (quiet); what matters is that the question returns (speed is the benchmark's).
    expect(() => taint.flowTo(p.nthArgument('app.ts', 'pool.query', 0), { sanitizedFor: 'sql' })).not.toThrow();
    expect(() => taint.flowTo(p.nthArgument('app.ts', 'pool.query', 1), { sanitizedFor: 'sql' })).not.toThrow();
  });
});

describe('sources', () => {
  const sourceOf = (p: TaintProject, name: string, callee: string, index = 0): string | null =>
    p.file(name).taint.flowTo(p.argument(name, callee, index), { sanitizedFor: 'shell' })?.source.label ?? null;

  it('reads koa contexts, hono contexts, fastify requests and NestJS decorators', () => {
    const p = open({
      'koa.ts': "import Router from '@koa/router';\nimport { exec } from 'child_process';\nconst r = new Router();\nr.get('/', (ctx) => exec(ctx.request.body.cmd));\n",
      'hono.ts': "import { Hono } from 'hono';\nimport { exec } from 'child_process';\nconst app = new Hono();\napp.get('/', (c) => exec(c.req.query('cmd')));\n",
      'fastify.ts': "import Fastify from 'fastify';\nimport { exec } from 'child_process';\nconst app = Fastify();\napp.post('/', async (request) => exec((request.body as { cmd: string }).cmd));\n",
      'nest.ts': "import { Body, Controller, Post } from '@nestjs/common';\nimport { exec } from 'child_process';\n@Controller()\nexport class C {\n  @Post()\n  run(@Body('cmd') cmd: string) {\n    exec(cmd);\n  }\n}\n",
    });
    expect(sourceOf(p, 'koa.ts', 'exec')).toBe('ctx.request.body.cmd');
    expect(sourceOf(p, 'hono.ts', 'exec')).toBe('c.req.query()');
    expect(sourceOf(p, 'fastify.ts', 'exec')).toBe('request.body.cmd');
    expect(sourceOf(p, 'nest.ts', 'exec')).toBe("@Body('cmd') cmd");
  });

  it('reads Next.js route handlers by file convention only', () => {
    const handler = "import { exec } from 'child_process';\nexport async function POST(request: Request) {\n  const body = await request.json();\n  exec(body.cmd);\n}\n";
    const p = open({ 'app/api/run/route.ts': handler, 'lib/run.ts': handler });
    expect(sourceOf(p, 'app/api/run/route.ts', 'exec')).toBe('request.json().cmd');
    expect(sourceOf(p, 'lib/run.ts', 'exec')).toBeNull();
  });
});

describe('across modules', () => {
  it('reports a call that carries request data into another module’s sink, with steps in both files', () => {
    const p = open({
      'repo.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function byName(name: string) {\n  return pool.query(`SELECT '${name}'`);\n}\nexport function byId(id: string) {\n  return pool.query('SELECT $1', [id]);\n}\n",
      'routes.ts': "import { Router } from 'express';\nimport { byId, byName } from './repo';\nconst r = Router();\nr.get('/', (req) => {\n  byName(req.query.n as string);\n  byId(req.query.i as string);\n});\n",
    });
    const taint = p.file('routes.ts').taint;
    const sink = { concept: 'sql-execution', sanitizedFor: 'sql' } as const;
    const flows = taint.flowsIntoCall(p.call('routes.ts', 'byName'), sink);
    expect(flows).toHaveLength(1);
    expect(flows[0]?.flow.source.label).toBe('req.query.n');
    expect(new Set(flows[0]?.flow.steps.map((step) => step.file.path))).toEqual(new Set(['routes.ts', 'repo.ts']));
    expect(taint.flowsIntoCall(p.call('routes.ts', 'byId'), sink)).toEqual([]);
  });

  it('resolves a controller registered as a method of an object another module exports (routes.chat.add)', () => {
    const p = open({
      'routes.js': "const vm = require('vm');\nexports.chat = {\n  add(req, res) {\n    res.send(vm.runInNewContext(req.body.code));\n  },\n};\n",
      'app.js': "const express = require('express');\nconst routes = require('./routes');\nconst app = express();\napp.put('/chat', routes.chat.add);\n",
    });
    const flows = p.file('app.js').taint.flowsIntoCall(p.call('app.js', 'app.put'), { concept: 'code-execution', sanitizedFor: 'code' });
    expect(flows.map((flow) => flow.flow.source.label)).toEqual(['req.body.code']);
  });

  it('caches summaries per function and shares them', () => {
    const p = open({ 'lib.ts': 'export function id(value: string) {\n  return value;\n}\n' });
    const file = p.file('lib.ts');
    const fn = file.ast.body[0];
    if (fn?.type !== 'ExportNamedDeclaration' || fn.declaration?.type !== 'FunctionDeclaration') throw new Error('fixture');
    expect(file.taint.returnSummary(fn.declaration)).toBe(file.taint.returnSummary(fn.declaration));
    expect(file.taint.returnSummary(fn.declaration).map((origin) => origin.type)).toEqual(['parameter']);
  });
});
