/**
 * The YAML rule matcher, through the CLI's loader and engine: metavariables and consistent rebinding,
 * ellipses in arguments, statements, objects and member chains, the pattern operators, and matching through
 * imports. Every case runs under both parsers (oxc and typescript-estree), which must agree.
 */
import { describe, expect, it } from 'vitest';
import { oneRule, scanWithYaml } from './semgrep-harness.js';

const PARSERS = ['typescript-estree', 'oxc'] as const;

/** The findings of one rule on one file (`a.ts` unless named), identical under both parsers. */
function hits(ruleBody: string, code: string, fileName = 'a.ts'): readonly string[] {
  const [first, second] = PARSERS.map((parser) => scanWithYaml(oneRule('r', ruleBody), { [fileName]: code }, parser));
  expect(second?.hits).toEqual(first?.hits);
  expect(first?.problems).toEqual([]);
  return first?.hits ?? [];
}

function messages(ruleBody: string, message: string, code: string): readonly string[] {
  return scanWithYaml(oneRule('r', ruleBody, message), { 'a.ts': code }).messages;
}

describe('metavariables', () => {
  it('binds a metavariable consistently across its uses', () => {
    const code = ['if (a == a) {}', 'if (a == b) {}', 'if (user.id == user.id) {}', 'if (user.id == user.name) {}'].join('\n');
    expect(hits('pattern: $X == $X', code)).toEqual(['r:1', 'r:3']);
  });

  it('puts bound code in the message', () => {
    expect(messages('pattern: $OBJ.destroy($ARG)', 'destroyed $ARG on $OBJ', 'session.destroy(callback);\n')).toEqual(['destroyed callback on session']);
  });

  it('treats $_ as a wildcard that binds nothing', () => {
    expect(hits('pattern: setTimeout($_, $_)', 'setTimeout(run, 10);\nsetTimeout(run);\n')).toEqual(['r:1']);
  });
});

describe('ellipsis', () => {
  it('stands for any arguments, before, after and between', () => {
    const code = ['log(1);', 'log();', 'log(0, 1);', 'log(1, 2, 3);', 'log(2);'].join('\n');
    expect(hits('pattern: log(...)', code)).toEqual(['r:1', 'r:2', 'r:3', 'r:4', 'r:5']);
    expect(hits('pattern: log(1, ...)', code)).toEqual(['r:1', 'r:4']);
    expect(hits('pattern: log(..., 1)', code)).toEqual(['r:1', 'r:3']);
    expect(hits('pattern: log(..., 2, ...)', code)).toEqual(['r:4', 'r:5']);
  });

  it('binds a run of arguments to $...ARGS', () => {
    expect(messages('pattern: wrap($...ARGS, done)', 'args: $...ARGS', 'wrap(a, b, done);\nwrap(done);\n')).toEqual(['args: a, b', 'args: ']);
  });

  it('matches a statement sequence with gaps, and a later statement inside a nested block', () => {
    const rule = `pattern: |\n  $F = open($P);\n  ...\n  $F.write($D);`;
    const code = [
      'function a(p) {',
      '  const f = open(p);',
      '  log(f);',
      '  f.write(data);',
      '}',
      'function b(p) {',
      '  const f = open(p);',
      '  if (ok) {',
      '    f.write(data);',
      '  }',
      '}',
      'function c(p) {',
      '  const f = open(p);',
      '  g.write(data);',
      '}',
    ].join('\n');
    expect(hits(rule, code)).toEqual(['r:2', 'r:7']);
  });

  it('matches inside object literals in any position', () => {
    const code = ['set({ secure: false });', 'set({ path: "/", secure: false, httpOnly: true });', 'set({ secure: true });'].join('\n');
    expect(hits('pattern: "set({..., secure: false, ...})"', code)).toEqual(['r:1', 'r:2']);
  });

  it('stands for any chain of members and calls after a dot', () => {
    const code = ['db.table("u").where(q).orderBy("id").raw(sql);', 'db.raw(sql);', 'other.table("u").select().raw(sql);'].join('\n');
    expect(hits('pattern: db.table(...). ... .raw($SQL)', code)).toEqual(['r:1']);
  });

  it('matches any string with "..." and binds string content with "$X"', () => {
    expect(hits('pattern: setSecret("...")', "setSecret('abc');\nsetSecret(`k`);\nsetSecret(key);\n")).toEqual(['r:1', 'r:2']);
  });

  it('matches template literals with text runs', () => {
    const code = ['q(`SELECT * FROM t WHERE id = ${id}`);', 'q(`SELECT 1`);', 'q(`${a}${b}`);'].join('\n');
    expect(hits('pattern: q(`...${$X}...`)', code)).toEqual(['r:1', 'r:3']);
  });
});

