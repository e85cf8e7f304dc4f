/**
 * The two SARIF checks the issue asks for, both real: the SARIF 2.1.0 JSON schema (vendored in
 * test/schemas from @microsoft/sarif-multitool-linux, so CI needs no network) through ajv, and the SARIF
 * Multitool's `validate --rule-kind "Gh;Sarif"` (GitHub's ingestion rules plus the SARIF spec rules), a
 * self-contained .NET binary shipped per platform by @microsoft/sarif-multitool.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from './hosts.js';
import { tempDir } from './rampart-cli.js';

const require = createRequire(import.meta.url);

// ajv-formats is CommonJS (`module.exports = plugin`, plus `exports.default`); TypeScript's NodeNext view of
// its default import and Node's differ, so take whichever is the function.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

/** Schema violations as `path: message` lines; empty when the log is valid SARIF 2.1.0. */
export function schemaErrors(log: unknown): string[] {
  if (validateSarif(log)) return [];
  return (validateSarif.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
}

export interface MultitoolIssue {
  readonly ruleId: string;
  readonly level: string;
  readonly text: string;
}

/** Path of the Multitool binary for this platform (the package's main export). */
export function multitoolPath(): string {
  return require('@microsoft/sarif-multitool') as string;
}

/** Errors and warnings the Multitool reports under GitHub's and the SARIF spec's rules (notes are advice, not checked). */
export function multitoolIssues(sarifFile: string): MultitoolIssue[] {
  const output = join(tempDir('multitool'), 'validation.sarif');
  execFileSync(multitoolPath(), ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '--output', output, sarifFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[] }[] };
  return (log.runs[0]?.results ?? []).map((result) => ({
    ruleId: result.ruleId,
    level: result.level ?? 'warning',
    text: result.message.text ?? (result.message.arguments ?? []).join(' | '),
  }));
}
