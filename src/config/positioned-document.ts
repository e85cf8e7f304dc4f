/**
 * A JSON or YAML data file parsed with positions, so every complaint about it can name file:line:column.
 * JSON files must be strict JSON (JSON.parse decides); the `yaml` package's syntax tree gives positions for
 * both, since JSON is YAML. Nothing here evaluates anything: YAML tags build no objects beyond plain data,
 * aliases are capped (a billion-laughs file fails instead of exhausting memory), duplicate keys are errors.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ConfigError } from '../engine/problems.js';

export type DataPath = readonly (string | number)[];

export interface PositionedDocument {
  readonly file: string;
  readonly value: unknown;
  /** 1-based line and column of the value (or, with `part: 'key'`, the key) at `path`; the nearest existing ancestor otherwise. */
  positionOf(path: DataPath, part?: 'key' | 'value'): { line: number; column: number };
  /** A ConfigError located at `path`. */
  errorAt(path: DataPath, problem: string, part?: 'key' | 'value'): ConfigError;
}

const MAX_ALIASES = 100;

export function parseDataFile(file: string, text: string, syntax: 'json' | 'yaml'): PositionedDocument {
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (syntax === 'json') checkStrictJson(file, source, lineCounter);
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    const at = lineCounter.linePos(firstError.pos[0]);
    throw new ConfigError(file, at.line, at.col, firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'cannot parse');
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error: unknown) {
    // The one expected failure here is the alias cap; anything else is a bug worth a stack trace.
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) throw new ConfigError(file, 1, 1, error.message);
    throw error;
  }
  const positionOf = (path: DataPath, part: 'key' | 'value' = 'value'): { line: number; column: number } => {
    const offset = offsetOf(document, path, part);
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };
  return {
    file,
    value,
    positionOf,
    errorAt: (path, problem, part) => {
      const at = positionOf(path, part);
      return new ConfigError(file, at.line, at.column, problem);
    },
  };
}

function checkStrictJson(file: string, text: string, lineCounter: LineCounter): void {
  try {
    JSON.parse(text);
  } catch (error: unknown) {
    if (!(error instanceof SyntaxError)) throw error;
    // V8 says "... in JSON at position N" (Node 20); newer versions add "(line L column C)".
    const position = /position (\d+)/.exec(error.message);
    const offset = position?.[1] !== undefined ? Number(position[1]) : 0;
    // The yaml lexer normally records line starts, beginning with 0; here nothing was lexed yet.
    lineCounter.addNewLine(0);
    for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineCounter.addNewLine(index + 1);
    const at = lineCounter.linePos(offset);
    throw new ConfigError(file, at.line, at.col, `invalid JSON: ${error.message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

/** Offset of the node at `path`, walking maps and sequences; stops at the deepest node that exists. */
function offsetOf(document: Document, path: DataPath, part: 'key' | 'value'): number {
  let node: YamlNode | null = document.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let index = 0; index < path.length; index += 1) {
    const step = path[index];
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(step));
      if (pair === undefined) return offset;
      const key = pair.key as YamlNode | null;
      if (isLast && part === 'key' && key?.range !== undefined && key.range !== null) return key.range[0];
      node = (pair.value as YamlNode | null) ?? null;
      offset = node?.range?.[0] ?? key?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (item === undefined) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyText(key: unknown): string | null {
  if (key === null || typeof key !== 'object') return key === null ? null : String(key);
  const value = (key as { value?: unknown }).value;
  return value === undefined ? null : String(value);
}
