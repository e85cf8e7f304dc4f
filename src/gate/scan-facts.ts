/**
 * What the gate reads from each file while its AST is loaded (scan()'s `onFileScanned`): suppression comments
 * and their identities, and for each finding location and path carrier its identity and statement line. A
 * finding may lie in another file than the one scanned (a taint sink in another module): that file's comments
 * are read too, but only scanned files' comments are checked for being unused. A finding in a view (no AST) is
 * known by its flagged text; one in a config file (no statements or scopes) by its rule, file and flagged text.
 */
import { resolve } from 'node:path';
import { toReportedPath } from '../engine/discover.js';
import type { ConfigFile } from '../engine/config-files.js';
import type { FileContext } from '../engine/file-context.js';
import type { Finding, FindingLocation } from '../rules-api/rule-types.js';
import { identifyComment, identifyExcerpt, identifyRange, statementStartLine, type FindingIdentity } from './finding-identity.js';
import { siteKey, type SiteFacts } from './moved-findings.js';
import { parseSuppressionComments, type SuppressionComment } from './suppression-comments.js';
import type { FileSuppressions, SuppressibleFinding, SuppressionSite } from './unused-suppression.js';

const NO_IDENTITY: FindingIdentity = { context: '', code: '' };

export class ScanFacts {
  readonly sites = new Map<string, SiteFacts>();
  readonly suppressionFiles = new Map<string, FileSuppressions>();
  /** Repository-relative paths of the files scanned. */
  readonly scannedFiles = new Set<string>();
  private readonly commentIdentities = new Map<SuppressionComment, FindingIdentity>();
  private readonly cwd: string;
  private readonly sourceRoot: string;

  constructor(cwd: string, sourceRoot: string) {
    this.cwd = cwd;
    this.sourceRoot = sourceRoot;
  }

  repoPath(file: string): string {
    return toReportedPath(this.sourceRoot, resolve(this.cwd, file));
  }

  readonly onFileScanned = (file: FileContext, findings: readonly Finding[], homeOf: (finding: Finding) => FileContext | null): void => {
    this.scannedFiles.add(this.repoPath(file.path));
    this.readComments(file, true);
    for (const finding of findings) {
      const home = homeOf(finding);
      if (home === null) this.setSite(finding, { identity: identifyExcerpt(finding), statementLine: null });
      else {
        if (home !== file) this.readComments(home, false);
        this.readSite(home, finding);
      }
      // Carriers are in the scanned file: the call there that carries request data to the sink.
      for (const flow of finding.flows ?? []) if (flow.carrier !== undefined && flow.carrier.file === file.path) this.readSite(file, flow.carrier);
    }
  };

  readonly onConfigFileScanned = (file: ConfigFile, findings: readonly Finding[]): void => {
    this.scannedFiles.add(this.repoPath(file.path));
    const identity = (range: readonly [number, number]): FindingIdentity => ({ context: '', code: file.source.slice(range).replace(/\s+/g, ' ').trim() });
    const comments = parseSuppressionComments(file.comments, file.source);
    for (const comment of comments) this.commentIdentities.set(comment, identity(comment.range));
    this.suppressionFiles.set(file.path, { path: file.path, source: file.source, comments, isScanned: true });
    for (const finding of findings) this.setSite(finding, { identity: identity(finding.range), statementLine: null });
  };

  identityOf(location: FindingLocation): FindingIdentity {
    return this.sites.get(siteKey(location))?.identity ?? NO_IDENTITY;
  }

  commentIdentity(comment: SuppressionComment): FindingIdentity {
    return this.commentIdentities.get(comment) ?? NO_IDENTITY;
  }

  /** The lines a comment may target to silence `finding`: at the finding, or at every one of its carriers. */
  suppressible(finding: Finding): SuppressibleFinding {
    const siteOf = (location: FindingLocation): SuppressionSite => {
      const statementLine = this.sites.get(siteKey(location))?.statementLine ?? null;
      return { file: location.file, lines: statementLine === null ? [location.span.start.line] : [location.span.start.line, statementLine] };
    };
    const flows = finding.flows ?? [];
    const carriers = flows.flatMap((flow) => (flow.carrier === undefined ? [] : [siteOf(flow.carrier)]));
    return { finding, at: siteOf(finding), carriers: carriers.length === flows.length ? carriers : [] };
  }

  private readComments(file: FileContext, isScanned: boolean): void {
    const known = this.suppressionFiles.get(file.path);
    if (known !== undefined) {
      if (isScanned && !known.isScanned) this.suppressionFiles.set(file.path, { ...known, isScanned });
      return;
    }
    const comments = parseSuppressionComments(file.ast.comments ?? [], file.source);
    for (const comment of comments) this.commentIdentities.set(comment, identifyComment(file.ast, file.source, comment.range));
    this.suppressionFiles.set(file.path, { path: file.path, source: file.source, comments, isScanned });
  }

  private readSite(file: FileContext, location: FindingLocation): void {
    if (this.sites.has(siteKey(location))) return;
    this.setSite(location, { identity: identifyRange(file.ast, file.source, location.range), statementLine: statementStartLine(file.ast, file.source, location.range) });
  }

  private setSite(location: FindingLocation, facts: SiteFacts): void {
    const key = siteKey(location);
    if (!this.sites.has(key)) this.sites.set(key, facts);
  }
}
