/**
 * Constant folding through the shapes configuration takes in real code: object spreads, members of object
 * literals that also hold functions, destructuring, and constants imported from other project modules (ESM,
 * CommonJS, namespace imports, re-exports), plus the option lookups rules make on calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callSetting } from '../src/analysis/values/call-options.js';
import { openTaintProjects } from './support/taint-project.js';

const open = openTaintProjects((cleanup) => afterEach(cleanup));

describe('StaticValues', () => {
  it('merges object spreads, the last definition winning', () => {
    const project = open({ 'a.ts': "const BASE = { bits: 4096, type: 'rsa' };\nconst OPTS = { ...BASE, bits: 1024 };\nuse(OPTS);\n" });
    const file = project.file('a.ts');
    expect(file.values.valueOf(project.argument('a.ts', 'use'))?.value).toEqual({ bits: 1024, type: 'rsa' });
  });

  it('reads one member of an object literal that also holds a method', () => {
    const project = open({ 'a.ts': 'const config = { rsa: { bits: 1024 }, load() { return 1; } };\nuse(config.rsa.bits);\n' });
    expect(project.file('a.ts').values.valueOf(project.argument('a.ts', 'use'))?.value).toBe(1024);
  });

  it('reads static readonly class fields, and not fields code may reassign', () => {
    const project = open({ 'a.ts': "class Names {\n  static readonly HSTS = 'strict-transport-security';\n  static mutable = 'x';\n}\nuse(Names.HSTS);\nuse(Names.mutable);\n" });
    const file = project.file('a.ts');
    expect([0, 1].map((nth) => file.values.valueOf(project.nthArgument('a.ts', 'use', nth))?.value)).toEqual(['strict-transport-security', undefined]);
  });

  it('reads destructured constants', () => {
    const project = open({ 'a.ts': "const config = { curve: 'secp192k1', handler: () => 1 };\nconst { curve } = config;\nuse(curve);\n" });
    expect(project.file('a.ts').values.valueOf(project.argument('a.ts', 'use'))?.value).toBe('secp192k1');
  });

  it('follows named, default and namespace imports into project modules', () => {
    const project = open({
      'config.ts': "export const KEY_BITS = 1024;\nexport default { curve: 'prime192v1' };\nexport function load() { return 1; }\n",
      'index.ts': "export * from './config';\n",
      'use.ts': "import settings, { KEY_BITS } from './config';\nimport * as all from './index';\nuse(KEY_BITS);\nuse(settings.curve);\nuse(all.KEY_BITS);\n",
    });
    const file = project.file('use.ts');
    expect([0, 1, 2].map((nth) => file.values.valueOf(project.nthArgument('use.ts', 'use', nth))?.value)).toEqual([1024, 'prime192v1', 1024]);
  });

  it('follows CommonJS exports through require and destructuring', () => {
    const project = open({
      'config.js': "const crypto = { bits: 512, init() {} };\nmodule.exports = crypto;\nmodule.exports.group = 'modp1';\n",
      'use.js': "const { bits } = require('./config');\nconst config = require('./config');\nuse(bits);\nuse(config.bits);\n",
    });
    const file = project.file('use.js');
    expect([0, 1].map((nth) => file.values.valueOf(project.nthArgument('use.js', 'use', nth))?.value)).toEqual([512, 512]);
  });

  it('stays unknown for reassigned, computed and cyclic values', () => {
    const project = open({
      'a.ts': "import { B } from './b';\nlet bits = 1024;\nbits = read();\nexport const A = B;\nuse(bits);\nuse(A);\nuse({ ...read(), bits: 1 }.bits);\n",
      'b.ts': "import { A } from './a';\nexport const B = A;\n",
    });
    const file = project.file('a.ts');
    expect(file.values.valueOf(project.nthArgument('a.ts', 'use', 0))).toBeNull();
    expect(file.values.valueOf(project.nthArgument('a.ts', 'use', 1))).toBeNull();
    expect(file.values.valueOf(project.nthArgument('a.ts', 'use', 2))?.value).toBe(1);
  });
});

describe('callSetting', () => {
  it('reads an option through spreads and imports, pointing at the literal when it is in the file', () => {
    const project = open({
      'defaults.ts': 'export const RSA_DEFAULTS = { modulusLength: 1024, publicExponent: 65537 };\n',
      'keys.ts': [
        "import { RSA_DEFAULTS } from './defaults';",
        'const LOCAL = { modulusLength: 1536 };',
        "gen('rsa', { ...RSA_DEFAULTS });",
        "gen('rsa', { ...LOCAL, publicKeyEncoding: { type: 'spki' } });",
        "gen('rsa', { ...RSA_DEFAULTS, modulusLength: read() });",
        "gen('rsa', { ...read() });",
        "gen('rsa', { publicExponent: 3 });",
      ].join('\n'),
    });
    const file = project.file('keys.ts');
    const settings = project.calls('keys.ts', 'gen').map((call) => callSetting(call, 1, 'modulusLength', file.values));
    expect(settings.map((setting) => (setting.kind === 'constant' ? setting.value : setting.kind))).toEqual([1024, 1536, 'unknown', 'unknown', 'absent']);
    const [imported, local] = settings;
    expect(imported?.kind === 'constant' && file.source.slice(imported.node.range)).toBe('{ ...RSA_DEFAULTS }');
    expect(local?.kind === 'constant' && file.source.slice(local.node.range)).toBe('1536');
  });
});
