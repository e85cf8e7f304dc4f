/** Which files rampart reads as code, and how each extension is parsed. */

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export interface LanguageOptions {
  /** JSX is on for .tsx, .jsx and .js (React code often lives in .js files). */
  readonly jsx: boolean;
  readonly sourceType: 'module' | 'script';
}

export function languageOf(path: string): LanguageOptions {
  const lower = path.toLowerCase();
  const jsx = lower.endsWith('.tsx') || lower.endsWith('.jsx') || lower.endsWith('.js');
  const sourceType = lower.endsWith('.cjs') || lower.endsWith('.cts') ? 'script' : 'module';
  return { jsx, sourceType };
}

export function isCodeFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.d.ts') || lower.endsWith('.d.mts') || lower.endsWith('.d.cts') || lower.endsWith('.min.js')) return false;
  return CODE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
