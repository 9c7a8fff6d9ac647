/**
 * A list of problems that keeps at most `max` in full and counts the rest by severity: a file in a wrong
 * format can have one problem per cell, and millions of objects would cost more than the import itself,
 * while the totals must stay exact ("… and 41 233 more errors").
 */
import type { ImportProblem } from './problems';

export class ProblemLog {
  readonly kept: ImportProblem[] = [];
  /** Problems not kept, by severity. */
  omittedErrors = 0;
  omittedWarnings = 0;

  constructor(private readonly max: number) {}

  get omitted(): number {
    return this.omittedErrors + this.omittedWarnings;
  }

  /** Room for one more error (the kind every per-cell problem is); counts it as omitted when there is none. */
  get room(): boolean {
    return this.roomFor('error');
  }

  roomFor(severity: ImportProblem['severity']): boolean {
    if (this.kept.length < this.max) return true;
    if (severity === 'error') this.omittedErrors++;
    else this.omittedWarnings++;
    return false;
  }

  /** Keeps the problem if there is room, else counts it. */
  push(p: ImportProblem): void {
    if (this.roomFor(p.severity)) this.kept.push(p);
  }
}
