/**
 * A file's text with a line index. Lines and columns come from character offsets (AST ranges), so the
 * engine works with any TS-ESTree parser. Lines are 1-based, columns 0-based (ESLint's convention);
 * reporters add 1 where their format counts columns from 1.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Lines end at LF only, as git, `git diff` hunks and GitHub code scanning count them: a SARIF region, a
 * `--changed-lines-only` check and a baseline must name the line git names. A lone CR or U+2028/U+2029 inside
 * a line is an ordinary character (ESLint counts those as breaks; the ESLint host reports through ESLint's own
 * `getLocFromIndex`, so each host agrees with its own tools). A CR before the LF is not part of the line's text.
 */
const LINE_BREAK = /\n/g;

export class SourceText {
  /** The text as parsed: a leading byte-order mark is removed, as ESLint does, so columns match editors. */
  readonly text: string;
  readonly hasBom: boolean;
  private readonly lineStarts: number[];

  constructor(raw: string) {
    this.hasBom = raw.charCodeAt(0) === 0xfeff;
    this.text = this.hasBom ? raw.slice(1) : raw;
    this.lineStarts = [0];
    LINE_BREAK.lastIndex = 0;
    for (let match = LINE_BREAK.exec(this.text); match !== null; match = LINE_BREAK.exec(this.text)) {
      this.lineStarts.push(match.index + match[0].length);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) };
  }

  spanOf(range: readonly [number, number]): Span {
    return { start: this.positionAt(range[0]), end: this.positionAt(range[1]) };
  }

  /** The offset where a 1-based line starts (the text's length past the end). */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** The text of a 1-based line, without its terminator; '' past the end. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const raw = this.text.slice(start, next ?? this.text.length);
    return raw.replace(/\r?\n$/, '');
  }

  slice(range: readonly [number, number]): string {
    return this.text.slice(range[0], range[1]);
  }
}
