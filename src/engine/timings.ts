/**
 * Where a scan's time goes (--timing): per phase (discovery, loading files, running rules) and per rule.
 * Analyses are lazy and shared, so a rule's time includes the analyses it was the first to ask for (as
 * ESLint's TIMING does); the phases add up to the scan.
 */
export class ScanTimings {
  readonly phases = new Map<string, number>();
  readonly rules = new Map<string, number>();

  addPhase(phase: string, milliseconds: number): void {
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + milliseconds);
  }

  addRule(ruleId: string, milliseconds: number): void {
    this.rules.set(ruleId, (this.rules.get(ruleId) ?? 0) + milliseconds);
  }

  /** A table: phases in order, then the slowest rules first, with milliseconds and shares. */
  format(): string {
    const total = [...this.phases.values()].reduce((sum, value) => sum + value, 0);
    const row = (name: string, milliseconds: number, of: number): string =>
      `  ${name.padEnd(28)} ${milliseconds.toFixed(1).padStart(10)} ms ${of > 0 ? `${((100 * milliseconds) / of).toFixed(1).padStart(5)}%` : ''}`;
    const rules = [...this.rules].sort((a, b) => b[1] - a[1]);
    const ruleTotal = rules.reduce((sum, [, value]) => sum + value, 0);
    return [
      'phase                              time  share',
      ...[...this.phases].map(([name, milliseconds]) => row(name, milliseconds, total)),
      '',
      'rule (with the analyses it asked for first)',
      ...rules.map(([name, milliseconds]) => row(name, milliseconds, ruleTotal)),
      '',
    ].join('\n');
  }
}
