/**
 * Fixture annotations, after semgrep's: a comment line `// ruleid: <id>` above a line that must be flagged,
 * `// ok: <id>` above one that must not; `// todo-ruleid:` (a known miss) and `// todo-ok:` (a known false
 * alarm) record gaps: they pass while the gap exists and fail once it closes, so they get promoted.
 * In YAML, Dockerfiles and .env files the comment is `# ruleid: <id>`. Several ids may be listed, comma-separated.
 * Annotations stack: consecutive comment lines apply to the first following line that is not an annotation
 * comment. Views use their template language's comment: `<%# ruleid: xss %>` (EJS), `//- ruleid: xss` (Pug),
 * `{{!-- ruleid: xss --}}` or `{{! ok: xss }}` (Handlebars), `{# ruleid: xss #}` (Nunjucks).
 *
 * A kind may name a host: `// ruleid(eslint): <id>` marks the call that carries request data into another
 * module or a view, where the ESLint host (which lints one file, and code only) reports a taint finding whose
 * sink, and so the CLI's finding, is in that other module or view. See fixtures/README.md for what each host
 * must report.
 */
export const ANNOTATION_KINDS = ['ruleid', 'ok', 'todo-ruleid', 'todo-ok'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** `both`: the finding itself (the CLI's location, and ESLint's when the path stays in the file); `eslint`: a carrier. */
export type AnnotationHost = 'both' | 'eslint';

export interface Annotation {
  readonly kind: AnnotationKind;
  readonly host: AnnotationHost;
  readonly ruleId: string;
  /** 1-based line the annotation is about. */
  readonly line: number;
  /** 1-based line of the comment itself. */
  readonly commentLine: number;
}

const ANNOTATION = /^\s*(?:\/\/-?|\{?\s*\/\*|<%#|\{\{!(?:--)?|\{#|#)\s*(todo-ruleid|todo-ok|ruleid|ok)(?:\((eslint)\))?\s*:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const annotations: Annotation[] = [];
  let pending: Array<{ kind: AnnotationKind; host: AnnotationHost; ruleId: string; commentLine: number }> = [];
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (match !== null) {
      const kind = match[1] as AnnotationKind;
      const host: AnnotationHost = match[2] === 'eslint' ? 'eslint' : 'both';
      for (const ruleId of (match[3] ?? '').split(',').map((id) => id.trim())) pending.push({ kind, host, ruleId, commentLine: index + 1 });
      return;
    }
    if (pending.length > 0 && line.trim() !== '') {
      for (const annotation of pending) annotations.push({ ...annotation, line: index + 1 });
      pending = [];
    }
  });
  return annotations;
}