describe('operators', () => {
  it('pattern-either matches any alternative', () => {
    const rule = `pattern-either:\n  - pattern: md5($X)\n  - pattern: sha1($X)`;
    expect(hits(rule, 'md5(a);\nsha1(b);\nsha256(c);\n')).toEqual(['r:1', 'r:2']);
  });

  it('pattern-not removes matches of the same code', () => {
    const rule = `patterns:\n  - pattern: query($SQL, ...)\n  - pattern-not: query("...", ...)`;
    expect(hits(rule, "query('SELECT 1');\nquery(sql);\nquery(sql, [id]);\n")).toEqual(['r:2', 'r:3']);
  });

  it('pattern-inside keeps matches inside, sharing metavariables with it', () => {
    const rule = `patterns:\n  - pattern-inside: |\n      function $F(..., $ARG, ...) { ... }\n  - pattern: run($ARG)`;
    const code = ['function f(cmd) {', '  run(cmd);', '  run(other);', '}', 'run(cmd);'].join('\n');
    expect(hits(rule, code)).toEqual(['r:2']);
  });

  it('pattern-not-inside drops matches inside, e.g. a call guarded by a check', () => {
    const rule = `patterns:\n  - pattern: redirect($URL)\n  - pattern-not-inside: |\n      if (isSafe($URL)) { ... }`;
    const code = ['if (isSafe(u)) {', '  redirect(u);', '}', 'redirect(u);', 'if (isSafe(v)) {', '  redirect(u);', '}'].join('\n');
    expect(hits(rule, code)).toEqual(['r:4', 'r:6']);
  });

  it('pattern-not-inside a sequence: a resource opened and never closed', () => {
    const rule = ['patterns:', '  - pattern: $F = open(...)', '  - pattern-not-inside: |', '      $F = open(...);', '      ...', '      $F.close();'].join('\n');
    const code = ['function a() {', '  const f = open(p);', '  f.read();', '}', 'function b() {', '  const f = open(p);', '  f.read();', '  f.close();', '}'].join('\n');
    expect(hits(rule, code)).toEqual(['r:2']);
  });

  it('metavariable-regex filters on the bound code, anchored on the left', () => {
    const rule = `patterns:\n  - pattern: crypto.$ALG(...)\n  - metavariable-regex:\n      metavariable: $ALG\n      regex: (createCipher|createDecipher)$`;
    expect(hits(rule, 'crypto.createCipher(a);\ncrypto.createCipheriv(a);\ncrypto.createDecipher(a);\n')).toEqual(['r:1', 'r:3']);
  });

  it('metavariable-pattern matches within the bound code', () => {
    const rule = `patterns:\n  - pattern: res.send($BODY)\n  - metavariable-pattern:\n      metavariable: $BODY\n      pattern: req.$PART`;
    expect(hits(rule, 'res.send("<p>" + req.query.name);\nres.send("ok");\n')).toEqual(['r:1']);
  });

  it('focus-metavariable reports the bound code', () => {
    const rule = `patterns:\n  - pattern: cookie($NAME, $VALUE, $OPTS)\n  - focus-metavariable: $OPTS`;
    expect(scanWithYaml(oneRule('r', rule), { 'a.ts': 'res.cookie("sid", id,\n  { secure: false });\n' }).hits).toEqual([]);
    expect(scanWithYaml(oneRule('r', rule), { 'a.ts': 'cookie("sid", id,\n  { secure: false });\n' }).hits).toEqual(['r:2']);
  });

  it('pattern-regex searches the file; pattern-not-regex filters a structural match', () => {
    expect(hits('pattern-regex: "TODO\\\\(security\\\\)"', 'const a = 1;\n// TODO(security): check\n')).toEqual(['r:2']);
    const rule = `patterns:\n  - pattern: fetch($URL)\n  - pattern-not-regex: https://api\\.internal`;
    expect(hits(rule, "fetch('https://api.internal/x');\nfetch(url);\n")).toEqual(['r:2']);
  });
});

