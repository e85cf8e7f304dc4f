/**
 * `mode: taint` YAML rules on rampart's taint engine: the rule's sinks, request sources narrowed by
 * pattern-sources, the engine's flows through variables and helpers, and pattern-sanitizers on the path.
 */
import { describe, expect, it } from 'vitest';
import { scanWithYaml } from './semgrep-harness.js';

const RULE = `rules:
  - id: tainted-template-render
    mode: taint
    message: Request data reaches the template compiler $COMPILE; compile templates from files only.
    severity: ERROR
    languages: [typescript]
    pattern-sources:
      - pattern: $REQ.query
      - pattern: $REQ.body
    pattern-sinks:
      - patterns:
          - pattern: $COMPILE($SRC, ...)
          - metavariable-regex:
              metavariable: $COMPILE
              regex: (Handlebars\\.compile|compileTemplate)$
          - focus-metavariable: $SRC
    pattern-sanitizers:
      - pattern: stripTags(...)
`;

const APP = `import express from 'express';
import Handlebars from 'handlebars';

const app = express();

function greeting(name: string) {
  return 'Hello ' + name;
}

app.get('/a', (req, res) => {
  res.send(Handlebars.compile(req.query.tpl as string)({}));
});

app.post('/b', (req, res) => {
  const text = greeting(req.body.name);
  res.send(Handlebars.compile(text)({}));
});

app.get('/c', (req, res) => {
  res.send(Handlebars.compile(stripTags(req.query.tpl))({}));
});

app.get('/d', (req, res) => {
  res.send(Handlebars.compile(req.params.tpl)({}));
});

app.get('/e', (req, res) => {
  res.send(Handlebars.compile('<p>{{name}}</p>')({ name: req.query.name }));
});

app.get('/f', (req, res) => {
  res.send(Handlebars.compile(String(Number(req.query.n)))({}));
});

function stripTags(text: unknown): string {
  return String(text).replace(/<[^>]*>/g, '');
}
`;

describe('mode: taint', () => {
  for (const parser of ['typescript-estree', 'oxc'] as const) {
    it(`reports request data reaching a sink, through helpers, and not past sanitizers (${parser})`, () => {
      const result = scanWithYaml(RULE, { 'app.ts': APP }, parser);
      // /a direct, /b through a helper. Quiet: /c sanitized by the rule, /d a source the rule does not list
      // (req.params), /e a constant template, /f numeric coercion (the engine's own sanitizer).
      expect(result.hits).toEqual(['tainted-template-render:11', 'tainted-template-render:16']);
      expect(result.messages[0]).toBe('Request data reaches the template compiler Handlebars.compile; compile templates from files only.');
      expect(result.problems).toEqual([]);
    });
  }

  it('reports the sanitized flow once the rule lists no sanitizer (the engine does not know stripTags)', () => {
    const unsanitized = RULE.replace('    pattern-sanitizers:\n      - pattern: stripTags(...)\n', '');
    expect(scanWithYaml(unsanitized, { 'app.ts': APP }).hits).toEqual(['tainted-template-render:11', 'tainted-template-render:16', 'tainted-template-render:20']);
  });

  it('accepts every request source when a source pattern is a bare metavariable', () => {
    const anySource = RULE.replace('      - pattern: $REQ.query\n      - pattern: $REQ.body\n', '      - pattern: $X\n');
    expect(scanWithYaml(anySource, { 'app.ts': APP }).hits).toEqual(['tainted-template-render:11', 'tainted-template-render:16', 'tainted-template-render:24']);
  });

  it('finds nothing in a file that cannot see request data', () => {
    const script = "import Handlebars from 'handlebars';\nexport const render = (text: string) => Handlebars.compile(text)({});\n";
    expect(scanWithYaml(RULE, { 'script.ts': script }).hits).toEqual([]);
  });
});