describe('matching through imports', () => {
  const rule = "pattern: require('child_process').exec($CMD)";

  it('matches a module-rooted pattern however the module was imported', () => {
    const files = {
      'require.js': "const cp = require('child_process');\ncp.exec(cmd);\n",
      'namespace.ts': "import * as cp from 'node:child_process';\ncp.exec(cmd);\n",
      'named.ts': "import { exec as run } from 'child_process';\nrun(cmd);\n",
      'destructured.js': "const { exec } = require('child_process');\nexec(cmd);\n",
      'inline.js': "require('child_process').exec(cmd);\n",
    };
    for (const parser of PARSERS) {
      // Findings come sorted by file: destructured, inline, named, namespace, require.
      expect(scanWithYaml(oneRule('r', rule), files, parser).hits).toEqual(['r:2', 'r:1', 'r:2', 'r:2', 'r:2']);
    }
  });

  it('stays quiet on look-alikes: another module, a local function, an unrelated object', () => {
    const code = ["import { exec } from 'my-exec';", 'exec(cmd);', 'function run(exec) { exec(cmd); }', 'db.exec(cmd);'].join('\n');
    expect(hits(rule, code)).toEqual([]);
  });

  it('reads the module name written as an identifier the same way', () => {
    expect(hits('pattern: child_process.execSync(...)', "import cp from 'child_process';\ncp.execSync('ls');\n")).toEqual(['r:2']);
  });

  it('metavariable-name restricts a metavariable to values from a module', () => {
    const rule = `patterns:\n  - pattern: $LIB.insecure(...)\n  - metavariable-name:\n      metavariable: $LIB\n      module: legacy-crypto`;
    const code = ["import * as lib from 'legacy-crypto';", "import * as other from 'modern-crypto';", 'lib.insecure(1);', 'other.insecure(1);'].join('\n');
    expect(hits(rule, code)).toEqual(['r:3']);
  });
});

describe('equivalences', () => {
  it('matches a literal through a constant', () => {
    const code = ["const ALGORITHM = 'md5';", 'createHash(ALGORITHM);', "createHash('sha256');", "createHash('md5');"].join('\n');
    expect(hits('pattern: createHash("md5")', code)).toEqual(['r:2', 'r:4']);
  });

  it('matches an assignment pattern against a declaration', () => {
    expect(hits("pattern: $X = require('vm')", "const vm = require('vm');\nlet v;\nv = require('vm');\n")).toEqual(['r:1', 'r:3']);
  });

  it('matches a function pattern against declarations, expressions and arrows', () => {
    const code = ['function a(req, res) { res.end(); }', 'const b = function (req, res) {};', 'const c = (req, res) => res.end();', 'const d = (req) => 1;'].join('\n');
    expect(hits('pattern: |\n  function ...($REQ, $RES) { ... }', code)).toEqual(['r:1', 'r:2', 'r:3']);
    // A named function pattern needs a name, as in Semgrep: `...` in place of the name matches anonymous ones.
    expect(hits('pattern: |\n  function $F($REQ, $RES) { ... }', code)).toEqual(['r:1']);
  });

  it('matches through TypeScript casts and optional chains', () => {
    expect(hits('pattern: $X.exec($CMD)', 'shell?.exec(cmd);\n(shell as Runner).exec(cmd);\nshell!.exec(cmd);\n')).toEqual(['r:1', 'r:2', 'r:3']);
  });

  it('matches typed parameters', () => {
    const rule = 'pattern: |\n  function $F(..., $P: Request, ...) { ... }';
    expect(hits(rule, 'function a(req: Request) {}\nfunction b(req: Response) {}\n')).toEqual(['r:1']);
  });
});

describe('statements, classes and deep expressions', () => {
  it('pattern-inside a statement sequence covers the statements after the first', () => {
    const rule = ['patterns:', '  - pattern-inside: |', '      $V = $REQ.query.$P;', '      ...', '  - pattern: run($V)'].join('\n');
    const code = ['function h(req) {', '  run(name);', '  const name = req.query.name;', '  run(name);', '  run(other);', '}'].join('\n');
    expect(hits(rule, code)).toEqual(['r:4']);
  });

  it('matches class methods with decorators, in any order of decorators', () => {
    const rule = 'pattern: |\n  @Post(...)\n  $METHOD(...) { ... }';
    const code = [
      'class UsersController {',
      "  @Post('users')",
      '  @HttpCode(201)',
      '  create(body) { return body; }',
      "  @Get('users')",
      '  list() { return []; }',
      '}',
    ].join('\n');
    expect(hits(rule, code)).toEqual(['r:2']);
  });

  it('finds a pattern anywhere inside an expression with <... ...>', () => {
    const rule = 'pattern: |\n  if (<... $USER.isAdmin ...>) { ... }';
    const code = ['if (user.isAdmin && flag) { grant(); }', 'if (!(a || b.isAdmin)) { grant(); }', 'if (isAdmin) { grant(); }'].join('\n');
    expect(hits(rule, code)).toEqual(['r:1', 'r:2']);
  });

  it('matches an object property pattern wherever the property appears', () => {
    expect(hits("pattern: 'rejectUnauthorized: false'", 'request({ url, rejectUnauthorized: false });\nconst tls = { rejectUnauthorized: true };\n')).toEqual(['r:1']);
  });

  it('matches new expressions and single statements in a block or not', () => {
    expect(hits('pattern: new Function(...)', 'const f = new Function("a", body);\nconst g = Function(body);\n')).toEqual(['r:1']);
    expect(hits('pattern: |\n  if ($C) return $X;', 'function f(c) {\n  if (c) { return 1; }\n  if (c) return 2;\n}\n')).toEqual(['r:2', 'r:3']);
  });
});

